/**
 * What may follow the digits of a number and scale it: a scale word (`2.000 tỷ`, `1,02 triệu`,
 * `3 vạn`, `5tỷ`), a currency (`820 triệu đồng`, `50.000đ`, `50.000 VND`), or the shorthand of
 * social posts and ads, glued to the digits: `10k` (nghìn), `2tr` (triệu), `1tr5` (1,5 triệu).
 *
 * `k` and `tr` are read only glued to the number and in lower case: `2 tr` may be a page (`tr.`
 * = trang), `4K`/`8K` are video resolutions, `10km`, `10kW`, `H10k`, `k10` are units and codes.
 * They are money (vnd) when a currency follows, or when a money word comes before them in the
 * clause (`giá`, `phí`, `lương`, `thu nhập`, `hỗ trợ` …) and no counted noun follows (`10k người
 * theo dõi` is a count); otherwise counts.
 */
import { clean, scaleOf } from './parse.js';
import { NOT_DONG, countNounAfter } from './nouns.js';
import { WordPattern } from '../text/word-pattern.js';

// Horizontal space only: `650.000\nTỷ lệ …` is a list item ending, not 650.000 tỷ.
export const R_SCALE = /^[^\S\n]*((?:nghìn|ngàn|vạn|triệu|tỷ|tỉ)(?:[^\S\n]+(?:tỷ|tỉ))?)(?!\p{L})/iu;
export const R_MONEY = new RegExp(`^[^\\S\\n]*(?:đồng${NOT_DONG}|VNĐ|VND|vnđ|đ)(?!\\p{L})`, 'iu');
// `10k`, `2tr`, `1tr5`, `1tr25`: case-sensitive, glued, and not followed by a letter or digit.
const SLANG = /^(?:k|tr(\d{1,3})?)(?![\p{L}\p{N}])/u;
// `10k USD`: money, but not đồng (there is no unit for it).
const FOREIGN_MONEY = /^[^\S\n]*(?:USD|US\$|\$|EUR|euro|đô)(?!\p{L})/iu;
// (A word-start pattern: the boundary checked by hand is several times cheaper than `(?:^|[^\p{L}])`.)
const MONEY_CUE = new WordPattern(String.raw`(?:giá|phí|cước|tiền|lương|thu nhập|chi phí|học phí|trị giá|kinh phí|doanh thu|doanh số|ủng hộ|thanh toán|chi trả|trả|mua|bán|tặng|thưởng|vốn|ngân sách|giá trị|nộp|hỗ trợ)(?!\p{L})[^.;!?\n\d]{0,30}$`);

export interface Quantity {
  /** Characters after the digits that belong to the number (`k`, `tr5`, ` tỷ đồng`). */
  length: number;
  value: number;
  multiplier: number;
  vnd: boolean;
}

/**
 * Reads the scale and currency after a numeral: `raw` its digits, `value` their value, `right`
 * the text after them, `left` the text before. Null when nothing scales it.
 */
export function readQuantity(raw: string, value: number, right: string, left: string): Quantity | null {
  const slang = SLANG.exec(right);
  if (slang) {
    if (slang[1] && !/^\d+$/.test(raw)) return null; // `1,5tr5` is no number
    const mantissa = slang[1] ? Number(`${raw}.${slang[1]}`) : value;
    const multiplier = slang[0] === 'k' ? 1e3 : 1e6;
    const money = R_MONEY.exec(right.slice(slang[0].length));
    const length = slang[0].length + (money?.[0].length ?? 0);
    const rest = right.slice(length);
    const vnd = !!money || (!countNounAfter(rest) && !FOREIGN_MONEY.test(rest) && MONEY_CUE.test(left));
    return { length, value: clean(mantissa * multiplier), multiplier, vnd };
  }
  let scale = R_SCALE.exec(right);
  if (scale && scale[1]!.startsWith('V')) scale = null; // `3 Vạn Ninh`: a name, not 30 000
  const money = R_MONEY.exec(scale ? right.slice(scale[0].length) : right);
  if (!scale && !money) return null;
  const multiplier = scaleOf(scale?.[1]);
  return { length: (scale?.[0].length ?? 0) + (money?.[0].length ?? 0), value: clean(value * multiplier), multiplier, vnd: !!money };
}

/** A scale or currency glued to the digits (`10k`, `1tr5`, `50.000đ`, `5tỷ`): part of the number, not a code. */
export function gluedQuantity(raw: string, right: string): boolean {
  return /^\p{L}/u.test(right) && readQuantity(raw, 0, right, '') !== null;
}

const RANGE = /^[^\S\n]*(?:-|đến|tới)[^\S\n]*(?=\d)/iu;
const NUMERAL_AT = /\d+(?:[.,]\d+)*/y;

export interface QuantityRange {
  low: { value: number; end: number };
  high: { value: number; start: number; end: number };
  vnd: boolean;
}

/**
 * A range of scaled amounts (`2-5 triệu đồng`, `2tr-5tr`, `từ 2 đến 3 vạn`, `1,5 tỷ - 2 tỷ
 * đồng`): two numbers joined by `-`, `đến` or `tới`, the second with a scale or currency. A bare
 * low end takes the high end's scale (`2-5 triệu` is 2 triệu to 5 triệu); the range is money
 * when either end is. `end` is where the low numeral's digits end (in `text`), `low` its
 * scale (null for none); `read` parses the high numeral's digits given the text after them.
 */
export function readQuantityRange(
  text: string, end: number, value: number, low: Quantity | null, left: string,
  read: (raw: string, right: string) => number,
): QuantityRange | null {
  const lowEnd = end + (low?.length ?? 0);
  const dash = RANGE.exec(text.slice(lowEnd, lowEnd + 16));
  if (!dash) return null;
  const hiStart = lowEnd + dash[0].length;
  NUMERAL_AT.lastIndex = hiStart;
  const hi = NUMERAL_AT.exec(text);
  if (!hi) return null;
  const hiRight = text.slice(hiStart + hi[0].length, hiStart + hi[0].length + 80);
  const high = readQuantity(hi[0], read(hi[0], hiRight), hiRight, left);
  if (!high || Number.isNaN(high.value)) return null;
  const lowValue = low ? low.value : clean(value * high.multiplier);
  if (!(lowValue <= high.value)) return null;
  return {
    low: { value: lowValue, end: lowEnd },
    high: { value: high.value, start: hiStart, end: hiStart + hi[0].length + high.length },
    vnd: (low?.vnd ?? false) || high.vnd,
  };
}
