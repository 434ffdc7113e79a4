// The hot-path shortcuts must not change what matches: each is checked against the plain
// formulation it replaces, on generated Vietnamese-like text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LiteralScanner } from '../src/match/literal-scanner.js';
import { letterAt, lowerCasePattern, TailPattern, WordPattern } from '../src/text/word-pattern.js';
import * as P from '../src/candidates/patterns.js';
import * as K from '../src/candidates/kinds.js';
import { hasToneSuspect, normalizeText, TONE_SUSPECT } from '../src/normalize/normalize.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.js';
import { isGlued, isStop, tailWordStart } from '../src/refine/subject.js';
import { BEFORE as QUALIFIER_PATTERNS } from '../src/refine/qualifier.js';
import { readStatus, sentenceCues } from '../src/refine/status.js';
import { splitSentences } from '../src/text/sentences.js';
import { countryAfter } from '../src/places/gazetteer.js';
import { hasWords } from '../src/refine/place.js';
import { Vocabulary } from '../src/tokens/tokenize.js';
import { needsCollapse } from '../src/text/lines.js';

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

describe('TailPattern (left contexts of numbers)', () => {
  const tails = [
    ...Object.entries(P).filter((e): e is [string, TailPattern] => e[1] instanceof TailPattern),
    ...Object.entries(K).filter((e): e is [string, TailPattern] => e[1] instanceof TailPattern),
    ...QUALIFIER_PATTERNS.map(([t, q]): [string, TailPattern] => [`qualifier ${q}`, t]),
  ];
  const plain = (t: TailPattern) => new RegExp(`(?:^|[^\\p{L}])(${t.body})`, 'iu');
  /** Where the plain form's phrase (not its boundary character) starts, or -1. */
  const plainIndex = (t: TailPattern, s: string) => {
    const m = plain(t).exec(s);
    return m ? m.index + m[0].length - m[1]!.length : -1;
  };
  const LOOKBACK = 48;
  const lefts: string[] = [];
  for (const file of [...readdirSync(join(ROOT, 'fixtures/articles')).map((f) => join(ROOT, 'fixtures/articles', f)), join(ROOT, 'fixtures/phrasebook/phrasebook.txt'), join(ROOT, 'fixtures/extra/written-for-tests.txt'), join(ROOT, 'fixtures/negative.txt')]) {
    const text = normalizeText(readFileSync(file, 'utf8')).text;
    for (const m of text.matchAll(/\d+/g)) lefts.push(text.slice(Math.max(0, m.index - LOOKBACK), m.index));
  }

  it('has tail patterns to check', () => {
    expect(tails.length).toBeGreaterThanOrEqual(8);
    expect(lefts.length).toBeGreaterThan(1000);
  });

  it('agrees with the plain boundary-prefixed pattern on every number of the fixtures', () => {
    for (const [name, t] of tails) {
      const re = plain(t);
      const differ = lefts.filter((l) => t.test(l) !== re.test(l) || t.indexIn(l) !== plainIndex(t, l));
      expect(differ, name).toEqual([]);
    }
  });

  it('agrees on generated contexts: the pattern words, any case, glued letters, runs of spaces', () => {
    const words = [...new Set(tails.flatMap(([, t]) => t.body.match(/\p{L}+/gu) ?? []))];
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(' ', '  ', '\n', ',', 'x', 'Đ', '1', '/', ' \t ', '          \n\n        '));
    const caseOf = fc.constantFrom((s: string) => s, (s: string) => s.toUpperCase(), (s: string) => s.charAt(0).toUpperCase() + s.slice(1));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), caseOf, fc.constantFrom(...tails), (parts, cased, [name, t]) => {
        const left = cased(parts.join('')).slice(-LOOKBACK);
        expect(t.indexIn(left), `${name}: ${JSON.stringify(left)}`).toBe(plainIndex(t, left));
      }),
      { numRuns: 3000 },
    );
  });

  it('phoneCueBefore says what L_PHONE says', () => {
    const piece = fc.constantFrom('hotline', 'Hotline', 'ĐT', 'đt', 'SĐT', 'liên hệ', 'LIÊN HỆ', 'đường dây nóng', 'x', ':', ' ', '  ', '\n', '1', '𝐀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const left = parts.join('').slice(-LOOKBACK);
        expect(P.phoneCueBefore(left), JSON.stringify(left)).toBe(P.L_PHONE.test(left));
      }),
      { numRuns: 3000 },
    );
    for (const left of lefts) expect(P.phoneCueBefore(left), left).toBe(P.L_PHONE.test(left));
  });

  it('keeps escapes when lower-casing a pattern', () => {
    expect(lowerCasePattern('QĐ\\S\\p{Lu}\\D(?:TCVN)')).toBe('qđ\\S\\p{Lu}\\D(?:tcvn)');
  });
});

describe('tailWordStart (subject before a number)', () => {
  const plain = new RegExp(String.raw`(?:\s+|(?<=[(,:])|(?<=^))(?:đạt|là|chiếm|ở mức|lên tới|lên đến|mới|chỉ|ước|được|tăng|giảm|gấp|tụt|lùi|đạt tỷ lệ|tỷ lệ|vượt|khoảng|gần|trên|hơn|dưới|tối thiểu|tối đa|xấp xỉ|ít nhất|không quá|thực hiện|xếp thứ|xếp hạng|đứng thứ|vị trí thứ|vị trí|đứng|xếp|đồng hạng|hạng|nằm trong nhóm|nhóm|top|thứ|đang|vẫn|còn|hiện|tiếp tục|vươn lên|đều|cũng)\s*$`, 'iu');

  it('finds where the whole-string search finds', () => {
    const piece = fc.constantFrom('tỷ lệ', 'đạt', 'Đạt', 'nằm trong nhóm', 'Đồng hạng', 'xã', ' ', '   ', '\n', ',', '(', ':', 'hộ', 'x', 'vị trí thứ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(tailWordStart(s)).toBe(plain.exec(s)?.index ?? -1);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('status cues per sentence', () => {
  it('give every number of the fixtures the status the plain scan gives', () => {
    let checked = 0;
    for (const file of [join(ROOT, 'fixtures/phrasebook/phrasebook.txt'), join(ROOT, 'fixtures/extra/written-for-tests.txt'), ...readdirSync(join(ROOT, 'fixtures/articles')).map((f) => join(ROOT, 'fixtures/articles', f))]) {
      const text = normalizeText(readFileSync(file, 'utf8')).text;
      for (const s of splitSentences(text)) {
        const cues = sentenceCues(text, s.start, s.end);
        for (const m of text.slice(s.start, s.end).matchAll(/\d+(?:[.,]\d+)*%?/g)) {
          const [a, b] = [s.start + m.index, s.start + m.index + m[0].length];
          expect(readStatus(text, s.start, a, b, cues)).toBe(readStatus(text, s.start, a, b));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('left contexts of place names', () => {
  it('countryAfter says what the one regex said', () => {
    const plain = /(?:^|[,;:(]\s*|\n\s*|(?:^|[^\p{L}])(?:bình quân|trung bình|mức|của|chung|tại|ở|là|và|khi|cùng|cho|chiếm|Tính chung|tính chung)\s+)$/iu;
    const piece = fc.constantFrom('của', 'CỦA', 'bình quân', 'Tính chung', 'tại', 'x', 'xtại', ' ', '  ', '\n', ' \n ', ',', ';', '(', ':', '.', '1', '𝐀');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const left = parts.join('');
        expect(countryAfter(left), JSON.stringify(left)).toBe(plain.test(left));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Vocabulary.idAt', () => {
  it('finds what get finds on the sliced (and lower-cased) text', () => {
    const vocab = new Vocabulary();
    for (const w of ['số', 'hóa', 'dịch vụ', 'i̇x', 'σς', 'ς', 'σ', ',', '4', 'đạt', 'a']) vocab.add(w);
    const chars = ['S', 's', 'Ố', 'ố', 'h', 'ó', 'a', 'A', 'İ', 'i', '̇', 'x', 'Σ', 'σ', 'ς', ',', '4', 'Đ', 'ạ', 't', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 6 }), fc.array(fc.constantFrom(...chars), { maxLength: 3 }), fc.boolean(), (word, around, fold) => {
        const text = around.join('') + word.join('') + around.join('');
        const [s, e] = [around.length, around.length + word.join('').length];
        const want = vocab.get(fold ? text.slice(s, e).toLowerCase() : text.slice(s, e));
        expect(vocab.idAt(text, s, e, fold), JSON.stringify([text, s, e, fold])).toBe(want);
      }),
      { numRuns: 5000 },
    );
    expect(vocab.idAt('ĐẠT', 0, 3, true)).toBe(vocab.get('đạt'));
    expect(vocab.idAt('ĐẠT', 0, 3, false)).toBe(0);
  });
});

describe('whole-text checks by char code', () => {
  it('isGlued finds what /\\p{Ll}\\p{Lu}/u finds', () => {
    const piece = fc.constantFrom('a', 'A', 'ở', 'Ở', 'Đ', 'đ', 'ǅ', 'ß', '1', ' ', '-', '𝐀', '𝐚', 'ʰ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const s = parts.join('');
        expect(isGlued(s), JSON.stringify(s)).toBe(/\p{Ll}\p{Lu}/u.test(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('needsCollapse finds what /\\s\\s|[^\\S ]/ finds', () => {
    const piece = fc.constantFrom('a', 'đạt', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\ufeff', ',', '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        expect(needsCollapse(s), JSON.stringify(s)).toBe(/\s\s|[^\S ]/.test(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('hasWords counts the pieces split(/\\s+/) makes', () => {
    const piece = fc.constantFrom('a', 'đạt', ' ', '  ', '\n', '\u00a0', '\u3000', ',', '1');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.integer({ min: 1, max: 12 }), (parts, n) => {
        const s = `x ${parts.join('')} y`;
        expect(hasWords(s, 1, s.length - 1, n)).toBe(s.slice(1, -1).split(/\s+/).length >= n);
      }),
      { numRuns: 3000 },
    );
  });

  // Letters of every alternative, their neighbours (q, a plain letter, an astral letter) and non-letters.
  const TONE_CHARS = [...'oOuUqQaeêiôơưàáạẢèéỳýỷừứựơƠìíịêÊùúụôÔòóọủũ', 'x', ' ', '.', '1', '𝐀'];
  const toneText = fc.array(fc.constantFrom(...TONE_CHARS), { maxLength: 12 }).map((a) => a.join(''));

  it('hasToneSuspect finds a suspect tone placement exactly when TONE_SUSPECT does', () => {
    fc.assert(
      fc.property(toneText, (s) => {
        expect(hasToneSuspect(s)).toBe(TONE_SUSPECT.test(s));
      }),
      { numRuns: 3000 },
    );
    for (const w of ['hoà', 'khoẻ', 'thuỷ', 'lựơng', 'nghịêm', 'baỏ', 'quà', 'hòa', 'hoàn', 'Hoà.', 'hoà𝐀']) {
      expect(hasToneSuspect(w), w).toBe(TONE_SUSPECT.test(w));
    }
  });

  it('isStop reads the leading letters of a word as /^\\p{L}*/u does', () => {
    const STOPS = new Set(['đạt', 'và', 'có', 'ở']); // all stop words of the subject reader
    const plain = (w: string) => STOPS.has(/^\p{L}*/u.exec(w)![0].toLowerCase());
    const parts = ['đạt', 'Đạt', 'và', 'VÀ', 'có', 'ở', 'x', ':', '/', '1', '𝐀', 'ĐẠT'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 4 }).map((a) => a.join('')), (w) => {
        expect(isStop(w)).toBe(plain(w));
      }),
      { numRuns: 1000 },
    );
  });

  it('letterAt reads \\p{L} at a position, astral letters included', () => {
    for (const s of ['a', 'ố', '1', ' ', '𝐀', '😀', '']) expect(letterAt(s, 0), s).toBe(s !== '' && /^\p{L}/u.test(s));
  });
});
