// The hot-path shortcuts must not change what matches: each is checked against the plain
// formulation it replaces, on generated Vietnamese-like text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LiteralScanner } from '../src/match/literal-scanner.js';
import { WordPattern } from '../src/text/word-pattern.js';

// Short alphabets make overlaps, repeats and case variants frequent.
const CHARS = ['a', 'ă', 'n', 'g', 'đ', 'Đ', 'ệ', 'Ệ', ' ', ',', '1', 'A', 'N', 'ố', 'x'];
const text = (max: number) => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((a) => a.join(''));
const literal = fc.array(fc.constantFrom(...CHARS.filter((c) => c !== c.toUpperCase() || !/\p{L}/u.test(c))), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));

describe('LiteralScanner', () => {
  it('finds exactly the (lower-cased) occurrences that indexOf finds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(literal, { minLength: 1, maxLength: 8 }), text(60), (lits, s) => {
        const scanner = new LiteralScanner(lits);
        const occ = scanner.scan(s);
        const got = new Set<string>();
        for (let k = 0; k < occ.count; k++) {
          expect(occ.ends[k]! - occ.starts[k]!).toBe(lits[occ.ids[k]!]!.length);
          got.add(`${occ.ids[k]}@${occ.starts[k]}`);
        }
        const want = new Set<string>();
        const lower = s.toLowerCase();
        lits.forEach((lit, id) => {
          for (let i = lower.indexOf(lit); i !== -1; i = lower.indexOf(lit, i + 1)) want.add(`${id}@${i}`);
        });
        expect(got).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });

  it('reports occurrences in order of their end', () => {
    const occ = new LiteralScanner(['số hóa', 'hóa', 'dịch vụ']).scan('Dịch vụ số hóa, SỐ HÓA');
    const ends = Array.from(occ.ends.subarray(0, occ.count));
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(occ.count).toBe(5);
  });
});

describe('WordPattern', () => {
  const bodies = ['(?:ăn|đi|ăng)\\s*$', 'a+n?', '(?:đệ|ệ)', 'n(?!\\p{L})', '(?:1|a)\\s+', 'ố,?'];

  it('matches where the boundary-prefixed pattern matches, at the same place', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bodies), text(40), (body, s) => {
        const plain = new RegExp(`(?:^|[^\\p{L}])(${body})`, 'iu');
        const m = plain.exec(s);
        const w = new WordPattern(body).exec(s);
        expect(w === null).toBe(m === null);
        if (m && w) expect(w.index).toBe(m.index + m[0].length - m[1]!.length);
      }),
      { numRuns: 600 },
    );
  });

  it('with letter-or-number boundaries, lists the same matches as a lookbehind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bodies.filter((b) => !b.endsWith('$'))), text(40), (body, s) => {
        const plain = new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})`, 'giu');
        const want = [...s.matchAll(plain)].filter((m) => m[0].length > 0).map((m) => [m.index, m[0]]);
        const got = [...new WordPattern(body, 'iu', 'letter-or-number').all(s)].filter((m) => m[0].length > 0).map((m) => [m.index, m[0]]);
        expect(got).toEqual(want);
      }),
      { numRuns: 600 },
    );
  });

  it('finds the last cue of a sentence', () => {
    const cue = new WordPattern('(?:đã|đến nay)(?!\\p{L})');
    expect(cue.lastIndexIn('Đến nay đã có, đãi ngộ')).toBe(8);
    expect(cue.lastIndexIn('không có')).toBe(-1);
  });
});
