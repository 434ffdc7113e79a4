/**
 * Sentence spans over normalized text. A sentence ends at `.`, `!`, `?` or `...` followed by
 * space and an upper-case letter, a digit, a quote or a dash, and always at a line break.
 * Never after abbreviations (`TP.`, `ThS.`, `v.v.`), inside numbers (`2.424`, `50,65`) or URLs.
 */
import { isSpace } from './word-pattern.js';

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  ['tp', 'ths', 'ts', 'pgs', 'gs', 'bs', 'ks', 'cn', 'th.s', 'v.v', 'vv', 'tt', 'q', 'p', 'x', 'h', 'st', 'mr', 'mrs', 'dr', 'no', 'tr', 'nxb', 'sđd', 'ttg', 'gd', 'đh', 'cđ', 'ubnd', 'tw'].map((s) => s),
);

const END_CANDIDATE = /[.!?]+(?=\s+["'(\-]?[\p{Lu}\d])|\n+/gu;

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  END_CANDIDATE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = END_CANDIDATE.exec(text))) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1 && isAbbreviation(text, m.index)) continue;
    push(start, m[0][0] === '\n' ? m.index : end);
    start = end;
  }
  push(start, text.length);
  return spans;

  function push(s: number, e: number) {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) spans.push({ start: s, end: e });
  }
}

function isAbbreviation(text: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && /[\p{L}.]/u.test(text[k - 1]!)) k--;
  const word = text.slice(k, dot).toLowerCase();
  if (word.length === 0) return false;
  if (ABBREVIATIONS.has(word)) return true;
  // Single capital initials (`N. Hiền`) and dotted abbreviations (`v.v`); a letter glued to a
  // digit is no initial (`… phủ sóng 4G. Có 48 thôn …`).
  if (k > 0 && /\d/.test(text[k - 1]!)) return false;
  return /^\p{Lu}$/u.test(text.slice(k, dot)) || /^(?:\p{L}\.)+\p{L}$/u.test(word);
}

/** Index of the span containing `pos` (binary search); -1 if none. */
export function spanIndexAt(spans: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
