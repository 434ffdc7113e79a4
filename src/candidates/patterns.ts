/**
 * Context patterns for the candidate finder. `L_*` patterns are tested against the text that
 * ends right before the number (anchored with `$`), `R_*` against the text right after it.
 * All are case-insensitive and Unicode-aware; they run on normalized text.
 */
import { isSpace, TailPattern, WordPattern } from '../text/word-pattern.js';

const re = (s: string) => new RegExp(s, 'iu');
/** `(?:^|[^\p{L}])body`, with the boundary checked by hand (see WordPattern: ~10× faster). */
const word = (body: string) => new WordPattern(body);
/** A left-context `word` pattern ending at `$`; `reach`: the most characters it can span. */
const tail = (body: string, reach: number) => new TailPattern(body, reach);

/** Letters count as word characters for boundaries (JS `\b` fails next to `đ`). */
export const W = '[\\p{L}\\p{N}_]';

export const L_DOCUMENT = tail('(?:quyết định|nghị quyết|nghị định|thông tư|chỉ thị|công văn|kế hoạch|đề án|chương trình|luật|bộ chỉ số|chỉ số|ban chỉ đạo|tờ trình|thông báo|hướng dẫn số|văn bản|quy chuẩn|tiêu chuẩn|QĐ|NQ|NĐ|KH|CT|TB)(?: số)?\\s*$', 24);
// `2 quyết định 12 văn bản`: a counted document word is not a reference to one.
export const L_DOC_COUNTED = re('\\d\\s+\\p{L}+(?:\\s+\\p{L}+)?\\s*$');
export const L_SO = tail('số\\s*$', 8);
// `kinh tế số 0,5176`, `chuyển đổi số 0,61`: `số` is `digital` there.
export const L_SO_NOT_DOC = re('(?:tổng|con|các|chỉ|trong|này|kinh tế|xã hội|chính quyền|chuyển đổi|hạ tầng|nhân lực|nhận thức|thể chế|công dân|dữ liệu|nền tảng|kỹ năng|công nghệ)\\s+số\\s*$');
export const L_CODE = tail('(?:ISO|TCVN|GMT|UTC|km|QL|quốc lộ|tỉnh lộ|phiên bản|version|ver|v|bản|mã|model|IPv|Web|cách mạng công nghiệp|công nghiệp|CMCN|Industry)\\s*$', 30);
export const L_PHONE = re('(?:tổng đài|đường dây nóng|hotline|điện thoại|SĐT|ĐT|fax|zalo|liên hệ)[:\\s]*$');
const PHONE_WORD_AT_END = re('(?:tổng đài|đường dây nóng|hotline|điện thoại|SĐT|ĐT|fax|zalo|liên hệ)$');
/** The longest of L_PHONE's words, in UTF-16 units. */
const PHONE_WORD_REACH = 14;

/**
 * `L_PHONE.test(left)`, without running the pattern at every position of `left`: each of its
 * words ends with a letter, so a match ends exactly where the trailing run of `:` and spaces
 * begins, and starts at most PHONE_WORD_REACH units before it.
 */
export function phoneCueBefore(left: string): boolean {
  let end = left.length;
  while (end > 0 && (left.charCodeAt(end - 1) === 58 || isSpace(left.charCodeAt(end - 1)))) end--;
  return PHONE_WORD_AT_END.test(left.slice(Math.max(0, end - PHONE_WORD_REACH - 2), end));
}
export const L_DATE = tail('(?:ngày|tháng|mùng|hôm|sáng|trưa|chiều|tối|đêm)\\s*$', 12);
export const L_ORDINAL = tail('(?:(?:lần|phiên|kỳ|khóa|đợt|hội nghị|hội thi|vòng|mùa|số báo|kỳ họp)?\\s*thứ|(?:lần|phiên|kỳ họp|khóa|đợt|nhiệm kỳ))\\s*$', 24);
export const L_RANK = tail('(?:(?:số|DTI|PAR|PCI|PAPI|Index|lên|xuống|giữ|giữ vững|duy trì)\\s+thứ|xếp thứ|xếp hạng thứ|xếp hạng|đứng thứ|đứng hạng|vị trí thứ|vị trí|thứ hạng|hạng|top|tốp|nhóm|xếp vị trí|một trong)\\s*$', 24);
// `một trong 10 địa phương dẫn đầu` is a top-10 group; `một trong 12 thành viên` only a label.
export const L_RANK_GROUP = tail('(?:top|tốp|nhóm|một trong)\\s*$', 12);
export const L_LABEL = tail('(?:cấp độ|mức độ|mức|loại|giai đoạn|hạng mục|khu vực|vùng|tổ|phường|quận|lô|tầng|điều|khoản|chương|mô hình|phân khu|tiểu khu|khối|đội|ấp|xóm|thôn|bản|tiêu chí|chỉ tiêu số|nhóm|lớp|bảo vệ)\\s*$', 20);
// `đạt 92% chỉ tiêu`, `bằng 105% kế hoạch năm`: progress against a plan, not the indicator's level.
export const R_COMPLETION = re('^\\s*(?:so với\\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu|KH)(?!\\p{L})(?!\\s+(?:số|chuyển đổi số))');
export const R_DURATION = re('^\\s*(?:năm|tháng|ngày|tuần|giờ|phút|giây|quý|thập kỷ|thế kỷ|buổi|đêm|tiếng|tuổi)(?!\\p{L})');
export const R_STRUCTURE = re(
  '^\\s*(?:trụ cột|nhóm giải pháp|nhóm nhiệm vụ|giải pháp|khâu đột phá|đột phá|giai đoạn|quan điểm|bước|cấp(?! xã| huyện| tỉnh)|mục tiêu|sao|tiêu chí|nội dung|chương|điều|phần|lĩnh vực ưu tiên|nhóm chỉ tiêu|chỉ số thành phần|trụ|tầng|lớp bảo vệ|nguyên tắc)(?!\\p{L})',
);
// `trên 100 hộ gia đình`, `cứ 100 người dân`: the base of a density, not a count.
export const L_PER = tail('(?:trên|/|mỗi|cứ)\\s*$', 10);
// `Mỗi cơ quan có ít nhất 1 công chức …`: a norm per unit, not a count.
export const L_PER_UNIT = word('mỗi\\s+\\p{L}[^,;.\\d]{0,30}?\\s(?:có|bố trí|cử|phân công|được giao)\\s+(?:(?:ít nhất|tối thiểu|từ|tối đa)\\s+)?$');
export const R_PER_BASE = re('^\\s*(?:hộ|dân|người|km2|km)(?!\\p{L})');
// `thuê bao băng rộng cố định trên 100 dân đạt 25,1`: the base was stated before the number.
export const L_DENSITY_BASE = word('(?:thuê bao|máy|điện thoại|tài khoản|người dùng|mật độ)[^\\d;,]{0,40}(?:trên|/|mỗi)\\s*(?:100|1\\.000)\\s*(?:dân|người|hộ)(?!\\p{L})[^\\d;,]{0,30}$');
export const R_DENSITY = re('^\\s*[\\p{L} ]{1,30}\\/\\s*(?:100|1\\.000|1000|10\\.000|100\\.000)\\s*(?:dân|người|hộ|km|km2)');
// Scales and currencies (`2.000 tỷ đồng`, `3 vạn`, `10k`, `1tr5`) are read in src/numbers/forms.ts.
export { R_MONEY, R_SCALE } from '../numbers/forms.js';
export const R_PERCENT = re('^\\s?(?:%|phần trăm(?!\\p{L}))');
// `465,68 điểm` is a score; `175 điểm cầu`, `245 điểm phát Wi-Fi` are places: only a score when
// the phrase ends or a score-ish word follows.
export const R_SCORE = re('^\\s*điểm(?=\\s*$|\\s*[,.;:)/]|\\s+(?:và|xếp|đứng|trên|so|tăng|giảm|cao|thấp|đạt|của|trong|chuyển đổi số|DTI|PAR|SIPAS|PAPI|PCI|ICT|Index|chỉ số|năm|,)(?!\\p{L}))');
export const R_RANGE = re('^\\s*(?:-|–|đến|tới)\\s*(?=\\d)');
export const R_TIME = /^(?:h|giờ)(?:\d{1,2})?(?!\p{L})|^:\d/u; // case-sensitive: `4G` is not a time
export const R_CODE_TAIL = re('^(?:[\\p{L}]|[-/][\\p{L}]|\\.\\d+\\.)');
export const R_YEAR_RANGE = re('^\\s*[-–]\\s*\\d{4}(?!\\d)');
// Bounded label lengths and a start only at a word start keep this linear on long runs of letters.
export const URL = /(?<![\w.@/-])(?:https?:\/\/|www\.)[^\s<>"')]{1,2000}|(?<![\w.@/-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,5}\.(?:vn|com|net|org|gov|edu|info|io)(?![\w-])(?:\/[^\s<>"')]{0,2000})?|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}/giu;
export const R_OF_TOTAL = re('^\\s+(?:trên|trong|/)\\s+(?:tổng số\\s+)(\\d+(?:[.,]\\d+)*)');
export const R_PLACES = re('^\\s*(?:tỉnh|địa phương|thành phố|đơn vị|quốc gia|nước|bộ|cơ quan|huyện|tỉnh, thành)(?!\\p{L})');
