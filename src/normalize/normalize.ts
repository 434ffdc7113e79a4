/**
 * Normalization for matching, with a map back to the original offsets.
 *
 * Order (each step sees the output of the one before):
 *   1. HTML entities decoded (`&nbsp;`, `&#7897;`)
 *   2. CRLF / CR → LF
 *   3. per-character folds: Ð→Đ, Unicode spaces → ' ', zero-width and soft hyphen dropped,
 *      curly quotes, dashes, ellipsis, full-width digits and punctuation folded
 *   4. combining marks composed onto their base letter (NFC), never NFKC
 *   5. runs of horizontal spaces collapsed to one
 *   6. canonical tone-mark placement per word (length-preserving)
 *
 * Encoding repair (legacy code pages, mojibake) happens before this, in `src/decode/`.
 */
import { canonicalTone } from './tone.js';
import { decodeEntityAt, foldChar, isCombiningMark } from './fold.js';

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

const LETTER = /\p{L}/u;

export function normalizeText(input: string): NormalizedText {
  const out: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  /** Appends `s`, all of it sourced from input[from, to); runs of spaces collapse to one. */
  const push = (s: string, from: number, to: number) => {
    for (let k = 0; k < s.length; k++) {
      const c = s[k]!;
      if (c === ' ' && out.length > 0 && out[out.length - 1] === ' ') {
        ends[ends.length - 1] = to;
        continue;
      }
      out.push(c);
      starts.push(from);
      ends.push(to);
    }
  };

  let i = 0;
  while (i < input.length) {
    const code = input.codePointAt(i)!;
    const ch = code > 0xffff ? String.fromCodePoint(code) : input[i]!;
    const width = ch.length;

    if (code === 0x26 /* & */) {
      const ent = decodeEntityAt(input.slice(i, i + 12));
      if (ent) {
        const [decoded, len] = ent;
        push([...decoded].map((c) => foldChar(c) ?? c).join(''), i, i + len);
        i += len;
        continue;
      }
    }
    if (code === 0x0d /* \r */) {
      const len = input[i + 1] === '\n' ? 2 : 1;
      push('\n', i, i + len);
      i += len;
      continue;
    }
    if (isCombiningMark(code) && out.length > 0) {
      // Compose onto the previous character: it keeps its start, its end grows.
      const composed = (out[out.length - 1]! + ch).normalize('NFC');
      if (composed.length === 1) out[out.length - 1] = composed;
      ends[ends.length - 1] = i + width;
      i += width;
      continue;
    }
    const folded = code < 0x80 && code !== 0x09 ? undefined : foldChar(ch);
    push(folded ?? ch, i, i + width);
    i += width;
  }

  const text = retoneWords(out.join(''));
  return { text, starts: Uint32Array.from(starts), ends: Uint32Array.from(ends), originalLength: input.length };
}

const WORD = /\p{L}+/gu;
const HAS_TONE_CANDIDATE = /[^\x00-\x7F]/;

function retoneWords(text: string): string {
  return text.replace(WORD, (w) => (HAS_TONE_CANDIDATE.test(w) && w.length > 1 ? canonicalTone(w) : w));
}

/** Lists what normalization changed, for `chiso normalize --show-changes`. */
export function listChanges(input: string, n: NormalizedText): Change[] {
  const changes: Change[] = [];
  let k = 0;
  while (k < n.text.length) {
    const s = n.starts[k]!;
    let j = k;
    while (j + 1 < n.text.length && n.starts[j + 1] === s) j++;
    const e = n.ends[j]!;
    const from = input.slice(s, e);
    const to = n.text.slice(k, j + 1);
    if (from !== to) changes.push({ start: s, end: e, from, to });
    // Dropped characters between this source and the next show up as deletions.
    const next = j + 1 < n.text.length ? n.starts[j + 1]! : n.originalLength;
    if (next > e && !LETTER.test(input.slice(e, next))) {
      const gone = input.slice(e, next);
      if (gone.trim() !== '' || gone !== ' ') changes.push({ start: e, end: next, from: gone, to: '' });
    }
    k = j + 1;
  }
  return changes;
}
