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
  it('finds exactly the literals that a lower-cased indexOf finds inside the span', () => {
    fc.assert(
      fc.property(fc.uniqueArray(literal, { minLength: 1, maxLength: 8 }), text(60), fc.nat(60), fc.nat(60), (lits, s, a, b) => {
        const [start, end] = [Math.min(a, b, s.length), Math.min(Math.max(a, b), s.length)];
        const got = new LiteralScanner(lits).present(s, start, end, new Uint8Array(lits.length));
        const span = s.slice(start, end).toLowerCase();
        const want = lits.flatMap((lit, id) => (span.includes(lit) ? [id] : []));
        expect(new Set(got)).toEqual(new Set(want));
        expect(got.length).toBe(new Set(got).size); // each once
      }),
      { numRuns: 500 },
    );
  });

  it('ignores case and only counts literals wholly inside the span', () => {
    const scanner = new LiteralScanner(['số hóa', 'hóa', 'dịch vụ']);
    const text = 'Dịch vụ SỐ HÓA';
    expect(scanner.present(text, 0, text.length, new Uint8Array(3)).sort()).toEqual([0, 1, 2]);
    expect(scanner.present(text, 9, text.length, new Uint8Array(3))).toEqual([1]); // `Ố HÓA`: only `hóa`
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
