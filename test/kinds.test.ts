/**
 * Every kind of statistic (issue 13): ranks in all their forms, index scores, changes,
 * multiples, densities and values listed after a statement, keyed or not, with the field of a
 * rank and the base of a density never records of their own. fixtures/kinds holds sentences
 * written for this test in the press's phrasing (invented numbers) and their full expected
 * records, reviewed by hand; the comparison is exact, in order, under `--all`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, bundledRules, extract, readJsonl } from './helpers.js';
import { extractArticle } from '../src/pipeline/extract.js';
import { buildProvinceMatcher } from '../src/article/fields.js';
import { findCandidates } from '../src/candidates/find.js';

interface KindGold {
  line: number;
  indicator: string;
  value: number;
  unit: string;
  denominator: number | null;
  measure: string;
  qualifier: string;
  status: string;
  text: string;
}

const DIR = join(ROOT, 'fixtures', 'kinds');
const text = readFileSync(join(DIR, 'kinds.txt'), 'utf8');
const gold = readJsonl<KindGold>(join(DIR, 'kinds.gold.jsonl'));
const all = (t: string) => {
  const ruleSet = bundledRules();
  return extractArticle({ source: 'kinds.txt', text: t }, { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces), all: true }).records;
};
const row = (r: KindGold) => `${r.line} ${r.indicator} ${r.value}${r.denominator !== null ? `/${r.denominator}` : ''} ${r.unit} ${r.measure} ${r.qualifier} ${r.status} «${r.text}»`;

// Lines of fixtures/kinds/kinds.txt by the kind they were written for.
const KINDS: Record<string, number[]> = {
  'ranks (N, N/63, trong 63 tỉnh, word ordinals, top N, nhóm N-M, một trong N)': [...range(1, 23), 80, 81, 88, 91, 93, 97, 101, 102],
  'index scores': [...range(24, 33), 94, 95],
  'changes (rank moves, percentages, scores, counts; levels reached after them)': [...range(34, 47), 84, 85, 86, 87, 89, 92, 96, 98, 99, 100, 102],
  multiples: [...range(48, 55), 82, 83],
  densities: [...range(56, 65), 90, 103],
  'values listed after a statement': range(66, 75),
  'field sizes and bases (never records)': [1, 4, 6, 10, 56, 58, 60, 62, 63, 76, 77, 78, 79, 88, 90, 91, 93],
};

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

describe('every kind of statistic (fixtures/kinds)', () => {
  const records = all(text);

  it.each(Object.entries(KINDS))('has at least 10 sentences: %s', (_, lines) => {
    expect(new Set(lines).size).toBeGreaterThanOrEqual(10);
  });

  it('yields exactly the expected records, in order (--all)', () => {
    const got = records.map((r) => row({ ...r, indicator: r.indicator ?? 'other' }));
    expect(got).toEqual(gold.map(row));
  });

  it('keys the same records without --all, and only those', () => {
    const keyed = extract(text, 'kinds.txt').records.map((r) => row({ ...r, indicator: r.indicator! }));
    expect(keyed).toEqual(gold.filter((g) => g.indicator !== 'other').map(row));
  });

  it('never reads a field size or a base as a record, nor a rank `N/63` as a fraction', () => {
    for (const r of records) {
      expect(r.unit === 'fraction' && (r.denominator === 63 || r.denominator === 34), r.text).toBe(false);
      expect([63, 34].includes(r.value) && r.unit === 'count', r.text).toBe(false);
    }
    expect(records.filter((r) => r.unit === 'density').every((r) => r.denominator !== null)).toBe(true);
  });

  it('reads a bare index value as a score, never as a count', () => {
    for (const t of ['Chỉ số DTI của tỉnh đạt 0,6142.', 'Chỉ số kinh tế số ở mức 0,5917.', 'Giá trị DTI năm 2023 là 0,4380, tăng so với năm 2022.']) {
      expect(all(t).map((r) => r.unit), t).toEqual(['score']);
    }
  });

  it('gives changes a measure and keeps them out of level keys', () => {
    const changes = records.filter((r) => r.measure !== 'level');
    expect(changes.length).toBeGreaterThanOrEqual(20);
    for (const r of changes) expect(r.indicator, r.text).toBeNull();
  });
});

describe('the candidate finder on the kinds', () => {
  const read = (t: string) => findCandidates(t, 'vi').filter((c) => !c.excluded).map((c) => ({ v: c.value, u: c.unit, d: c.denominator, m: c.measure ?? 'level' }));
  it.each<[string, { v: number; u: string; d: number | null; m: string }[]]>([
    ['xếp thứ 27 trong 63 tỉnh', [{ v: 27, u: 'rank', d: null, m: 'level' }]],
    ['xếp hạng 41/63', [{ v: 41, u: 'rank', d: null, m: 'level' }]],
    ['đứng thứ tư cả nước', [{ v: 4, u: 'rank', d: null, m: 'level' }]],
    ['đạt hạng Nhì', [{ v: 2, u: 'rank', d: null, m: 'level' }]],
    ['nằm trong nhóm 20-25 tỉnh dẫn đầu', [{ v: 20, u: 'rank', d: null, m: 'level' }, { v: 25, u: 'rank', d: null, m: 'level' }]],
    ['tăng 12 bậc', [{ v: 12, u: 'count', d: null, m: 'increase' }]],
    ['giảm 4 hạng', [{ v: 4, u: 'count', d: null, m: 'decrease' }]],
    ['tăng 6,2% so với năm trước', [{ v: 6.2, u: 'percent', d: null, m: 'increase' }]],
    ['tăng lên 79,4%', [{ v: 79.4, u: 'percent', d: null, m: 'level' }]],
    ['tăng 0,85 điểm', [{ v: 0.85, u: 'score', d: null, m: 'increase' }]],
    ['gấp 1,8 lần', [{ v: 1.8, u: 'times', d: null, m: 'increase' }]],
    ['tăng 3,2 lần', [{ v: 3.2, u: 'times', d: null, m: 'increase' }]],
    ['đạt 8,76/10 điểm', [{ v: 8.76, u: 'score', d: null, m: 'level' }]],
    ['121,4 thuê bao/100 dân', [{ v: 121.4, u: 'density', d: 100, m: 'level' }]],
    ['1,2 thuê bao/người', [{ v: 1.2, u: 'density', d: 1, m: 'level' }]],
    // The base of a density in the sentence before is not this one's (`… /100 dân. Mạng cáp quang …`).
    ['đạt 89,6 thuê bao/100 dân. Mạng cáp quang kéo tới 412.300 hộ', [{ v: 89.6, u: 'density', d: 100, m: 'level' }, { v: 412300, u: 'count', d: null, m: 'level' }]],
    ['không ít hơn 1.000 tổ', [{ v: 1000, u: 'count', d: null, m: 'level' }]],
    ['Họp 3 lần trong năm', []], // a count of events: no multiple
    ['đã hướng dẫn 1.215 người dân', [{ v: 1215, u: 'count', d: null, m: 'level' }]], // the verb, not a guideline
    ['Theo Hướng dẫn 12/HD-STTTT', []],
  ])('%s', (t, want) => {
    expect(read(t)).toEqual(want);
  });
});
