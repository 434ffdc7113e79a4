/**
 * One pass over an article's normalized text: words, numbers and punctuation, each with its
 * offsets. Words are lower-cased and looked up in a fixed vocabulary (the words the concept
 * lexicon and the cues are written in); every other word gets id 0. The vocabulary never
 * grows while articles are read, so memory stays flat however many articles go through.
 */

export const WORD = 0;
export const NUMBER = 1;
export const PUNCT = 2;

export interface Tokens {
  count: number;
  /** Normalized-text offsets, end exclusive. */
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /** Vocabulary id (0: a word or mark the vocabulary does not hold). */
  id: Int32Array;
}

/** Lower-cased words and marks, each with a small integer id (ids start at 1). */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [''];

  /** The id of `word` (lower-cased), adding it. Only while compiling a lexicon. */
  add(word: string): number {
    const w = word.toLowerCase();
    let id = this.ids.get(w);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(w, id);
      this.words.push(w);
    }
    return id;
  }

  /** The id of an already lower-cased word, or 0. */
  get(lower: string): number {
    return this.ids.get(lower) ?? 0;
  }

  word(id: number): string {
    return this.words[id] ?? '';
  }

  get size(): number {
    return this.words.length;
  }
}

// Letter-or-mark test for one UTF-16 unit above ASCII, memoized over the BMP.
const letterCache = new Int8Array(65536); // 0 unknown, 1 letter, 2 not, 3 upper-case letter
const LETTER = /[\p{L}\p{M}]/u;

function classOf(c: number): number {
  let v = letterCache[c]!;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    v = LETTER.test(ch) ? (ch.toLowerCase() !== ch ? 3 : 1) : 2;
    letterCache[c] = v;
  }
  return v;
}

function isLetterOrDigit(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return classOf(c) !== 2;
}

/** Whether a letter needs lower-casing (most words have none: no copy is made for them). */
function isUpper(c: number): boolean {
  return c < 128 ? c >= 65 && c <= 90 : classOf(c) === 3;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 12 || c === 11;
}

/**
 * Splits `text` into tokens. A word is a run of letters and digits (`4G`, `BTS`, `hộ`); a
 * number is a run of digits with `.`/`,` groups inside (`1.234,5`); any other visible
 * character is a punctuation token of its own.
 */
export function tokenize(text: string, vocab: Vocabulary): Tokens {
  const cap = Math.max(16, text.length >> 2);
  let start = new Int32Array(cap);
  let end = new Int32Array(cap);
  let kind = new Uint8Array(cap);
  let id = new Int32Array(cap);
  let n = 0;
  const push = (s: number, e: number, k: number, i: number) => {
    if (n === start.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      start = grow(start);
      end = grow(end);
      kind = grow(kind);
      id = grow(id);
    }
    start[n] = s;
    end[n] = e;
    kind[n] = k;
    id[n] = i;
    n++;
  };
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (isLetterOrDigit(c)) {
      const s = i;
      let allDigits = true;
      let upper = false;
      while (i < len) {
        const d = text.charCodeAt(i);
        if (isLetterOrDigit(d)) {
          if (!isDigit(d)) allDigits = false;
          if (!upper && isUpper(d)) upper = true;
          i++;
        } else if (allDigits && (d === 46 || d === 44) && i + 1 < len && isDigit(text.charCodeAt(i + 1)) && i > s) {
          i++; // a group mark inside a number: `1.234`, `50,65`
        } else break;
      }
      // A number the vocabulary knows is part of a concept form (`mô hình 4 lớp`).
      if (allDigits) push(s, i, NUMBER, vocab.get(text.slice(s, i)));
      else push(s, i, WORD, vocab.get(upper ? text.slice(s, i).toLowerCase() : text.slice(s, i)));
      continue;
    }
    push(i, i + 1, PUNCT, vocab.get(text[i]!));
    i++;
  }
  return { count: n, start: start.subarray(0, n), end: end.subarray(0, n), kind: kind.subarray(0, n), id: id.subarray(0, n) };
}

/** Index of the first token that starts at or after `pos` (`count` if none). */
export function tokenAt(tokens: Tokens, pos: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens.start[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
