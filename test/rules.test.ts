/** Every rule's examples and counterexamples, through one harness; and the rule set's integrity. */
import { describe, expect, it } from 'vitest';
import { bundledRules } from './helpers.js';
import { checkRuleExamples } from '../src/rules/examples.js';
import { formatDiagnostic } from '../src/rules/ruleset.js';

describe('bundled rules', () => {
  const ruleSet = bundledRules();

  it('every rule names a catalog key and only units that key allows', () => {
    for (const r of ruleSet.rules) {
      const ind = ruleSet.indicators.get(r.rule.indicator);
      expect(ind, r.rule.id).toBeDefined();
      for (const u of r.rule.units) expect(ind!.units, `${r.rule.id} ${u}`).toContain(u);
    }
  });

  it('every catalog key has at least one rule or frame', () => {
    const covered = new Set([...ruleSet.rules.map((r) => r.rule.indicator), ...(ruleSet.frameSource?.frames ?? []).map((f) => f.spec.key)]);
    const missing = [...ruleSet.indicators.keys()].filter((k) => !covered.has(k));
    expect(missing).toEqual([]);
  });

  it('all examples produce their records and no counterexample matches', () => {
    expect(checkRuleExamples(ruleSet).map(formatDiagnostic)).toEqual([]);
  });
});
