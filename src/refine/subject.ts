/**
 * The subject of a statistic: the noun phrase the number counts or describes, as written.
 *   `58/71 tổ công nghệ số cộng đồng cấp xã, với …`  → `tổ công nghệ số cộng đồng cấp xã`
 *   `Tỷ lệ người dân sử dụng internet đạt 73,08%`    → `người dân sử dụng internet`
 *   `100% xã, phường, thị trấn được kết nối …`       → `xã`
 *   `kinh tế số xếp thứ 8` / `xếp thứ 16 về chuyển đổi số` → `kinh tế số` / `chuyển đổi số`
 * Cut at the phrase boundary: punctuation, a number, or a word that starts a predicate.
 */
import type { Candidate } from '../candidates/types.js';
import { isSpace, letterAt, WordPattern } from '../text/word-pattern.js';

// Words that end a noun phrase after a number (verbs, prepositions, conjunctions, qualifiers).
const STOP_WORDS = [
  'đạt', 'được', 'đã', 'đang', 'sẽ', 'có', 'của', 'trên', 'tại', 'trong', 'với', 'và', 'là', 'cho', 'theo', 'từ', 'đến',
  'nhằm', 'để', 'thuộc', 'gồm', 'như', 'chiếm', 'tăng', 'giảm', 'so', 'thì', 'mà', 'nhưng', 'hoặc', 'hay', 'vào', 'lên',
  'tham', 'thực', 'triển', 'sử', 'dùng', 'còn', 'vẫn', 'chưa', 'không', 'bằng', 'qua', 'khi', 'do', 'bởi', 'vì', 'nên',
  'ở', 'về', 'đều', 'cũng', 'chỉ', 'mới', 'hiện', 'tương', 'trở', 'ra', 'nay', 'này', 'đó', 'kết', 'giúp',
];
const STOP_SET = new Set(STOP_WORDS);
/** Whether a word is a stop word, possibly with punctuation glued after it (`đạt:`, `và/`). */
export function isStop(word: string): boolean {
  // Its leading letters (`^\p{L}*`), read by char code: this runs for every word of every subject.
  let k = 0;
  while (k < word.length && letterAt(word, k)) k += word.charCodeAt(k) >= 0xd800 && word.charCodeAt(k) <= 0xdbff ? 2 : 1;
  return STOP_SET.has((k === word.length ? word : word.slice(0, k)).toLowerCase());
}
const BOUNDARY = /[,;:.()!?"\n\d]|\s[-–]\s/u;
const MAX_AFTER_WORDS = 8;
const MAX_BEFORE_WORDS = 16;
const AFTER_FILLERS = /^(?:(?:các|những|số|tổng số|toàn bộ|cả)\s+)+/iu;
const GLUED = /\p{Ll}\p{Lu}/u; // `DởHay`: scraped boilerplate, not a noun phrase

// Per UTF-16 unit, memoized (0: not yet seen): whether it is \p{Ll}, \p{Lu} or neither.
const LOWER = 1;
const UPPER = 2;
const NEITHER = 3;
const caseClasses = new Uint8Array(65536);

function caseOf(unit: number): number {
  let v = caseClasses[unit]!;
  if (v === 0) {
    const ch = String.fromCharCode(unit);
    v = /\p{Ll}/u.test(ch) ? LOWER : /\p{Lu}/u.test(ch) ? UPPER : NEITHER;
    caseClasses[unit] = v;
  }
  return v;
}

/** `GLUED.test(s)` by char code: it runs on every word of every subject. Astral text takes the regex. */
export function isGlued(s: string): boolean {
  let prevLower = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return GLUED.test(s);
    const k = caseOf(c);
    if (k === UPPER && prevLower) return true;
    prevLower = k === LOWER;
  }
  return false;
}

function wordsUntilStop(phrase: string, max: number): string {
  const words: string[] = [];
  // Word by word (runs of non-spaces, as /\S+/g), not split(): the phrase can be 200 characters
  // and only `max` words are read.
  for (let i = 0; i < phrase.length; ) {
    if (isSpace(phrase.charCodeAt(i))) {
      i++;
      continue;
    }
    const from = i;
    while (i < phrase.length && !isSpace(phrase.charCodeAt(i))) i++;
    const w = phrase.slice(from, i);
    if (words.length > 0 && isStop(w)) break;
    if (words.length === 0 && (isStop(w) || !/\p{L}/u.test(w))) return '';
    if (isGlued(w)) return '';
    words.push(w);
    if (words.length >= max) break;
  }
  return words.join(' ');
}

/** The noun phrase right after the number (may be empty). */
export function subjectAfter(text: string, cand: Candidate): string {
  let rest = text.slice(cand.end, cand.end + 200).replace(/^\s+/, '');
  rest = rest.replace(/^\(\s*[\d.,/%\s]*/u, ''); // `100% (674/674 trường học)`: look inside
  rest = rest.replace(AFTER_FILLERS, '');
  let cut = rest.search(BOUNDARY);
  // `dịch vụ công mức độ 4`: a number that completes a label stays in the phrase.
  if (cut >= 0 && /\d/.test(rest[cut]!) && LABEL_END.test(rest.slice(0, cut))) {
    const m = /^\d+/.exec(rest.slice(cut))!;
    const next = rest.slice(cut + m[0].length).search(BOUNDARY);
    cut = next >= 0 ? cut + m[0].length + next : -1;
  }
  return wordsUntilStop(cut >= 0 ? rest.slice(0, cut) : rest, MAX_AFTER_WORDS);
}

const LABEL_END = /(?:mức độ|cấp độ|mức|giai đoạn|lần|loại)\s*$/iu;

/** The few words right before the number, since the last comma (`cấp xã 13/13 có …` → `cấp xã`). */
function wordsBefore(text: string, clauseStart: number, cand: Candidate): string {
  const left = text.slice(Math.max(clauseStart, cand.start - 60), cand.start);
  const from = Math.max(left.lastIndexOf(','), left.lastIndexOf(';'), left.lastIndexOf('('), left.lastIndexOf(':'));
  const words = left.slice(from + 1).trim().split(/\s+/).filter(Boolean);
  const tail = words.slice(-3);
  return tail.length && tail.every((w) => /^\p{L}+$/u.test(w) && !isStop(w)) ? tail.join(' ') : '';
}

// `số` heads a subject only at the clause start (`Số thôn lõm sóng …`), not in `dân số`, `thiểu số`.
const SHARE_HEAD_WORDS = new WordPattern(String.raw`(?:tỷ lệ|tỉ lệ|tỷ trọng|số lượng|tổng số|mức độ|chỉ số)\s+`);
const SHARE_HEAD_SO = /(?:^|[,;:(]\s*)số\s+/giu;

/** End of the last share head (`tỷ lệ `, clause-initial `số `) in `s`, or -1. */
function lastShareHeadEnd(s: string): number {
  let end = -1;
  for (const m of SHARE_HEAD_WORDS.all(s)) end = m.index + m[0].length;
  for (const m of s.matchAll(SHARE_HEAD_SO)) end = Math.max(end, m.index + m[0].length);
  return end;
}
// Predicate words between a subject and its number (`Tỷ lệ X đạt N%`): stripped from the end.
const TAIL_WORD_LIST = [
  'đạt',
  'là',
  'chiếm',
  'ở mức',
  'lên tới',
  'lên đến',
  'mới',
  'chỉ',
  'ước',
  'được',
  'tăng',
  'giảm',
  'gấp',
  'tụt',
  'lùi',
  'đạt tỷ lệ',
  'tỷ lệ',
  'vượt',
  'khoảng',
  'gần',
  'trên',
  'hơn',
  'dưới',
  'tối thiểu',
  'tối đa',
  'xấp xỉ',
  'ít nhất',
  'không quá',
  'thực hiện',
  'xếp thứ',
  'xếp hạng',
  'đứng thứ',
  'vị trí thứ',
  'vị trí',
  'đứng',
  'xếp',
  'đồng hạng',
  'hạng',
  'nằm trong nhóm',
  'nhóm',
  'top',
  'thứ',
  'đang',
  'vẫn',
  'còn',
  'hiện',
  'tiếp tục',
  'vươn lên',
  'đều',
  'cũng',
];
const TAIL_WORDS = new RegExp(`(?:\\s+|(?<=[(,:])|(?<=^))(?:${TAIL_WORD_LIST.join('|')})\\s*$`, 'iuy');
const TAIL_REACH = Math.max(...TAIL_WORD_LIST.map((w) => w.length));

/**
 * Start of a tail word ending `s` (with the spaces before it), or -1. Same as searching the
 * whole of `s`, but only tried from where such a match could start: `s` is up to 240 characters
 * and this runs for every record.
 */
export function tailWordStart(s: string): number {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  let from = Math.max(0, end - TAIL_REACH);
  while (from > 0 && isSpace(s.charCodeAt(from - 1))) from--;
  for (let at = from; at < end; at++) {
    TAIL_WORDS.lastIndex = at;
    if (TAIL_WORDS.test(s)) return at;
  }
  return -1;
}

/** The subject written before the number: `Tỷ lệ X đạt N%` → X, `kinh tế số xếp thứ 8` → `kinh tế số`. */
export function subjectBefore(text: string, clauseStart: number, cand: Candidate): string {
  let body = text.slice(Math.max(clauseStart, cand.start - 240), cand.start);
  let stripped = false;
  for (let at = tailWordStart(body); at >= 0; at = tailWordStart(body)) {
    body = body.slice(0, at);
    stripped = true;
  }
  if (!stripped) return '';
  const from = lastShareHeadEnd(body);
  // A subject may hold commas (`trong từng ngành, lĩnh vực`) when a head word marks its start.
  const lastComma = Math.max(body.lastIndexOf(','), body.lastIndexOf('('), body.lastIndexOf(':'), body.lastIndexOf(';'));
  const phrase = body.slice(from >= 0 ? from : lastComma + 1).trim();
  if ((/\d/.test(phrase) && /\d/.test(phrase.replace(/(?:mức độ|cấp độ|mức|giai đoạn|lần|loại)\s+\d+/giu, ''))) || isGlued(phrase)) return '';
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 1 && isStop(words[0]!)) return ''; // `tỷ trọng này` names no subject
  return (words.length > MAX_BEFORE_WORDS ? words.slice(-MAX_BEFORE_WORDS) : words).join(' ');
}

/** Subject for a statistic: the counted noun when there is one, else the subject stated before. */
export function readSubject(text: string, clauseStart: number, cand: Candidate): string | null {
  const right = text.slice(cand.end, cand.end + 40);
  // A multiple or a rank move describes what was stated before it (`Số giao dịch … tăng 3,2 lần`,
  // `thứ hạng kinh tế số … tụt 6 hạng`), not the words after it (`lần`, `bậc`, `năm trước`).
  if (cand.unit === 'times' || (cand.measure && cand.measure !== 'level' && cand.unit === 'count' && /^\s*(?:bậc|hạng)(?!\p{L})/iu.test(right))) {
    return subjectBefore(text, clauseStart, cand) || null;
  }
  // A density's counted noun ends at its base: `121,4 thuê bao/100 dân` → `thuê bao`.
  if (cand.unit === 'density') {
    const noun = subjectAfter(text, cand).split('/')[0]!.trim();
    return noun || subjectBefore(text, clauseStart, cand) || null;
  }
  if (cand.unit === 'rank') {
    const about = /^\s*(?:\/\s*\d+\s*)?(?:tỉnh, thành phố\s*|cả nước\s*|toàn quốc\s*)?(?:về|trong)\s+/iu.exec(right);
    if (about) {
      const s = wordsUntilStop(text.slice(cand.end + about[0].length, cand.end + 120).split(BOUNDARY)[0]!, MAX_AFTER_WORDS);
      if (s) return s;
    }
    return subjectBefore(text, clauseStart, cand) || null;
  }
  const after = subjectAfter(text, cand);
  // The subject before is read only when the unit's order of preference gets to it.
  const before = () => subjectBefore(text, clauseStart, cand);
  const hasHead = () => lastShareHeadEnd(text.slice(Math.max(clauseStart, cand.start - 240), cand.start)) >= 0;
  if (cand.unit === 'percent' || cand.unit === 'score') {
    const stated = before();
    // `Tỷ lệ X đạt N% (tổng số …)`: the share's subject is X; `N% hộ gia đình …`: it follows.
    if (stated && (!after || hasHead() || /^(?:GRDP|GDP|tổng|dân số$)/iu.test(after))) return stated;
    return after || stated || null;
  }
  if (cand.unit === 'vnd') return before() || after || null;
  return after || before() || wordsBefore(text, clauseStart, cand) || null;
}
