/**
 * A four-digit number from 1900 to 2100 is a year or a count. It is a year when a year cue
 * governs it, and a count when what follows is a quantity: `có 2000 thuê bao`, `1950 trạm BTS`,
 * `2024 hộ gia đình`, `2000 tỷ đồng`. Anything else stays a year (years are far more common in
 * the press than year-shaped counts, and a year read as a count is a wrong record).
 *
 * Year cues, before the number: `năm`, `năm học`, `giai đoạn`, `nhiệm kỳ`, `tháng 5`, `quý I`,
 * an index (`DTI 2023`), a plan or programme (`kế hoạch 2024`), a time preposition (`đến`,
 * `từ`, `trước`, `sau`, `cuối`, `đầu`, `giữa`, `hết`, `vào`, `trong`), another year in a list
 * (`năm 2023 và 2024`); the start of a sentence (`2024, tỉnh …`, `2024 hoàn thành …`); a name
 * (`Techfest 2024`). After it: a year range (`2021-2025`), or a place or a verb of events
 * (`… 2024 tỉnh …`, `Cuộc thi 2024 thu hút …`) unless a quantity cue (`có`, `hơn`) came before.
 * (`tháng 4/2024` and `15/3/2024` are read as dates before this.)
 */
import { quantityAfter } from './nouns.js';
import { WordPattern } from '../text/word-pattern.js';

// The `(?:^|[^\p{L}])` boundary of the cues below is checked by hand (WordPattern): tested at
// every position of the left context it costs several times the search itself.
const YEAR_CUE = new WordPattern(
  '(?:năm(?: học| tài chính)?|niên khóa|niên độ|giai đoạn|nhiệm kỳ|khóa|tháng\\s+\\d{1,2}|quý\\s+(?:[IV]+|\\d)|' +
    'DTI|PAR Index|PCI|PAPI|SIPAS|ICT Index|Index|tầm nhìn|định hướng|kế hoạch|chương trình|chiến lược|báo cáo|' +
    'đến|tới|từ|kể từ|trước|sau|cuối|đầu|giữa|hết|vào|trong|mùa|dịp)\\s*$',
);
const YEAR_LIST = /(?:^|[^\d.,])(?:19|20)\d\d\s*(?:,|và|hoặc|-|đến|tới)\s*$/u;
// Nothing but a sentence end (or a quote) before it. (Not a colon: `Số hộ: 2000 hộ` is a list item.)
const OPENS_SENTENCE = /(?:^|[.!?\n])\s*["']?\s*$/u;
const QUANTITY_CUE = new WordPattern(String.raw`(?:có|gồm|với|khoảng|gần|hơn|trên|dưới|đạt|tổng số|tổng cộng|thêm|ít nhất|tối thiểu|tối đa)\s*$`);
const RANGE_AFTER = /^\s*[-–]\s*\d{4}(?!\d)/;

// A name right before it (`Techfest 2024`, `SEA Games 2003`, `Viettel 2000`): an edition or a model.
// (Not the capital of a sentence's first word: `Cần 2000 tỷ đồng`.)
const NAME_BEFORE = /(?<!(?:^|[.!?\n])[\s"']*)\p{Lu}[\p{L}\p{N}]*\s+$/u;

/** Whether a year-shaped numeral, with `left` the text before it and `right` after it, is a year. */
export function readsAsYear(left: string, right: string): boolean {
  if (YEAR_CUE.test(left) || YEAR_LIST.test(left) || OPENS_SENTENCE.test(left) || RANGE_AFTER.test(right)) return true;
  const cued = QUANTITY_CUE.test(left);
  if (!cued && NAME_BEFORE.test(left)) return true;
  return !quantityAfter(right, cued);
}
