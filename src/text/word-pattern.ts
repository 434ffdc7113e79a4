/**
 * A regular expression that must start at a word start — what `(?:^|[^\p{L}])body` or
 * `(?<![\p{L}\p{N}])body` say — with the boundary checked by hand after `body` matches.
 *
 * Why: V8 tests a leading boundary class like `[^\p{L}]` at every position of the input, and
 * under the `iu` flags that costs about ten times the search for `body` itself (measured on
 * the bench corpus: 1.8 µs against 0.19 µs per 48-character left context). The hot path runs
 * dozens of these per number.
 *
 * Semantics equal the boundary-prefixed pattern: the leftmost match whose start is preceded by
 * the text start or a non-word character; `index` is where `body` starts (the prefixed form's
 * match would include the boundary character).
 */
const LETTER = /\p{L}/u;
const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/**
 * Per UTF-16 unit, filled on first sight (a table of the whole BMP costs 130 000 regex tests
 * at every start): 1 letter, 2 number (or other word character per the boundary kind), 3 neither.
 */
const CLASS = new Uint8Array(65536);

function classOf(unit: number): number {
  let v = CLASS[unit]!;
  if (v === 0) {
    const ch = String.fromCharCode(unit);
    v = LETTER.test(ch) ? 1 : LETTER_OR_NUMBER.test(ch) ? 2 : 3;
    CLASS[unit] = v;
  }
  return v;
}

export type Boundary = 'letter' | 'letter-or-number';

/** Whether the character (code point) starting at `pos` is a letter, as `\p{L}` says. */
export function letterAt(s: string, pos: number): boolean {
  if (pos >= s.length) return false;
  const unit = s.charCodeAt(pos);
  if (unit >= 0xd800 && unit <= 0xdbff) return LETTER.test(String.fromCodePoint(s.codePointAt(pos)!));
  return classOf(unit) === 1;
}

/** Whether the character ending right before `pos` is a word character for this boundary. */
export function wordCharBefore(s: string, pos: number, boundary: Boundary): boolean {
  if (pos <= 0) return false;
  const unit = s.charCodeAt(pos - 1);
  let cls: number;
  if (unit >= 0xdc00 && unit <= 0xdfff && pos >= 2) {
    const cp = s.codePointAt(pos - 2)!;
    const ch = String.fromCodePoint(cp);
    cls = LETTER.test(ch) ? 1 : LETTER_OR_NUMBER.test(ch) ? 2 : 3;
  } else cls = classOf(unit);
  return boundary === 'letter' ? cls === 1 : cls !== 3;
}

export class WordPattern {
  private readonly re: RegExp;

  constructor(
    readonly body: string,
    flags = 'iu',
    readonly boundary: Boundary = 'letter',
  ) {
    this.re = new RegExp(body, flags.includes('g') ? flags : `${flags}g`);
  }

  /** The first match at or after `from` that starts at a word start, or null. */
  exec(s: string, from = 0): RegExpExecArray | null {
    const re = this.re;
    re.lastIndex = from;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      if (!wordCharBefore(s, m.index, this.boundary)) return m;
      re.lastIndex = m.index + 1;
    }
    return null;
  }

  test(s: string): boolean {
    return this.exec(s) !== null;
  }

  /** Start of the last of the non-overlapping matches (scanning left to right), or -1. */
  lastIndexIn(s: string): number {
    let last = -1;
    for (const m of this.all(s)) last = m.index;
    return last;
  }

  /** All non-overlapping matches, left to right. */
  *all(s: string): Generator<RegExpExecArray> {
    let from = 0;
    for (let m = this.exec(s, from); m; m = this.exec(s, from)) {
      yield m;
      from = m.index + Math.max(m[0].length, 1);
    }
  }
}

/**
 * A word-start pattern that must end the text (`body` ends with `$`): what the candidate finder
 * asks of the few dozen characters left of each number, about ten times per number.
 *
 * Two shortcuts, each exact: the search starts where the last `reach` non-space characters
 * begin, since no match holds more; and it runs on the lower-cased text without the `i` flag
 * (case-insensitive Unicode matching is the slow part of V8's regexes). `reach` must be at
 * least the most non-space characters `body` can match; the tests check every tail pattern
 * against its plain form, on the fixtures and on generated text.
 */
export class TailPattern {
  private readonly lower: RegExp;
  /** The plain form, for texts whose lower-casing changes their length (`İ`). */
  readonly plain: WordPattern;

  constructor(
    readonly body: string,
    readonly reach: number,
  ) {
    if (!body.endsWith('$')) throw new Error(`a tail pattern ends with $: ${body}`);
    this.lower = new RegExp(lowerCasePattern(body), 'gu');
    this.plain = new WordPattern(body);
  }

  test(s: string): boolean {
    return this.indexIn(s) >= 0;
  }

  /** Where the (leftmost) match starts, or -1. */
  indexIn(s: string): number {
    const tail = tailOf(s);
    if (tail.lower.length !== s.length) return this.plain.exec(s)?.index ?? -1;
    const re = this.lower;
    re.lastIndex = this.reach < tail.nonSpace.length ? tail.nonSpace[this.reach]! : 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(tail.lower))) {
      if (!wordCharBefore(tail.lower, m.index, 'letter')) return m.index;
      re.lastIndex = m.index + 1;
    }
    return -1;
  }
}

const MAX_REACH = 64;

// The same left context is tested by many patterns in a row: prepare it once.
let lastInput = '';
let lastTail: Tail = { lower: '', nonSpace: [0] };

interface Tail {
  lower: string;
  /** nonSpace[k]: where the last k non-space characters begin (k = 0: the end). */
  nonSpace: number[];
}

function tailOf(s: string): Tail {
  if (s !== lastInput) {
    const nonSpace = [s.length];
    // Reaches are short; past MAX_REACH the search simply starts at 0 (slower, still exact).
    for (let i = s.length - 1; i >= 0 && nonSpace.length <= MAX_REACH; i--) if (!isSpace(s.charCodeAt(i))) nonSpace.push(i);
    lastInput = s;
    lastTail = { lower: s.toLowerCase(), nonSpace };
  }
  return lastTail;
}

/** What `\s` matches, by UTF-16 unit (a char-code test: no regex run per character). */
export function isSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Lower-cases a pattern's literal letters, leaving escapes (`\S`, `\p{Lu}`, `\D`) alone. */
export function lowerCasePattern(source: string): string {
  let out = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if ((next === 'p' || next === 'P') && source[i + 2] === '{') {
        const close = source.indexOf('}', i);
        out += source.slice(i, close + 1);
        i = close;
      } else {
        out += c + next;
        i++;
      }
      continue;
    }
    out += c.toLowerCase();
  }
  return out;
}
