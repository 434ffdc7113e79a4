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
  /**
   * The words by hash (open addressing, ids; 0 empty), for `idAt`: the tokenizer looks up every
   * token of every article, and a slice (and lower-cased copy) per token cost a third of its time.
   * Rebuilt on the first look-up after `add`.
   */
  private table: Int32Array | null = null;

  /** The id of `word` (lower-cased), adding it. Only while compiling a lexicon. */
  add(word: string): number {
    const w = word.toLowerCase();
    let id = this.ids.get(w);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(w, id);
      this.words.push(w);
      this.table = null;
    }
    return id;
  }

  /** The id of an already lower-cased word, or 0. */
  get(lower: string): number {
    return this.ids.get(lower) ?? 0;
  }

  /**
   * `get(text.slice(start, end).toLowerCase())` (`get(text.slice(start, end))` when `fold` is
   * false), reading the text in place. Units whose lower case is not one unit of its own (`İ`,
   * and `Σ`, which depends on its neighbours) take the slice.
   */
  idAt(text: string, start: number, end: number, fold: boolean): number {
    let h = HASH_SEED;
    for (let k = start; k < end; k++) {
      const c = fold ? lowerUnit(text.charCodeAt(k)) : text.charCodeAt(k);
      if (c < 0) return this.get(text.slice(start, end).toLowerCase());
      h = hashStep(h, c);
    }
    const table = (this.table ??= this.buildTable());
    const mask = table.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = table[slot]!;
      if (id === 0) return 0;
      if (this.wordAt(id, text, start, end, fold)) return id;
    }
  }

  /** Whether word `id` is text[start, end) (lower-cased when `fold`). */
  private wordAt(id: number, text: string, start: number, end: number, fold: boolean): boolean {
    const w = this.words[id]!;
    if (w.length !== end - start) return false;
    for (let k = 0; k < w.length; k++) {
      const c = text.charCodeAt(start + k);
      if (w.charCodeAt(k) !== (fold ? lowerUnit(c) : c)) return false;
    }
    return true;
  }

  private buildTable(): Int32Array {
    let size = 16;
    while (size < this.words.length * 4) size *= 2; // at most a quarter full: short probe runs
    const table = new Int32Array(size);
    for (let id = 1; id < this.words.length; id++) {
      const w = this.words[id]!;
      let h = HASH_SEED;
      for (let k = 0; k < w.length; k++) h = hashStep(h, w.charCodeAt(k));
      let slot = h & (size - 1);
      while (table[slot] !== 0) slot = (slot + 1) & (size - 1);
      table[slot] = id;
    }
    return table;
  }

  word(id: number): string {
    return this.words[id] ?? '';
  }

  get size(): number {
    return this.words.length;
  }
}

// FNV-1a over UTF-16 units.
const HASH_SEED = 0x811c9dc5 | 0;
function hashStep(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

// Per UTF-16 unit, memoized: its lower case plus one when that is one unit and does not depend
// on the neighbours (0: not yet seen; -1: take the slow path).
const lowerUnits = new Int32Array(65536);
const FINAL_SIGMA_SOURCE = 0x3a3; // `Σ` lower-cases to `σ` or `ς` depending on what is around it

function lowerUnit(c: number): number {
  let v = lowerUnits[c]!;
  if (v === 0) {
    const low = String.fromCharCode(c).toLowerCase();
    v = low.length === 1 && c !== FINAL_SIGMA_SOURCE ? low.charCodeAt(0) + 1 : -1;
    lowerUnits[c] = v;
  }
  return v < 0 ? -1 : v - 1;
}

// What a UTF-16 unit is to the tokenizer: one lookup per character (the tokenizer reads every
// character of every article; separate letter, upper-case and digit tests cost twice as much).
const LOWER = 1; // a letter or mark with no upper case
const UPPER = 2; // an upper-case letter: the word needs lower-casing
const DIGIT = 3; // ASCII digits only: other digits are marks of their own
const OTHER = 4; // punctuation and everything else

// Memoized over the BMP, filled on first sight (0: not yet seen).
const classes = new Uint8Array(65536);
const LETTER = /[\p{L}\p{M}]/u;

function classOf(c: number): number {
  let v = classes[c]!;
  if (v === 0) {
    const ch = String.fromCharCode(c);
    v = c >= 48 && c <= 57 ? DIGIT : LETTER.test(ch) ? (ch.toLowerCase() !== ch ? UPPER : LOWER) : OTHER;
    classes[c] = v;
  }
  return v;
}

function isSpaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 12 || c === 11;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The token arrays, grown by doubling. */
class TokenBuilder {
  count = 0;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  id: Int32Array;

  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.id = new Int32Array(capacity);
  }

  push(s: number, e: number, k: number, i: number): void {
    if (this.count === this.start.length) this.grow();
    const n = this.count++;
    this.start[n] = s;
    this.end[n] = e;
    this.kind[n] = k;
    this.id[n] = i;
  }

  private grow(): void {
    const grow = <T extends Int32Array | Uint8Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(a.length * 2);
      b.set(a);
      return b;
    };
    this.start = grow(this.start);
    this.end = grow(this.end);
    this.kind = grow(this.kind);
    this.id = grow(this.id);
  }

  done(): Tokens {
    const n = this.count;
    return { count: n, start: this.start.subarray(0, n), end: this.end.subarray(0, n), kind: this.kind.subarray(0, n), id: this.id.subarray(0, n) };
  }
}

/**
 * Splits `text` into tokens. A word is a run of letters and digits (`4G`, `BTS`, `hộ`); a
 * number is a run of digits with `.`/`,` groups inside (`1.234,5`); any other visible
 * character is a punctuation token of its own.
 */
export function tokenize(text: string, vocab: Vocabulary): Tokens {
  const out = new TokenBuilder(Math.max(16, text.length >> 2));
  const len = text.length;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    if (classOf(c) !== OTHER) {
      const s = i;
      let allDigits = true;
      let upper = false;
      while (i < len) {
        const d = text.charCodeAt(i);
        const k = classOf(d);
        if (k !== OTHER) {
          if (k !== DIGIT) allDigits = false;
          if (k === UPPER) upper = true;
          i++;
        } else if (allDigits && (d === 46 || d === 44) && i + 1 < len && isDigit(text.charCodeAt(i + 1)) && i > s) {
          i++; // a group mark inside a number: `1.234`, `50,65`
        } else break;
      }
      // A number the vocabulary knows is part of a concept form (`mô hình 4 lớp`).
      if (allDigits) out.push(s, i, NUMBER, vocab.idAt(text, s, i, false));
      else out.push(s, i, WORD, vocab.idAt(text, s, i, upper));
      continue;
    }
    out.push(i, i + 1, PUNCT, vocab.idAt(text, i, i + 1, false));
    i++;
  }
  return out.done();
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
