/** The customer's acceptance bars, measured with our scorer (which agrees with scripts/score.mjs). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES_DIR, ROOT, articleFiles, extract, readJsonl } from './helpers.js';
import { docOf, score, type GoldRecord } from '../src/eval/score.js';

describe('seed articles against fixtures/gold/seeds.jsonl', () => {
  const gold = readJsonl<GoldRecord>(join(ROOT, 'fixtures', 'gold', 'seeds.jsonl'));
  const pred = articleFiles().flatMap((name) =>
    extract(readFileSync(join(ARTICLES_DIR, name), 'utf8'), name).records.map((r) => ({ ...r, doc: docOf(r.source) })),
  );
  const report = score(gold, pred);

  it('strict precision ≥ 0.97 and recall ≥ 0.95', () => {
    expect(report.strict.precision).toBeGreaterThanOrEqual(0.97);
    expect(report.strict.recall).toBeGreaterThanOrEqual(0.95);
  });
  it('qualifier and status agreement ≥ 0.95', () => {
    expect(report.qualifier).toBeGreaterThanOrEqual(0.95);
    expect(report.status).toBeGreaterThanOrEqual(0.95);
  });
});

describe('phrasebook against fixtures/phrasebook/gold.jsonl', () => {
  const gold = readJsonl<GoldRecord>(join(ROOT, 'fixtures', 'phrasebook', 'gold.jsonl'));
  const text = readFileSync(join(ROOT, 'fixtures', 'phrasebook', 'phrasebook.txt'), 'utf8');
  const { records } = extract(text, 'phrasebook.txt');
  const report = score(gold, records.map((r) => ({ ...r, doc: docOf(r.source) })));

  it('strict F1 ≥ 0.90', () => {
    expect(report.strict.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('each phrasebook line yields its gold records (by line)', () => {
    const byLine = new Map<number, string[]>();
    for (const g of gold) if (g.indicator !== 'other') byLine.set(g.line!, [...(byLine.get(g.line!) ?? []), `${g.indicator} ${g.value} ${g.unit}`]);
    const misses: string[] = [];
    for (const [line, wanted] of byLine) {
      const got = records.filter((r) => r.line === line).map((r) => `${r.indicator} ${r.value} ${r.unit}`);
      for (const w of wanted) if (!got.includes(w)) misses.push(`line ${line}: ${w}`);
    }
    // Tolerate a few misses (the bar is F1 ≥ 0.90), but list them when there are more.
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(Math.floor(gold.length * 0.05));
  });
});

describe('sentences written for the tests, in other provinces\' phrasing (fixtures/extra)', () => {
  // Expected records reviewed by hand when they were written; a guard against rules that only
  // fit the seed and phrasebook sentences. Every one must come out: a tolerance here let a
  // widened pattern take a record from its neighbour unnoticed. (New sentences go in once the
  // rules read them; their first-run accuracy is reported in the closing note, not here.)
  const gold = readJsonl<GoldRecord>(join(ROOT, 'fixtures', 'extra', 'written-for-tests.gold.jsonl'));
  const { records } = extract(readFileSync(join(ROOT, 'fixtures', 'extra', 'written-for-tests.txt'), 'utf8'), 'written-for-tests.txt');
  const report = score(gold, records.map((r) => ({ ...r, doc: docOf(r.source) })));
  it('every expected record, nothing else, with its qualifier and status', () => {
    const show = (r: { indicator?: string | null; value: number; unit: string; text?: string }) => `${r.indicator} ${r.value} ${r.unit} | ${r.text}`;
    expect(report.missed.map(show), 'missed').toEqual([]);
    expect(report.extra.map(show), 'extra').toEqual([]);
    expect(report.attributeMismatches.map((m) => `${m.field}: ${show(m.gold)}`), 'qualifier/status').toEqual([]);
  });
});
