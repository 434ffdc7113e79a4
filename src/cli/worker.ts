/**
 * A worker thread of `chiso extract --jobs N`: receives the rule set once, then turns the batches
 * the main thread sends (articles, or raw JSONL lines) into formatted rows, in the order sent.
 * Parsing, extraction and formatting all happen here, so the main thread only reads and writes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { buildProvinceMatcher } from '../article/fields.js';
import { makeFormatter } from '../io/formats.js';
import { doWork, type WorkContext, type WorkItem } from './work.js';
import type { PoolSetup } from './pool.js';

const setup = workerData as PoolSetup;
// The main thread loaded and checked the rules; they arrive compiled (regular expressions,
// sets and maps survive structured cloning), so a worker starts without parsing YAML.
const ruleSet = setup.ruleSet;
const ctx: WorkContext = {
  ruleSet,
  provinces: buildProvinceMatcher(ruleSet.provinces),
  fmt: makeFormatter(setup.format, { bom: setup.bom, color: setup.color }),
  dedupe: setup.dedupe,
  all: setup.all,
  emitText: setup.emitText,
};

parentPort!.on('message', (msg: { id: number; items: WorkItem[] }) => {
  try {
    parentPort!.postMessage({ id: msg.id, results: msg.items.map((item) => doWork(item, ctx)) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: (e as Error)?.stack ?? String(e) });
  }
});
