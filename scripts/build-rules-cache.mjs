#!/usr/bin/env node
// The last step of `npm run build`: parses the bundled rules once and writes their cache,
// dist/rules-cache.json, so `chiso` starts without parsing YAML (see src/cli/rules-cache.ts).
// Invalid rules get no cache (chiso reports them at start, `chiso rules check` lists them);
// the build itself never fails here.
import { readFileSync, rmSync } from 'node:fs';

const { BUNDLED_RULES } = await import('../dist/cli/rules-loader.js');
const { BUNDLED_CACHE, cacheKeyOf, writeBundledCache } = await import('../dist/cli/rules-cache.js');
const { buildRuleSet, readRuleSources } = await import('../dist/rules/load.js');
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

let why;
try {
  rmSync(BUNDLED_CACHE, { force: true });
  const sources = readRuleSources(BUNDLED_RULES);
  // The CLI loads the bundled rules without the safety analysis (the tests and `rules check` run it).
  const key = cacheKeyOf(sources, false, version, {});
  const { ruleSet, diagnostics } = buildRuleSet(sources, { checkSafety: false });
  why = key === null ? 'the rule files or the code could not be read'
    : diagnostics.length > 0 ? `the bundled rules have ${diagnostics.length} problem(s) (run \`chiso rules check\`)`
    : writeBundledCache(ruleSet, sources, key);
} catch (e) {
  why = e instanceof Error ? e.message : String(e);
}
if (why) process.stderr.write(`build: no rule cache written: ${why}; chiso will parse the rules at every start\n`);
