// Press paragraphs written apart from the rules (fixtures/press-paragraphs/README.md): each line
// its own article, scored with the customer's definitions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, extract, readJsonl } from './helpers.js';
import { score, type GoldRecord } from '../src/eval/score.js';

describe('press paragraphs written apart from the rules', () => {
  const dir = join(ROOT, 'fixtures', 'press-paragraphs');
  const lines = readFileSync(join(dir, 'press-paragraphs.txt'), 'utf8').split('\n');
  const gold = readJsonl<GoldRecord & { line: number }>(join(dir, 'press-paragraphs.gold.jsonl')).map((g) => ({ ...g, doc: `L${g.line}` }));
  const pred = lines.flatMap((text, i) => (text.trim() ? extract(text, `L${i + 1}`).records.map((r) => ({ ...r, doc: `L${i + 1}` })) : []));
  const report = score(gold, pred);
  it('has paragraphs for every family of keys', () => {
    expect(lines.filter((l) => l.trim()).length).toBeGreaterThanOrEqual(38);
    expect(new Set(gold.map((g) => g.indicator.split('.')[0])).size).toBeGreaterThanOrEqual(8);
  });
  it('keyed strict precision ≥ 0.94 and recall ≥ 0.89', () => {
    const show = (r: { doc: string; indicator: string | null; value: number; unit: string }) => `${r.doc} ${r.indicator} ${r.value} ${r.unit}`;
    expect(report.strict.precision, report.extra.map(show).join('\n')).toBeGreaterThanOrEqual(0.94);
    expect(report.strict.recall, report.missed.map(show).join('\n')).toBeGreaterThanOrEqual(0.89);
  });
  it('qualifier and status agree on every keyed record found', () => {
    expect(report.attributeMismatches.map((m) => `${m.field}: ${m.gold.doc} ${m.gold.indicator} ${m.gold.value}`)).toEqual([]);
  });
});
