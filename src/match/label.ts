/**
 * Lists and flattened tables state a statistic as `label: value`:
 *   `- Số tài khoản VNeID đã kích hoạt: 650.000`, `Tỷ lệ người dân có danh tính số: 72%`,
 *   and an HTML table row as `label | value` (cells are joined with ` | `).
 * The label is the noun phrase a rule's `after` pattern describes, written before the number
 * instead of after it. When a number follows such a label (the whole clause before it, up to a
 * colon), a rule's `after` pattern may match the label instead of the words after the number.
 */

export interface Label {
  /** Where the label's words start (after any bullet) and where its colon stands. */
  start: number;
  end: number;
}

// The clause up to the number: an optional bullet, a label without digits, a colon, and at most
// a linking word (`: khoảng 72%`).
const LABEL = /^\s*(?:[-+•*–]\s*|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)?(?=\p{L})([^:;|\d\n]{3,120}?)\s*[:|]\s*(?:(?:khoảng|gần|hơn|trên|đạt|là)\s+)?$/iu;
// Words that head a label but not the noun phrase (`Tỷ lệ hộ gia đình có cáp quang`).
const LABEL_HEAD = /^(?:tỷ lệ|tỉ lệ|số lượng|tổng số|số)\s+/iu;
/** Words a label may add after the phrase the pattern describes (`… đã kích hoạt trên địa bàn`). */
const MAX_TAIL = 30;

/** The label of a number written `label: number` at the start of its clause, or null. */
export function labelBefore(text: string, clauseStart: number, numberStart: number): Label | null {
  if (numberStart - clauseStart > 200 || !hasColon(text, clauseStart, numberStart)) return null;
  const m = LABEL.exec(text.slice(clauseStart, numberStart));
  if (!m) return null;
  const start = clauseStart + m[0].indexOf(m[1]!);
  return { start, end: start + m[1]!.length };
}

/** A `:` (or the ` | ` between two table cells) in text[from, to). */
function hasColon(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 58 || c === 124) return true;
  }
  return false;
}

/**
 * Whether a sticky `after` pattern describes the label: it matches from the label's start (or
 * after a heading `tỷ lệ`, `số`) and leaves at most a short tail of the label. Returns the
 * matched length (spaces trimmed), or null.
 */
export function afterMatchesLabel(after: RegExp, text: string, label: Label): number | null {
  const head = LABEL_HEAD.exec(text.slice(label.start, label.end));
  for (const from of head ? [label.start, label.start + head[0].length] : [label.start]) {
    after.lastIndex = from;
    const m = after.exec(text);
    if (!m) continue;
    const end = from + m[0].trimEnd().length;
    if (end <= label.end && label.end - end <= MAX_TAIL && !/[,.]/.test(text.slice(end, label.end))) return m[0].trim().length;
  }
  return null;
}

// `Tỷ lệ sản phẩm OCOP được đưa lên sàn TMĐT đạt 45,5%`: the share's subject, then a linking verb.
const SHARE_HEAD = /(?:tỷ lệ|tỉ lệ)\s+/giu;
// A number between the head and the share (`4G` is a word, not a number).
const STANDALONE_NUMBER = /(?<![\p{L}\d])\d+(?:[.,]\d+)*(?![\p{L}\d])/u;
const LINK_BEFORE_NUMBER = /\s+(?:(?:đã|mới|chỉ|ước|bình quân|hiện)\s+)?(?:đạt|là|chiếm|ở mức|lên tới|lên đến)(?:\s+được)?(?:\s+(?:khoảng|gần|hơn|trên|xấp xỉ|tối thiểu|tối đa))?\s*$/iu;

/**
 * The subject of a share stated as `tỷ lệ <subject> đạt N%` (the last `tỷ lệ` of the clause
 * before the number, with no number between), as a label for the rules' `after` patterns: a
 * fallback for shares no rule reads otherwise.
 */
export function shareSubject(text: string, clauseStart: number, numberStart: number): Label | null {
  const head = lastHeadBefore(SHARE_HEAD, text, clauseStart, numberStart);
  if (!head) return null;
  const { start, rest } = head;
  const link = LINK_BEFORE_NUMBER.exec(rest);
  if (!link || rest.includes(';') || STANDALONE_NUMBER.test(rest)) return null;
  return link.index >= 3 ? { start, end: start + link.index } : null;
}

/**
 * The last match of a subject head (`tỷ lệ`, `số`, a global pattern) in the 200 characters of the
 * clause before a number: where the subject after it starts, and the text from there to the number.
 */
export function lastHeadBefore(head: RegExp, text: string, clauseStart: number, numberStart: number): { start: number; rest: string } | null {
  const from = Math.max(clauseStart, numberStart - 200);
  const left = text.slice(from, numberStart);
  let last: RegExpExecArray | null = null;
  head.lastIndex = 0;
  for (let m = head.exec(left); m; m = head.exec(left)) last = m;
  if (!last) return null;
  const at = last.index + last[0].length;
  return { start: from + at, rest: left.slice(at) };
}
