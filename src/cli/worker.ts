/**
 * A worker thread of `chiso extract --jobs N`: loads the rule set once, then extracts the
 * batches of articles the main thread sends, in the order sent. Pure computation, no I/O
 * besides reading the rule files at start.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildRuleSet, readRuleSources } from '../rules/load.js';
import { buildProvinceMatcher } from '../article/fields.js';
import { extractArticle, type Article } from '../pipeline/extract.js';

interface WorkerSetup {
  rulesDir: string;
  dedupe?: boolean;
  all?: boolean;
}

const setup = workerData as WorkerSetup;
const { ruleSet } = buildRuleSet(readRuleSources(setup.rulesDir));
const provinces = buildProvinceMatcher(ruleSet.provinces);

parentPort!.on('message', (msg: { id: number; articles: Article[] }) => {
  try {
    const results = msg.articles.map((article) => {
      const r = extractArticle(article, { ruleSet, provinces, dedupe: setup.dedupe, all: setup.all });
      return { records: r.records, rejected: r.rejected };
    });
    parentPort!.postMessage({ id: msg.id, results });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error)?.stack ?? String(e) });
  }
});
