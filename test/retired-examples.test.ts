// Regex rules that the concept frames made redundant were deleted (issue #12); their examples
// stay here as statements of what the rule set as a whole must still read, key by key.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, extract, readJsonl } from './helpers.js';

interface Expected { indicator: string; value: number; unit: string; denominator?: number; qualifier?: string; status?: string }
type Retired = { rule: string; indicator: string } & ({ text: string; expect: Expected[] } | { counterexample: string });

const all = readJsonl<Retired>(join(ROOT, 'fixtures', 'retired-examples.jsonl'));
const examples = all.filter((r): r is Extract<Retired, { text: string }> => 'text' in r);
const counterexamples = all.filter((r): r is Extract<Retired, { counterexample: string }> => 'counterexample' in r);
const show = (r: { indicator: string | null; value: number; unit: string; denominator?: number | null; qualifier?: string; status?: string }) =>
  `${r.indicator} ${r.value}${r.denominator != null ? `/${r.denominator}` : ''} ${r.unit}${r.qualifier ? ` ${r.qualifier}` : ''}${r.status ? ` ${r.status}` : ''}`;

describe('examples of retired rules still come out', () => {
  it('has the retired examples', () => expect(examples.length).toBeGreaterThan(50));
  it.each(examples.map((e) => [e.rule, e.text, e] as const))('%s: %s', (_rule, text, e) => {
    const { records } = extract(text);
    for (const want of e.expect) {
      const got = records.find((r) => r.indicator === want.indicator && r.value === want.value && r.unit === want.unit
        && (want.denominator === undefined || r.denominator === want.denominator)
        && (want.qualifier === undefined || r.qualifier === want.qualifier)
        && (want.status === undefined || r.status === want.status));
      expect(got ? show(want) : records.map((r) => show({ ...r, qualifier: want.qualifier ? r.qualifier : undefined, status: want.status ? r.status : undefined })).join('; ') || 'nothing').toBe(show(want));
    }
  });
});

describe('counterexamples of retired rules stay unkeyed by that rule’s key', () => {
  it.each(counterexamples.map((c) => [c.indicator, c.counterexample] as const))('%s: %s', (indicator, text) => {
    expect(extract(text).records.filter((r) => r.indicator === indicator).map(show)).toEqual([]);
  });
});
