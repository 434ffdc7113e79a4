// A development set written apart from the rules (fixtures/<name>/README.md): one article a
// line, scored with the customer's definitions and held to precision and recall floors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, extract, readJsonl } from '../helpers.js';
import { score, type GoldRecord } from '../../src/eval/score.js';

export interface DevSetFloors {
  lines: number;
  precision: number;
  recall: number;
}

export function describeDevSet(title: string, name: string, floors: DevSetFloors): void {
  describe(title, () => {
    const dir = join(ROOT, 'fixtures', name);
    const lines = readFileSync(join(dir, `${name}.txt`), 'utf8').split('\n');
    const gold = readJsonl<GoldRecord & { line: number }>(join(dir, `${name}.gold.jsonl`)).map((g) => ({ ...g, doc: `L${g.line}` }));
    const pred = lines.flatMap((text, i) => (text.trim() ? extract(text, `L${i + 1}`).records.map((r) => ({ ...r, doc: `L${i + 1}` })) : []));
    const report = score(gold, pred);
    it('has articles for every family of keys', () => {
      expect(lines.filter((l) => l.trim()).length).toBeGreaterThanOrEqual(floors.lines);
      expect(new Set(gold.map((g) => g.indicator.split('.')[0])).size).toBeGreaterThanOrEqual(8);
    });
    it(`keyed strict precision ≥ ${floors.precision} and recall ≥ ${floors.recall}`, () => {
      const show = (r: { doc: string; indicator: string | null; value: number; unit: string }) => `${r.doc} ${r.indicator} ${r.value} ${r.unit}`;
      expect(report.strict.precision, report.extra.map(show).join('\n')).toBeGreaterThanOrEqual(floors.precision);
      expect(report.strict.recall, report.missed.map(show).join('\n')).toBeGreaterThanOrEqual(floors.recall);
    });
    it('qualifier and status agree on every keyed record found', () => {
      expect(report.attributeMismatches.map((m) => `${m.field}: ${m.gold.doc} ${m.gold.indicator} ${m.gold.value}`)).toEqual([]);
    });
  });
}
