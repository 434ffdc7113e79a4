/** The qualifier of a stated number, read from the words right before (and after) it. */
import type { Candidate } from '../candidates/types.js';
import type { Qualifier } from '../records/schema.js';
import { TailPattern } from '../text/word-pattern.js';

// Longest phrases first; the phrase must end right before the number, allowing a linking verb.
// (Not `độ` for `about`: it ends `cấp độ`, `mức độ`, `tốc độ` far more often; and `điểm tối đa
// 1,0000` is the maximum score, stated exactly.)
// (Exported for the tests, which check each against its plain form.)
export const BEFORE: [TailPattern, Qualifier][] = [
  [new TailPattern(String.raw`(?:trên dưới|xấp xỉ|khoảng|gần|ước(?: tính| đạt| khoảng)?|chừng|hơn kém)\s+(?:(?:đạt|là|mức|con số|chiếm|còn|đóng góp|tăng|giảm)\s+)?$`, 24), 'approx'],
  [new TailPattern(String.raw`(?:tối thiểu|ít nhất|không dưới|không ít hơn|không thấp hơn)\s+(?:(?:là|đạt|mức|chiếm)\s+)?$`, 24), 'at_least'],
  [new TailPattern(String.raw`(?<!điểm )(?:tối đa|không quá|không vượt quá|nhiều nhất|chỉ tối đa|không nhiều hơn|không cao hơn)\s+(?:(?:là|mức)\s+)?$`, 24), 'at_most'],
  [new TailPattern(String.raw`(?:chưa đến|chưa tới|chưa đầy|dưới|không đến|thấp hơn)\s+(?:(?:mức)\s+)?$`, 24), 'under'],
  [new TailPattern(String.raw`(?:trên|hơn|vượt|vượt mức|vượt trên|hơn mức|cao hơn)\s+(?:(?:mức)\s+)?$`, 24), 'over'],
];
const AFTER_OVER = /^\s*(?:[\p{L} ,]{0,40}\s)?trở lên(?!\p{L})/iu;
// Searched first: a literal search is ~20x cheaper than AFTER_OVER's backtracking, and rarely found.
const TRO_LEN = /trở lên/iu;

/** Where the qualifier phrase starts, so the record's text can include it. */
export interface QualifierReading {
  qualifier: Qualifier;
  start: number; // normalized offset of the qualifier phrase (or the number when exact)
}

export function readQualifier(text: string, cand: Candidate, lineStart: number): QualifierReading {
  if (cand.range === 'low') return { qualifier: 'at_least', start: cand.start };
  if (cand.range === 'high') return { qualifier: 'at_most', start: cand.start };
  if (cand.unit === 'rank' && cand.rankGroup) return { qualifier: 'at_most', start: cand.start };
  const leftStart = Math.max(lineStart, cand.start - 40);
  const left = text.slice(leftStart, cand.start);
  for (const [re, q] of BEFORE) {
    const at = re.indexIn(left);
    // `cao hơn 9,2% so với năm trước`: for a change, `cao hơn`/`thấp hơn` is its direction.
    if (at >= 0 && cand.measure && cand.measure !== 'level' && /^(?:cao|thấp) hơn/iu.test(left.slice(at))) continue;
    if (at >= 0) return { qualifier: q, start: leftStart + at }; // the phrase starts at a word
  }
  if (cand.unit === 'count') {
    const right = text.slice(cand.end, cand.end + 50);
    if (TRO_LEN.test(right) && AFTER_OVER.test(right)) return { qualifier: 'over', start: cand.start };
  }
  return { qualifier: 'exact', start: cand.start };
}
