import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readRuleSources } from '../rules/sources.js';
import type { Diagnostic, RuleSet } from '../rules/ruleset.js';
import { formatDiagnostic } from '../rules/ruleset.js';
import { UsageError } from './context.js';
import { cacheKeyOf, readCachedRuleSet, writeUserCache, type CacheContext } from './rules-cache.js';

/** The rules shipped with chiso (`rules/` beside `dist/`). */
export const BUNDLED_RULES = fileURLToPath(new URL('../../rules', import.meta.url));

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * The rule set of a folder (default: the bundled rules), from the rule cache when it holds
 * these exact files (src/cli/rules-cache.ts), else parsed and checked (src/rules/load.ts, which
 * brings YAML and the schemas; imported only then). Invalid rules are a usage error listing
 * the first problems; they are never cached, so their diagnostics always come from a parse.
 */
export async function loadRulesOrThrow(dir: string | undefined, env: Record<string, string | undefined> = {}): Promise<{ ruleSet: RuleSet; diagnostics: Diagnostic[]; dir: string }> {
  const path = dir ?? BUNDLED_RULES;
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`--rules ${path}: not a directory`);
  const sources = readRuleSources(path);
  const checkSafety = resolve(path) !== resolve(BUNDLED_RULES);
  const key = cacheKeyOf(sources, checkSafety, version, env);
  const cache: CacheContext | null = key === null ? null : { key, dir: path, sources, env, bundled: !checkSafety };
  const cached = cache ? readCachedRuleSet(cache) : null;
  if (cached) return { ruleSet: cached, diagnostics: [], dir: path };
  const { buildRuleSet } = await import('../rules/load.js');
  const { ruleSet, diagnostics } = buildRuleSet(sources, { checkSafety });
  if (diagnostics.length > 0) {
    const shown = diagnostics.slice(0, 10).map(formatDiagnostic).join('\n');
    const more = diagnostics.length > 10 ? `\n… and ${diagnostics.length - 10} more (run 'chiso rules check')` : '';
    throw new UsageError(`invalid rules in ${path}:\n${shown}${more}`);
  }
  if (cache) writeUserCache(cache, ruleSet);
  return { ruleSet, diagnostics, dir: path };
}
