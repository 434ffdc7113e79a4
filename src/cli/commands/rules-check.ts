/**
 * `chiso rules check`: schema, catalog keys, units, patterns (syntax and safety), examples;
 * concepts and frames (unknown concepts, frames that never fire, two keys with one frame); and
 * catalog keys that no rule or frame can yield (in a complete rule set: one with frames).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildRuleSet, readRuleSources, unreachableKeys } from '../../rules/load.js';
import { checkRuleExamples } from '../../rules/examples.js';
import { formatDiagnostic } from '../../rules/ruleset.js';
import { EXIT, UsageError, type CliIO } from '../context.js';
import { BUNDLED_RULES } from '../rules-loader.js';

export function runRulesCheck(opts: { rules?: string; format?: 'text' | 'json' }, io: CliIO): number {
  const dir = opts.rules ?? BUNDLED_RULES;
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--rules ${dir}: not a directory`);
  const { ruleSet, diagnostics } = buildRuleSet(readRuleSources(dir));
  const all = [...diagnostics, ...checkRuleExamples(ruleSet), ...(diagnostics.length === 0 && ruleSet.frameSource ? unreachableKeys(ruleSet, join(dir, 'indicators.yaml')) : [])];
  if (opts.format === 'json') io.stdout.write(JSON.stringify({ rules: ruleSet.rules.length, problems: all }, null, 2) + '\n');
  else {
    for (const d of all) io.stdout.write(formatDiagnostic(d) + '\n');
    io.stdout.write(all.length === 0
      ? `${ruleSet.rules.length} rules, ${ruleSet.indicators.size} indicators: no problems\n`
      : `${all.length} problem(s) in ${ruleSet.rules.length} rules\n`);
  }
  return all.length === 0 ? EXIT.ok : EXIT.partial;
}
