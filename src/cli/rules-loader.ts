import { fileURLToPath } from 'node:url';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildRuleSet, readRuleSources } from '../rules/load.js';
import type { Diagnostic, RuleSet } from '../rules/ruleset.js';
import { formatDiagnostic } from '../rules/ruleset.js';
import { UsageError } from './context.js';

/** The rules shipped with chiso (`rules/` beside `dist/`). */
export const BUNDLED_RULES = fileURLToPath(new URL('../../rules', import.meta.url));

export function loadRulesOrThrow(dir: string | undefined): { ruleSet: RuleSet; diagnostics: Diagnostic[]; dir: string } {
  const path = dir ?? BUNDLED_RULES;
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new UsageError(`--rules ${path}: not a directory`);
  const { ruleSet, diagnostics } = buildRuleSet(readRuleSources(path), { checkSafety: resolve(path) !== resolve(BUNDLED_RULES) });
  if (diagnostics.length > 0) {
    const shown = diagnostics.slice(0, 10).map(formatDiagnostic).join('\n');
    const more = diagnostics.length > 10 ? `\n… and ${diagnostics.length - 10} more (run 'chiso rules check')` : '';
    throw new UsageError(`invalid rules in ${path}:\n${shown}${more}`);
  }
  return { ruleSet, diagnostics, dir: path };
}
