/**
 * One harness for every rule's examples (the way ESLint's RuleTester and Duckling's corpus
 * checker work): each positive example must yield its expected records, at least one of them
 * from the rule itself; each counterexample must yield no record from the rule.
 */
import { extractArticle } from '../pipeline/extract.js';
import { buildProvinceMatcher } from '../article/fields.js';
import type { ChisoRecord } from '../records/schema.js';
import type { CompiledRule, Diagnostic, RuleSet } from './ruleset.js';
import type { ExpectedRecord } from './schema.js';

export function checkRuleExamples(ruleSet: RuleSet): Diagnostic[] {
  const provinces = buildProvinceMatcher([]);
  const out: Diagnostic[] = [];
  for (const rule of ruleSet.rules) {
    const at = (code: string, message: string) =>
      out.push({ file: rule.file, line: rule.line, col: rule.col, code, message, ruleId: rule.rule.id });
    if (rule.rule.examples.length === 0) at('no-example', 'rule has no positive example');
    for (const ex of rule.rule.examples) {
      const records = extractArticle({ source: 'example', text: ex.text, title: null, published: null }, { ruleSet, provinces }).records;
      const problem = explainMiss(rule, ex.expect, records);
      if (problem) at('example-failed', `example "${clip(ex.text)}": ${problem}`);
    }
    for (const text of rule.rule.counterexamples) {
      const records = extractArticle({ source: 'example', text, title: null, published: null }, { ruleSet, provinces }).records;
      const hit = records.find((r) => r.rule === rule.rule.id);
      if (hit) at('counterexample-matched', `counterexample "${clip(text)}" produced ${describe(hit)}`);
    }
  }
  return out;
}

function explainMiss(rule: CompiledRule, expected: ExpectedRecord[], records: ChisoRecord[]): string | null {
  let fromRule = false;
  const used = new Set<ChisoRecord>();
  for (const e of expected) {
    const indicator = e.indicator ?? rule.rule.indicator;
    const hit = records.find((r) => !used.has(r) && r.indicator === indicator && r.unit === e.unit && r.value === e.value
      && (e.denominator === undefined || r.denominator === e.denominator)
      && (e.qualifier === undefined || r.qualifier === e.qualifier)
      && (e.status === undefined || r.status === e.status));
    if (!hit) {
      const got = records.length ? records.map(describe).join('; ') : 'nothing';
      return `expected ${indicator} ${e.value} ${e.unit}${e.qualifier ? ` ${e.qualifier}` : ''}${e.status ? ` ${e.status}` : ''}, got ${got}`;
    }
    used.add(hit);
    if (hit.rule === rule.rule.id) fromRule = true;
  }
  return fromRule ? null : `the expected records came from other rules (${[...used].map((r) => r.rule).join(', ')}), not this one`;
}

function describe(r: ChisoRecord): string {
  return `${r.indicator} ${r.value}${r.denominator !== null ? `/${r.denominator}` : ''} ${r.unit} ${r.qualifier} ${r.status} [${r.rule}]`;
}

function clip(s: string): string {
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}
