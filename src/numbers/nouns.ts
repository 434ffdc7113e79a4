/**
 * What follows a number: a noun it counts (`2000 thuê bao`, `287,315 thuê bao`) or something
 * else (a period word, a function word, a unit of measure, a scale or a currency). Used to tell
 * a year-shaped count from a year and a thousands group from a decimal; the rules decide which
 * indicator a counted noun belongs to, this only says whether there is one.
 *
 * The test is on the first word after the number (horizontal space only: a line break ends
 * what can be read about a number), written in lower case: counted nouns are common nouns;
 * `2024 Lào Cai`, `2024 UBND` are not counts.
 */

// Period and time words: `2024 năm`, `1.200 giờ` count no thing.
const TIME = ['năm', 'tháng', 'quý', 'ngày', 'tuần', 'giờ', 'phút', 'giây', 'giai', 'thế', 'thập', 'niên', 'mùa', 'đợt', 'kỳ', 'buổi', 'sáng', 'trưa', 'chiều', 'tối', 'đêm', 'hôm', 'dịp', 'tuổi'];
// Function words and verbs that follow a number or a year without naming what it counts.
const FUNCTION = [
  'và', 'là', 'của', 'với', 'tới', 'đến', 'trở', 'so', 'theo', 'nay', 'vừa', 'qua', 'trước', 'sau', 'đã', 'được', 'có',
  'cũng', 'này', 'thì', 'sẽ', 'đang', 'tại', 'trong', 'về', 'cho', 'khi', 'mà', 'để', 'nên', 'nhưng', 'hay', 'hoặc',
  'từ', 'lên', 'xuống', 'đạt', 'tăng', 'giảm', 'các', 'những', 'chỉ', 'vẫn', 'còn', 'đều', 'rồi', 'trên', 'dưới', 'ra',
  'vào', 'bị', 'do', 'bởi', 'nhằm', 'như', 'tiếp', 'thêm', 'bằng', 'gồm', 'cùng', 'sang', 'thuộc', 'hết', 'mới', 'nữa',
  'ấy', 'đó', 'kia', 'nào', 'gì', 'lại', 'luôn', 'ở', 'tính', 'chưa', 'không', 'toàn', 'cả', 'mỗi', 'một', 'hai', 'ba',
  'gấp', 'lần', 'đánh', 'ghi', 'tiến', 'triển', 'thực', 'diễn', 'bắt', 'kết', 'ban', 'hoàn', 'khởi', 'chứng',
];
// A measure, a scale, a currency, a score or a share: a quantity, but no counted thing.
const MEASURE = [
  'km', 'm', 'cm', 'mm', 'ha', 'kg', 'g', 'tấn', 'tạ', 'lít', 'gb', 'mb', 'kb', 'tb', 'mbps', 'gbps', 'kbps', 'kw', 'mw',
  'kwh', 'mwh', 'w', 'v', 'độ', 'điểm', 'phần', 'bậc', 'hạng',
];
const SCALE_OR_MONEY = ['nghìn', 'ngàn', 'vạn', 'triệu', 'tỷ', 'tỉ', 'trăm', 'chục', 'đồng', 'đ', 'vnđ', 'usd', 'k', 'tr'];
// Administrative units right after a year (`Sau 2024 tỉnh …`): only a count after a quantity cue.
const PLACE = ['tỉnh', 'huyện', 'xã', 'phường', 'thị'];

// Verbs that follow a named event or plan and its year (`Festival 2024 thu hút …`, `Cuộc thi
// 2024 diễn ra …`); as two words, since their first syllable may be a noun (`tổ`, `công`).
const EVENT_VERBS = [
  'thu hút', 'diễn ra', 'khai mạc', 'bế mạc', 'tổ chức', 'công bố', 'chính thức', 'phát động', 'đánh dấu', 'ghi nhận',
  'vinh danh', 'trao giải', 'chào mừng', 'hướng tới', 'đặt ra', 'đề ra', 'xác định', 'tiếp tục', 'kéo dài', 'triển khai',
  'thực hiện', 'hoàn thành', 'ban hành', 'phê duyệt', 'chuyển đổi', 'quy định', 'yêu cầu', 'mở ra', 'đi vào', 'bắt đầu',
];

const NOT_COUNTED = new Set([...TIME, ...FUNCTION, ...MEASURE, ...SCALE_OR_MONEY]);
const QUANTITY = new Set([...MEASURE, ...SCALE_OR_MONEY]);
const NOT_COUNTED_PAIRS = new Set(['thành phố', 'học kỳ', 'năm học', 'niên khóa', 'giai đoạn', 'trở lên']);
const PLACES = new Set(PLACE);
const EVENT_PAIRS = new Set(EVENT_VERBS);

// `đồng bào`, `đồng chí`, `đồng nghiệp` after a number are people, not money (`2.252 đồng bào`).
const NOT_DONG_WORDS = ['bào', 'chí', 'nghiệp', 'hương', 'đội', 'môn', 'hành', 'thời', 'loạt', 'bộ'];
export const NOT_DONG = `(?![^\\S\\n]+(?:${NOT_DONG_WORDS.join('|')})(?!\\p{L}))`;

const FIRST_WORDS = /^[^\S\n]*(\p{Ll}+)(?:[^\S\n]+(\p{Ll}+))?/u;
const CURRENCY = new RegExp(`^[^\\S\\n]*(?:đồng${NOT_DONG}|đ|VNĐ|VND|vnđ)(?!\\p{L})`, 'iu');

/** The noun a number counts follows it (`1.200 trạm BTS`, `2000 thuê bao`), not a measure, scale, period or function word. */
export function countNounAfter(right: string): boolean {
  const m = FIRST_WORDS.exec(right);
  if (!m) return false;
  const w = m[1]!;
  if (w === 'đồng' && m[2] && NOT_DONG_WORDS.includes(m[2])) return true;
  if (NOT_COUNTED.has(w)) return false;
  return !(m[2] && NOT_COUNTED_PAIRS.has(`${w} ${m[2]}`));
}

/** What follows is counted whole: a counted noun, or đồng (`287,315 thuê bao`, `50,000đ`). */
export function wholeAfter(right: string): boolean {
  return countNounAfter(right) || CURRENCY.test(right);
}

/**
 * A quantity follows a year-shaped number: a counted noun, or a measure, scale or currency
 * (`2000 km cáp quang`, `2000 tỷ đồng`). Unless `cued` (a quantity cue such as `có`, `hơn`
 * stands before the number: `có 2000 xã`), a place word (`đến 2025 tỉnh …`) or a verb of
 * events (`2024 diễn ra`) is no counted noun.
 */
export function quantityAfter(right: string, cued: boolean): boolean {
  const m = FIRST_WORDS.exec(right);
  if (!m) return false;
  const w = m[1]!;
  if (QUANTITY.has(w)) return true;
  if (!cued && (PLACES.has(w) || (m[2] && EVENT_PAIRS.has(`${w} ${m[2]}`)))) return false;
  return countNounAfter(right);
}
