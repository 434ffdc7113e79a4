/**
 * Readings around a number that make it a statistic of another kind than a level count:
 * changes (`tăng 12 bậc`, `giảm 1,7%`), multiples (`gấp 1,8 lần`), densities (`121,4 thuê
 * bao/100 dân`), index scores (`DTI đạt 0,6142`) and the sizes that are never records of their
 * own (the field of a rank, `63` in `xếp thứ 27 trong 63 tỉnh`). Patterns run on normalized text;
 * `L_*` against the text that ends right before the number, `R_*` against the text after it.
 */
import type { Measure } from './types.js';
import { TailPattern, WordPattern } from '../text/word-pattern.js';

const re = (s: string) => new RegExp(s, 'iu');
const word = (body: string) => new WordPattern(body);
const tail = (body: string, reach: number) => new TailPattern(body, reach);

const QUAL = '(?:(?:khoảng|gần|hơn|trên|xấp xỉ|được|thêm|ước|chừng|tới|đến|lên tới)\\s+)?';

// (`không ít hơn 1.000`, `không thấp hơn 80%` are qualifiers: at least; hence `(?<!không )`.)
// ---- changes -----------------------------------------------------------------------------
// `tăng lên 79,4%`, `giảm còn 0,8%`, `tăng từ 12 lên 187`: the level reached, not a change.
export const L_CHANGE_TO = tail(`(?:tăng lên|giảm xuống|giảm còn|xuống còn|chỉ còn|lên mức|tăng lên mức|lên|từ)\\s+${QUAL}$`, 30);
export const L_INCREASE = tail(
  `(?<!không )(?:tăng|tăng thêm|tăng hơn|nhích|nhích thêm|cao hơn|nhiều hơn|tăng trưởng(?: bình quân| trung bình)?(?: đạt| là| ở mức)?)\\s+${QUAL}$`,
  46,
);
export const L_DECREASE = tail(`(?<!không )(?:giảm|giảm thêm|giảm hơn|sụt|sụt giảm|thấp hơn|ít hơn)\\s+${QUAL}$`, 34);
// Rank moves (`tăng 12 bậc`, `tụt 6 hạng`, `vươn lên 7 bậc`, `lùi 3 bậc`): any verb, by direction.
export const R_RANK_MOVE = re('^\\s*(?:bậc|hạng)(?!\\p{L})(?!\\s+(?:mục|nhất|nhì|ba|tư|đầu)(?!\\p{L}))');
export const L_MOVE_DOWN = tail(`(?<!không )(?:giảm|giảm thêm|tụt|tụt xuống|tụt hạng|lùi|lùi xuống|rơi|rơi xuống|sụt|sụt giảm|xuống|mất)\\s+${QUAL}$`, 34);
// `cao hơn mức trung bình cả nước 15%`: a difference stated after a comparison.
// (`không ít hơn 1.000`, `không thấp hơn 80%` are qualifiers: at least.)
const L_COMPARISON = word('(?<!không )(cao|thấp|nhiều|ít|tăng|giảm|vượt) hơn(?: so với)?[^,;\\d]{0,40}$');
// Every L_COMPARISON match holds ` hơn`: a literal search first spares most numbers the scan.
const HON = / hơn/iu;

/**
 * Whether the number is stated as a change of a measure, and which way: `tăng 5,8% so với năm
 * trước`, `giảm 4 hạng`, `tăng 0,85 điểm`, `thấp hơn 6,3%`. Null for a level (`tăng lên 80%`).
 */
export function changeOf(left: string, right: string, unit: string): Measure | null {
  if (unit === 'count' && R_RANK_MOVE.test(right)) return L_MOVE_DOWN.test(left) ? 'decrease' : 'increase';
  // `thấp hơn bình quân cả nước (82,9%)`: the benchmark's own value, not the difference.
  const cmp = /\(\s*$/u.test(left) || !HON.test(left) ? null : L_COMPARISON.exec(left);
  if (cmp) return /^(?:thấp|ít|giảm)/iu.test(cmp[1]!) ? 'decrease' : 'increase';
  if (L_CHANGE_TO.test(left)) return null;
  if (L_INCREASE.test(left)) return 'increase';
  if (L_DECREASE.test(left)) return 'decrease';
  return null;
}

// ---- multiples ---------------------------------------------------------------------------
export const R_TIMES = re('^\\s*lần(?!\\p{L})');
export const L_TIMES_UP = tail(`(?<!không )(?:gấp|tăng|tăng gấp|tăng hơn|cao gấp|nhiều gấp|lớn gấp|nhanh gấp|cao hơn|nhiều hơn|lớn hơn|nhanh hơn|tăng lên gấp|tăng lên)\\s+${QUAL}$`, 30);
export const L_TIMES_DOWN = tail(`(?<!không )(?:giảm|giảm gấp|giảm hơn|thấp hơn|ít hơn|giảm đi)\\s+${QUAL}$`, 30);

/** `gấp 1,8 lần`, `tăng 3,2 lần` → increase; `giảm 2 lần` → decrease; `3 lần` alone → null. */
export function multipleOf(left: string): Measure | null {
  if (L_TIMES_DOWN.test(left)) return 'decrease';
  if (L_TIMES_UP.test(left)) return 'increase';
  return null;
}

// ---- densities ---------------------------------------------------------------------------
const BASE = '(100|1\\.000|1000|10\\.000|100\\.000)';
const PER = '(?:dân|người(?: dân)?|hộ(?: gia đình)?|km2|km²)(?!\\p{L})';
/** `121,4 thuê bao/100 dân`, `1,2 thuê bao/người`, `1,6 máy/100 dân`: group 1 is the base. */
export const R_DENSITY_SLASH = re(`^\\s*(?:\\p{L}+(?: \\p{L}+){0,7})?\\s*\\/\\s*(?:${BASE}\\s*)?${PER}`);
/** `76 người dùng Internet trên 100 dân`. */
export const R_DENSITY_PER = re(`^\\s*\\p{L}+(?: \\p{L}+){0,5}\\s+(?:trên|mỗi)\\s+${BASE}\\s*${PER}`);
/** Words every R_DENSITY_PER match holds: searched first, they spare most numbers its backtracking over six words. */
export const R_DENSITY_PER_WORDS = /trên|mỗi/iu;
/** `thuê bao di động trên 100 dân của tỉnh là 108,5`: the base stated before the number. */
export const L_DENSITY_BASE = word(`(?:thuê bao|máy|điện thoại|tài khoản|người dùng|mật độ)[^\\d;,]{0,40}(?:trên|/|mỗi)\\s*${BASE}\\s*(?:dân|người|hộ)(?!\\p{L})[^\\d;,.]{0,30}$`);
/** `cứ 100 người dân … có khoảng 33 thuê bao`, `một hộ gia đình đang dùng 2,6 thuê bao`. */
export const L_DENSITY_EACH = word(`(?:cứ|mỗi|một|bình quân|trung bình)\\s+(?:(100|1\\.000|1)\\s+)?(?:người dân|người|dân|hộ gia đình|hộ)(?!\\p{L})[^\\d;.]{0,50}$`);
/** What a density counts per head: `thuê bao`, `máy`, `tài khoản` … */
export const R_PER_HEAD_NOUN = re('^\\s*(?:thuê bao|máy|điện thoại|tài khoản|người dùng|smartphone|SIM|thiết bị)(?!\\p{L})');
export const L_MAT_DO = /mật độ[^.;\d]{0,80}$/iu;

// ---- scores ------------------------------------------------------------------------------
/** An index named before a bare value: `DTI đạt 0,6142`, `chỉ số kinh tế số ở mức 0,5917`, `; kinh tế số đạt 0,3711`. */
/** `0,5176 và xã hội số 0,4638`, `0,4856 (xếp thứ 38)`: a list goes on after the value. */
export const R_LIST_GOES_ON = re('^\\s*(?:(?:và|hoặc)\\s|\\((?!\\s*\\d))');
/** `tăng 0,0513 so với năm 2022`: a value compared, with nothing counted after it. */
export const R_COMPARED = re('^\\s*so (?:với|cùng kỳ)(?!\\p{L})');
/** `ở mức 0,5487`: a value, where `mức 2` alone is a level's label. */
export const L_AT_LEVEL = tail('(?:ở|đạt|tại|lên|xuống|còn|với) mức\\s*$', 8);
export const L_INDEX_CUE = /(?:chỉ số|DTI|PAR(?: Index)?|SIPAS|PAPI|PCI|ICT Index|điểm|giá trị|(?:nhận thức|thể chế|hạ tầng|nhân lực|chính quyền|kinh tế|xã hội) số)[^.;]{0,120}$/iu;
/** `8,76/10 điểm`, `tổng điểm 86,34/100`: a score out of a maximum, not a fraction. */
export const R_SCORE_AFTER_SLASH = re('^\\s*điểm(?!\\s+(?:cầu|phát|truy cập|bán|giao dịch|du lịch|thu gom|tiếp nhận)(?!\\p{L}))');
export const L_SCORE_BEFORE = tail('(?:điểm|điểm số|số điểm)(?:\\s+(?:đạt|là|tổng hợp))?\\s*$', 18);
/** `4,1 điểm phần trăm`: a difference of percentages. */
export const R_PERCENT_POINTS = re('^\\s*(?:điểm phần trăm|điểm %)(?!\\p{L})');

// ---- exclusions ---------------------------------------------------------------------------
/** `hướng dẫn 1.215 người dân`: the verb `guide`, not a guideline's number (`Hướng dẫn 12/HD-…`). */
export const L_GUIDE_VERB = tail('hướng dẫn\\s*$', 10);
export const R_COUNTED_WORD = /^\s+\p{Ll}/u;

// ---- ranks -------------------------------------------------------------------------------
/** The field a rank is taken in: `… trong 63 tỉnh, thành phố`, `… trên tổng số 34 tỉnh`. */
export const R_FIELD = re('^\\s*(?:trong|trên|/)\\s*(?:tổng số\\s+|số\\s+)?(\\d+)(?=\\s+(?:tỉnh|địa phương|thành phố|bộ|cơ quan|đơn vị|quốc gia|nước|nền kinh tế|huyện|xã|sở)(?!\\p{L}))');
/** A count of provinces or places that only sizes a field or list: `63 tỉnh, thành phố`, `5 địa phương khác`. */
export const R_PLACE_COUNT = re('^\\s*(?:tỉnh|địa phương|tỉnh, thành phố|tỉnh, thành|tỉnh thành|huyện, thành phố|huyện, thị xã, thành phố|huyện)(?!\\p{L})(\\s+khác)?');
export const L_FIELD_OPEN = /(?:^|[.;,:]\s*)(?:trong|trên|với|cho|của|cùng)\s+(?:tổng số\s+)?$/iu;
/** `Trong nhóm 6 tỉnh Bắc Trung Bộ`: a group that names a field, not a top-N. */
export const L_GROUP_FIELD = /(?:^|[.;,:]\s*)trong nhóm\s*$/iu;
/** Words after a group that make it a top-N: `nhóm 10 tỉnh dẫn đầu`, `có chỉ số cao nhất`. */
export const R_LEADING = re('^[^.;\\d]{0,80}?(?:dẫn đầu|đứng đầu|cao nhất|tốt nhất|xuất sắc nhất|mạnh nhất|nhanh nhất|hàng đầu|đầu bảng)(?!\\p{L})');
/** `thứ hạng chính quyền số, kinh tế số … tương ứng là 5, 16 và 8`; a table row `Xếp hạng DTI | 17/63`. */
export const L_RANK_FAR = word('(?:thứ hạng|xếp hạng)[^\\d;.|]{0,90}?(?:\\s(?:là|đạt|lần lượt là|tương ứng là)|:|\\|)\\s*$');
/** A bare `thứ 8` right after a rank in the same sentence: `Bình Dương đứng thứ 3, Bắc Giang thứ 8`. */
export const L_BARE_THU = word('thứ\\s*$');
/** The field of a rank is a region: `… trong các tỉnh duyên hải`, `… khu vực Tây Nguyên`, `của vùng`. */
export const R_REGION = re('(?:các tỉnh|khu vực|vùng|miền|tiểu vùng)(?!\\p{L})');
export const L_REGION = word('(?:trong|giữa) (?:nhóm \\d+|các|số \\d+) tỉnh[^,;.]{0,40},[^;.]*$');
