/**
 * The `sentence` field, bounded: the sentence around a record's span, at most `SENTENCE_REACH`
 * characters before and after the span, cut at a space where one is near and marked with `…`.
 * Without a bound every record of a one-sentence list of N numbers repeats the whole sentence,
 * and the output grows with N² (a 288 KB list gave more than 2^29 characters of CSV).
 */
import { collapseWhitespace } from './lines.js';

/** Characters of the sentence kept on each side of the record's own text. */
export const SENTENCE_REACH = 200;

export function sentenceExcerpt(text: string, sentStart: number, sentEnd: number, spanStart: number, spanEnd: number): string {
  let from = Math.max(sentStart, Math.min(spanStart, sentEnd) - SENTENCE_REACH);
  let to = Math.min(sentEnd, Math.max(spanEnd, sentStart) + SENTENCE_REACH);
  if (from > sentStart) {
    // Start at a word: the first space in the first 30 characters, else where we are.
    const sp = text.indexOf(' ', from);
    if (sp !== -1 && sp < Math.min(from + 30, spanStart)) from = sp + 1;
    if (isLowSurrogate(text.charCodeAt(from))) from++;
  }
  if (to < sentEnd) {
    const sp = text.lastIndexOf(' ', to);
    if (sp > Math.max(to - 30, spanEnd)) to = sp;
    if (isLowSurrogate(text.charCodeAt(to))) to--;
  }
  const body = collapseWhitespace(text.slice(from, to));
  return `${from > sentStart ? '…' : ''}${body}${to < sentEnd ? '…' : ''}`;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
