/**
 * Ranks written as words: `xếp thứ tư` → 4, `đứng thứ ba` → 3, `hạng Nhì` → 2, `giữ vị trí thứ
 * nhất và thứ nhì` → 1 and 2. A word ordinal is only a rank after a ranking verb (`xếp`, `đứng`,
 * `vị trí`, `hạng` …), never on its own: `thứ Năm` is a weekday, `lần thứ ba` an event.
 */
import type { Candidate } from './types.js';

const WORDS: Record<string, number> = {
  nhất: 1, nhì: 2, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10,
};
const WORD = 'nhất|nhì|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười';
// `mười` is not followed by another number word (`thứ mười hai` is left alone), and no ordinal
// is followed by a digit (`đứng thứ năm 2023` reads a year) or a letter.
const END = '(?![\\p{L}\\p{N}])(?!\\s+(?:\\d|hai|ba|bốn|lăm|một)(?![\\p{L}]))';
const RANKED = new RegExp(
  `(?<![\\p{L}])(?:(?:xếp|đứng|giữ|giữ vững|duy trì|vươn lên|tụt xuống|rơi xuống|lên|xuống|vị trí|xếp hạng|thứ hạng)\\s+(?:vị trí\\s+)?thứ|(?:xếp hạng|đứng hạng|đồng hạng|hạng))\\s+(${WORD})${END}`,
  'giu',
);
const ANY_ORDINAL = new RegExp(`(?:thứ|hạng)\\s+(?:${WORD})`, 'iu');
// `… thứ nhất và thứ nhì`, `thứ ba, thứ tư`: a further ordinal right after one read as a rank.
const MORE = new RegExp(`^\\s*(?:,|và|,\\s*và)\\s+(?:thứ|hạng)\\s+(${WORD})${END}`, 'iu');

/** Rank candidates for the word ordinals of `text` (normalized), in text order. */
export function wordOrdinals(text: string): Candidate[] {
  const out: Candidate[] = [];
  // Most articles hold no ordinal word after `thứ` / `hạng`: one quick scan says so.
  if (!ANY_ORDINAL.test(text)) return out;
  RANKED.lastIndex = 0;
  for (let m = RANKED.exec(text); m; m = RANKED.exec(text)) {
    let word = m[1]!;
    let start = m.index + m[0].length - word.length;
    for (;;) {
      const value = WORDS[word.toLowerCase()];
      if (value === undefined) break;
      out.push({ start, end: start + word.length, value, unit: 'rank', denominator: null, bare: false });
      const more = MORE.exec(text.slice(start + word.length, start + word.length + 24));
      if (!more) break;
      word = more[1]!;
      start = out[out.length - 1]!.end + more[0].length - word.length;
    }
    RANKED.lastIndex = out.length ? Math.max(RANKED.lastIndex, out[out.length - 1]!.end) : RANKED.lastIndex;
  }
  return out;
}
