/**
 * Normalization for matching, with a map back to the original offsets.
 *
 * Order (each step sees the output of the one before):
 *   1. HTML entities decoded (`&nbsp;`, `&#7897;`)
 *   2. CRLF / CR → LF
 *   3. per-character folds: Ð→Đ, Unicode spaces → ' ', zero-width, bidi marks and soft hyphen dropped,
 *      curly quotes, dashes, ellipsis, full-width digits and punctuation folded
 *   4. combining marks composed onto their base letter (NFC), never NFKC
 *   5. runs of horizontal spaces collapsed to one
 *   6. canonical tone-mark placement per word (length-preserving)
 *
 * Encoding repair (legacy code pages, mojibake) happens before this, in `src/decode/`.
 */
import { canonicalTone } from './tone.js';
import { decodeEntityAt, foldChar, foldedUnits, isCombiningMark } from './fold.js';
import { letterAt } from '../text/word-pattern.js';

export interface NormalizedText {
  /** The text rules and candidates see. */
  readonly text: string;
  /** For each normalized index i: the original index its character came from. */
  readonly starts: Uint32Array;
  /** For each normalized index i: the original end (exclusive) of that character's source. */
  readonly ends: Uint32Array;
  readonly originalLength: number;
}

export interface Change {
  start: number;
  end: number;
  from: string;
  to: string;
}

/** Maps a normalized span back to the original text. */
export function toOriginal(n: NormalizedText, start: number, end: number): [number, number] {
  if (n.text.length === 0) return [0, 0];
  const s = start < n.text.length ? n.starts[start]! : n.originalLength;
  const e = end > 0 ? n.ends[Math.min(end, n.text.length) - 1]! : s;
  return [s, Math.max(s, e)];
}


// Character classes for the hot loop (one table look-up per UTF-16 unit).
const KEEP = 0;
const SPACE = 1;
const SPECIAL = 2; // folded, dropped, entity start, CR, combining mark, surrogate: the careful path
const CLASS = buildClassTable();

/** Each UTF-16 unit's class (exported for the test that compares it with a `foldChar` per unit). */
export function buildClassTable(): Uint8Array {
  const t = new Uint8Array(0x10000); // KEEP: what foldChar keeps, which is every unit but foldedUnits()
  for (const c of foldedUnits()) if (c >= 0x80 || c === 0x09) t[c] = foldChar(String.fromCharCode(c)) === ' ' ? SPACE : SPECIAL;
  t[0x20] = SPACE;
  t[0x26] = SPECIAL;
  t[0x0d] = SPECIAL;
  t.fill(SPECIAL, 0x300, 0x370);
  t.fill(SPECIAL, 0xd800, 0xe000);
  return t;
}

export function normalizeText(input: string): NormalizedText {
  let cap = input.length + 16;
  let starts = new Uint32Array(cap);
  let ends = new Uint32Array(cap);
  const parts: string[] = [];
  let outLen = 0;
  let runFrom = 0; // input index where the current run of unchanged characters began
  let runOpen = false;
  let lastOut = -1; // char code of the last output character (-1: none)

  const grow = (need: number) => {
    if (outLen + need <= cap) return;
    cap = Math.max(cap * 2, outLen + need);
    const s2 = new Uint32Array(cap);
    s2.set(starts.subarray(0, outLen));
    starts = s2;
    const e2 = new Uint32Array(cap);
    e2.set(ends.subarray(0, outLen));
    ends = e2;
  };
  const flush = (to: number) => {
    if (runOpen && to > runFrom) parts.push(input.slice(runFrom, to));
    runOpen = false;
  };
  /** Emits `s`, all of it sourced from input[from, to); spaces collapse into one. */
  const emit = (s: string, from: number, to: number) => {
    // Keep room for the rest of the input too, so the hot loop never checks capacity.
    grow(s.length + (input.length - to) + 1);
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k);
      if (c === 0x20 && lastOut === 0x20) {
        ends[outLen - 1] = to;
        continue;
      }
      parts.push(s[k]!);
      starts[outLen] = from;
      ends[outLen] = to;
      outLen++;
      lastOut = c;
    }
  };

  let i = 0;
  const n = input.length;
  while (i < n) {
    const code = input.charCodeAt(i);
    const cls = CLASS[code]!;
    if (cls === KEEP || (code === 0x20 && lastOut !== 0x20)) {
      // A run of unchanged characters (a single plain space included): identity offsets,
      // copied into the output as one slice.
      if (!runOpen) {
        runOpen = true;
        runFrom = i;
      }
      let c = code;
      do {
        starts[outLen] = i;
        ends[outLen] = i + 1;
        outLen++;
        lastOut = c;
        i++;
      } while (i < n && (CLASS[(c = input.charCodeAt(i))] === KEEP || (c === 0x20 && lastOut !== 0x20)));
      continue;
    }
    flush(i);
    if (cls === SPACE) {
      if (lastOut === 0x20) ends[outLen - 1] = i + 1;
      else {
        starts[outLen] = i;
        ends[outLen] = i + 1;
        outLen++;
        lastOut = 0x20;
        parts.push(' ');
      }
      i++;
      continue;
    }
    // The careful path.
    if (code === 0x26 /* & */) {
      const ent = decodeEntityAt(input.slice(i, i + 12));
      if (ent) {
        const [decoded, len] = ent;
        emit([...decoded].map((c) => foldChar(c) ?? c).join(''), i, i + len);
        i += len;
        continue;
      }
      emit('&', i, i + 1);
      i++;
      continue;
    }
    if (code === 0x0d /* \r */) {
      const len = input.charCodeAt(i + 1) === 0x0a ? 2 : 1;
      emit('\n', i, i + len);
      i += len;
      continue;
    }
    if (isCombiningMark(code) && outLen > 0) {
      // Compose onto the previous character: it keeps its start, its end grows.
      const last = parts[parts.length - 1]!;
      const composed = (last.slice(-1) + input[i]!).normalize('NFC');
      if (composed.length === 1) {
        parts[parts.length - 1] = last.slice(0, -1) + composed;
        lastOut = composed.charCodeAt(0);
      }
      ends[outLen - 1] = i + 1;
      i++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const pair = input.slice(i, i + 2);
      grow(2 + n - i);
      parts.push(pair);
      for (let k = 0; k < 2; k++) {
        starts[outLen] = i;
        ends[outLen] = i + 2;
        outLen++;
      }
      lastOut = -1;
      i += 2;
      continue;
    }
    const folded = foldChar(input[i]!);
    emit(folded ?? input[i]!, i, i + 1);
    i++;
  }
  flush(n);

  const text = retoneWords(parts.join(''));
  return { text, starts: starts.subarray(0, outLen), ends: ends.subarray(0, outLen), originalLength: input.length };
}

const WORD = /\p{L}+/gu;
const HAS_TONE_CANDIDATE = /[^\x00-\x7F]/;
/**
 * Shapes that only a non-canonical placement produces: old-style endings (`hoà`, `khoẻ`,
 * `thuỷ`), a tone on the wrong half of ươ/iê/yê/uô (`lựơng`, `nghịêm`), a tone on the second
 * vowel of a falling diphthong (`baỏ`). Clean text has none, and then words are not re-toned:
 * that keeps normalization cheap on the common case.
 */
export const TONE_SUSPECT = /(?<![qQ])[oOuU][àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ](?!\p{L})|[ừứửữựỪỨỬỮỰ][ơƠ]|[ìíỉĩịÌÍỈĨỊỳýỷỹỵỲÝỶỸỴ][êÊ]|[ùúủũụÙÚỦŨỤ][ôÔ]|(?<![qQ])[aAeEêÊiIoOôÔơƠuUưƯ][ìíỉĩịòóỏõọùúủũụỳýỷỹỵÌÍỈĨỊÒÓỎÕỌÙÚỦŨỤỲÝỶỸỴ](?!\p{L})/u;

// `TONE_SUSPECT` by hand: every alternative ends in a non-ASCII vowel, so only those positions
// are looked at, with two table look-ups (tests compare the two).
const SECOND = new Uint8Array(0x10000); // per letter: bit set of the alternatives it ends
const FIRST = new Uint8Array(0x10000); // per letter: bit set of the alternatives it starts
const ALTERNATIVES: [number, string, string][] = [
  [1, 'oOuU', 'àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ'], // `hoà`, `khoẻ`, `thuỷ`: then no q before, no letter after
  [2, 'ừứửữựỪỨỬỮỰ', 'ơƠ'],
  [4, 'ìíỉĩịÌÍỈĨỊỳýỷỹỵỲÝỶỸỴ', 'êÊ'],
  [8, 'ùúủũụÙÚỦŨỤ', 'ôÔ'],
  [16, 'aAeEêÊiIoOôÔơƠuUưƯ', 'ìíỉĩịòóỏõọùúủũụỳýỷỹỵÌÍỈĨỊÒÓỎÕỌÙÚỦŨỤỲÝỶỸỴ'], // `baỏ`: as alternative 1
];
for (const [bit, firsts, seconds] of ALTERNATIVES) {
  for (const ch of firsts) FIRST[ch.charCodeAt(0)]! |= bit;
  for (const ch of seconds) SECOND[ch.charCodeAt(0)]! |= bit;
}
const ENDS_WORD = 1 | 16; // alternatives that need no q before and no letter after

export function hasToneSuspect(text: string): boolean {
  for (let i = 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xc0) continue;
    const alts = SECOND[c]! & FIRST[text.charCodeAt(i - 1)]!;
    if (alts === 0) continue;
    if (alts & ~ENDS_WORD) return true;
    const q = i >= 2 && (text.charCodeAt(i - 2) | 0x20) === 0x71; // q or Q
    if (!q && !letterAt(text, i + 1)) return true;
  }
  return false;
}

function retoneWords(text: string): string {
  if (!hasToneSuspect(text)) return text;
  return text.replace(WORD, (w) => (HAS_TONE_CANDIDATE.test(w) && w.length > 1 ? canonicalTone(w) : w));
}

/** Lists what normalization changed, for `chiso normalize --show-changes`. */
export function listChanges(input: string, n: NormalizedText): Change[] {
  const changes: Change[] = [];
  let prevEnd = 0;
  let k = 0;
  while (k <= n.text.length) {
    const s = k < n.text.length ? n.starts[k]! : n.originalLength;
    // Source characters that produced nothing (zero-width, soft hyphen, BOM) show up as deletions.
    if (s > prevEnd) changes.push({ start: prevEnd, end: s, from: input.slice(prevEnd, s), to: '' });
    if (k === n.text.length) break;
    let j = k;
    while (j + 1 < n.text.length && n.starts[j + 1] === s) j++;
    const e = n.ends[j]!;
    const from = input.slice(s, e);
    const to = n.text.slice(k, j + 1);
    if (from !== to) changes.push({ start: s, end: e, from, to });
    prevEnd = e;
    k = j + 1;
  }
  return mergeAdjacent(changes);
}

/** Neighbouring changes of one word (a re-toned syllable touches two letters) read better as one. */
function mergeAdjacent(changes: Change[]): Change[] {
  const out: Change[] = [];
  for (const c of changes) {
    const last = out[out.length - 1];
    if (last && last.end === c.start && /\p{L}/u.test(last.from + c.from)) {
      last.end = c.end;
      last.from += c.from;
      last.to += c.to;
    } else out.push({ ...c });
  }
  return out;
}
