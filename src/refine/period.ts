/**
 * `as_of` and `period`: the reference period the text states for a number, and its end.
 * Pure: works on the normalized text.
 *
 * The text's period expressions are found once (`6 tháng đầu năm 2024` → 2024-06, `tính đến hết
 * tháng 9/2024` → 2024-09, `quý I/2025` → 2025-03, `tính đến ngày 20/8/2024` → 2024-08-20,
 * `giai đoạn 2021-2024` and `năm học 2023-2024` → 2024, `đến năm 2030` → 2030, `DTI 2023` → 2023),
 * with the words that reset a period (`hiện nay`, `đến nay`) and those that only look like one:
 * comparisons (`so với năm 2022`, `cùng kỳ`), starts (`từ năm 2021`) and the years in the names
 * of plans and documents (`Kế hoạch chuyển đổi số năm 2024`).
 *
 * A number takes, in order: the period right after it (`34,5% năm 2022`); the last period or
 * reset before it in its sentence; a period closing its clause (`… top 10 … năm 2023.`); the
 * period that opened an earlier sentence of its paragraph (or the lead-in of the list it is an
 * item of), when nothing reset it since and it is of the same kind (a target's year carries only
 * to targets). A year the text does not state is never guessed.
 */
import type { Span } from '../text/sentences.js';
import { WordPattern } from '../text/word-pattern.js';
import { firstIndexWhere } from '../text/search.js';

export interface Period {
  start: number;
  end: number;
  /** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or null when the words give no year (`6 tháng đầu năm`). */
  asOf: string | null;
  kind: 'period' | 'reset' | 'comparison' | 'ignored';
  /** Opens its sentence (`Trong 9 tháng đầu năm 2024, …`) or a list (`Năm 2023:`): it may carry on. */
  framing: boolean;
  /** Stated with a goal in its own clause (`phấn đấu đến năm 2025, …`): carries only to targets. */
  target: boolean;
  /** Its sentence states a goal: a period closing it is a target's (`…, dự kiến hoàn thành trong quý IV/2024`). */
  targetSentence: boolean;
  /** Closes the statement of a number before it (`20 thôn sẽ được phủ sóng trong năm 2023, …`): not for the numbers after the comma. */
  attached: boolean;
}

export interface PeriodIndex {
  /** The period of the number at [start, end); its span is the words as written. */
  periodOf(start: number, end: number, sentence: Span, clause: Span, status: 'actual' | 'target'): Period | null;
}

const NUMBER_WORDS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10, 'mười một': 11 };
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const Y = String.raw`(?:19|20)\d\d(?![\d/])`;
const LEAD = String.raw`(?:(?:tính|lũy kế|luỹ kế)\s+)?(?:(?:từ đầu năm(?:\s+${Y})?\s+)?(?:đến|tới)\s+)?(?:(?:hết|cuối|đầu|trong|vào|sang)\s+)?`;

const PATTERN_SOURCE = (
  [
    String.raw`(?<reset>(?:(?:kể\s+)?từ\s+(?:đầu\s+)?(?:năm\s+)?(?:${Y}\s+)?(?:đến|tới)\s+nay|hiện nay|hiện tại|(?:cho\s+)?(?:đến|tới)\s+nay|đến thời điểm (?:này|hiện tại)|thời điểm hiện tại|năm nay|năm qua|thời gian qua|những năm qua|hiện(?=\s*,|\s+(?:có|đạt|đang|mới|đã|còn|chỉ|tỉnh|toàn tỉnh|cả tỉnh|huyện|toàn huyện|thành phố)(?![\p{L}])))(?![\p{L}]))`,
    String.raw`(?<months>${LEAD}(?:(?<nm>\d{1,2}|mười một|một|hai|ba|bốn|sáu|bảy|tám|chín|mười|năm)\s+tháng|nửa)(?:\s+(?<half>đầu|cuối))?\s+(?:của\s+)?năm(?:\s+(?<nmy>${Y}))?)`,
    String.raw`(?<quarter>${LEAD}quý\s+(?<q>iv|iii|ii|i|[1-4])(?![\p{L}\d])(?:\s*(?:[\/-]|năm|của năm)\s*(?<qy>${Y}))?)`,
    String.raw`(?<date>(?:(?:lũy kế|luỹ kế)\s+)?(?:từ đầu năm(?:\s+${Y})?\s+)?(?:(?:tính\s+)?(?:đến|tới)|hết|tại thời điểm|vào)\s+(?:hết\s+)?(?:ngày\s+(?<d>\d{1,2})[\/-](?<dm>\d{1,2})(?:[\/-](?<dy>${Y}))?|(?<d2>\d{1,2})(?<sep>[\/-])(?<dm2>\d{1,2})\k<sep>(?<dy2>${Y})))`,
    String.raw`(?<month>${LEAD}tháng\s+(?<mo>\d{1,2})(?:\s*[\/-]\s*|\s+năm\s+)(?<my>${Y}))`,
    String.raw`(?<range>(?:(?:trong\s+)?(?:năm học|niên khóa|niên học|giai đoạn|năm)\s+)(?<r1>${Y})\s*-\s*(?<r2>${Y}))`,
    String.raw`(?<edition>(?:dti|par\s*index|sipas|pci|papi|ict\s*index)\s+(?<ed>${Y}))`,
    String.raw`(?<year>${LEAD}năm\s+(?<y>${Y})(?!\s*-\s*\d))`,
  ].join('|')
);
const PATTERN = new WordPattern(PATTERN_SOURCE, 'u');
const CASELESS = new WordPattern(PATTERN_SOURCE, 'iu');

// Words before a period that make it something else.
const COMPARISON = /(?:so với|so|cùng kỳ|cùng thời điểm|bằng|gấp(?:\s+[\d,.]+)?\s+lần|hơn)\s+(?:(?:cùng kỳ|của|thời điểm|mức|giai đoạn)\s+)*$/iu;
// START, PLAN and TARGET_CUE start at a word: the boundary is checked by hand (WordPattern), as a
// boundary class tested at every position costs more than the search.
const START = new WordPattern(String.raw`(?:kể\s+)?từ\s+$`);
const PLAN = new WordPattern(String.raw`(?:kế hoạch|nghị quyết|quyết định|chỉ thị|thông tư|nghị định|công văn|đề án|chương trình|chiến lược|luật|hội nghị|hội thảo|lễ|giải thưởng|cuộc thi|sự kiện|tổng kết|sơ kết)(?:\s+(?:số\s+)?[^\s,;.:()]+){0,7}\s+$`);
const NOT_NOW = /(?:thực|xuất|thể|phát|biểu|hiển|tái)\s+$/iu;
const TARGET_CUE = new WordPattern(String.raw`(?:mục tiêu|phấn đấu|chỉ tiêu|dự kiến|định hướng|tầm nhìn|kế hoạch|sẽ|đặt ra)(?![\p{L}])`);
const SENTENCE_OPENING = /^(?:[^\s,;:]+(?:\s+|,\s*)){0,4}$/u;
const DROP_LEAD = /^(?:trong|vào|sang|lũy kế|luỹ kế)\s+/iu;

/** All period expressions of a text, in order. */
/** The period expressions of `text` between `from` and `to` (whole lines), in order. */
export function findPeriods(text: string, sentences: Span[], from = 0, to = text.length): Period[] {
  // The pattern is written in lower case and runs on the lower-cased text (a case-insensitive
  // Unicode regular expression is several times slower); offsets are the same when the lengths are.
  const window = text.slice(from, to);
  const lower = window.toLowerCase();
  if (lower.length !== window.length) return findPeriodsIn(text, window, from, sentences, CASELESS);
  return findPeriodsIn(text, lower, from, sentences, PATTERN);
}

function findPeriodsIn(text: string, scanned: string, offset: number, sentences: Span[], pattern: WordPattern): Period[] {
  const out: Period[] = [];
  let si = firstIndexWhere(sentences.length, (i) => sentences[i]!.end > offset);
  // Whether a sentence states a goal, read once per sentence (it holds several periods).
  let cuedSentence = -1;
  let cued = false;
  for (const m of pattern.all(scanned)) {
    const g = m.groups!;
    let start = offset + m.index!;
    const end = start + m[0].length;
    while (si < sentences.length - 1 && sentences[si]!.end <= start) si++;
    const sentence = sentences[si] ?? { start: 0, end: text.length };
    const left = text.slice(Math.max(sentence.start, start - 80), start);
    let kind: Period['kind'] = 'period';
    let asOf: string | null = null;
    if (g.reset !== undefined) {
      if (NOT_NOW.test(left)) continue;
      kind = 'reset';
    } else if (g.months !== undefined) {
      const n = g.nm === undefined ? 6 : /^\d/.test(g.nm) ? +g.nm : NUMBER_WORDS[g.nm.toLowerCase()]!;
      if (n < 1 || n > 12) continue;
      asOf = g.nmy ? ym(+g.nmy, g.half?.toLowerCase() === 'cuối' ? 12 : n) : null;
    } else if (g.quarter !== undefined) asOf = g.qy ? ym(+g.qy, ROMAN[g.q!.toLowerCase()]! * 3) : null;
    else if (g.date !== undefined) {
      const [d, mo, yr] = g.d !== undefined ? [g.d, g.dm!, g.dy] : [g.d2!, g.dm2!, g.dy2];
      if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31) continue;
      asOf = yr ? `${ym(+yr, +mo)}-${d.padStart(2, '0')}` : null;
    } else if (g.month !== undefined) {
      if (+g.mo! < 1 || +g.mo! > 12) continue;
      asOf = ym(+g.my!, +g.mo!);
    } else if (g.range !== undefined) {
      if (+g.r2! <= +g.r1!) continue;
      asOf = g.r2!;
    } else if (g.edition !== undefined) asOf = g.ed!;
    else if (g.year !== undefined) {
      if (/^\s*từ\s+đầu/iu.test(m[0]) || /đầu\s+năm/iu.test(m[0]) && START.test(left)) continue;
      asOf = g.y!;
    }
    if (kind === 'period') {
      if (COMPARISON.test(left)) kind = 'comparison';
      else if (START.test(left) || PLAN.test(left)) kind = 'ignored';
    }
    const dropped = DROP_LEAD.exec(m[0]);
    if (dropped && kind !== 'reset') start += dropped[0].length;
    const before = text.slice(sentence.start, offset + m.index!);
    const segment = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':')) + 1);
    const after = text.slice(end, end + 3);
    const framing = SENTENCE_OPENING.test(before) || /^\s*:/.test(after) || (/^\s*(?:(?:trong|vào|tính đến|đến|tới|riêng|còn|cũng trong)\s+)?$/iu.test(segment) && before.length > segment.length && /^\s*,/.test(after));
    const attached = !framing && /\d/.test(segment);
    if (cuedSentence !== si) {
      cuedSentence = si;
      cued = TARGET_CUE.test(text.slice(sentence.start, sentence.end));
    }
    const targetSentence = cued;
    // A goal is read in the period's clause and, for a period opening the sentence, the clause it opens.
    const target = targetSentence && TARGET_CUE.test(text.slice(offset + m.index! - segment.length, clauseStop(text, end, sentence.end, framing ? 1 : 0)));
    out.push({ start, end, asOf, kind, framing, target, targetSentence, attached });
  }
  return out;
}

/** Where the clause after `from` ends: at its `skip`+1-th `,` `;` or `:` before `end`, else at `end`. */
function clauseStop(text: string, from: number, end: number, skip: number): number {
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c === 44 || c === 59 || c === 58) && skip-- === 0) return i;
  }
  return end;
}

function ym(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, '0')}`;
}

const LIST_ITEM = /^\s*(?:[-•+*–]|\d{1,2}[.)]|[a-zđ][.)])\s/u;

export function buildPeriodIndex(text: string, sentences: Span[]): PeriodIndex {
  // Only the paragraphs (with the lists they lead) that hold records are scanned, once each.
  const windows = new Map<number, { to: number; periods: Period[] }>();
  const periodsAround = (sentence: Span): Period[] => {
    const from = carryFrom(sentence.start);
    const nl = text.indexOf('\n', sentence.end);
    const to = nl === -1 ? text.length : nl;
    let w = windows.get(from);
    if (!w) windows.set(from, (w = { to: from, periods: [] }));
    if (w.to < to) {
      w.periods.push(...findPeriods(text, sentences, w.to, to));
      w.to = to;
    }
    return w.periods;
  };
  // Per position (a sentence start): every number of a sentence asks twice, and each ask walked
  // back to its line start and over every earlier item of its list.
  const carried = new Map<number, number>();
  /** Where the periods that may carry into `pos` start: its paragraph, or the list it is in. */
  const carryFrom = (pos: number): number => {
    const known = carried.get(pos);
    if (known !== undefined) return known;
    let lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    while (lineStart > 0 && LIST_ITEM.test(text.slice(lineStart, lineStart + 6))) {
      const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
      const prevLine = text.slice(prevStart, lineStart - 1).trimEnd();
      if (!LIST_ITEM.test(prevLine) && !prevLine.endsWith(':')) break;
      lineStart = prevStart;
    }
    carried.set(pos, lineStart);
    return lineStart;
  };

  return {
    periodOf(start, end, sentence, clause, status) {
      const periods = periodsAround(sentence);
      if (periods.length === 0) return null;
      const firstAtOrAfter = (pos: number) => firstIndexWhere(periods.length, (i) => periods[i]!.start >= pos);
      const k = firstAtOrAfter(end);
      // 1. Right after the number: `34,5% năm 2022`.
      const next = periods[k];
      if (next && next.kind === 'period' && next.start < clause.end) {
        const gap = text.slice(end, next.start);
        if (!/[\d,;:()]/.test(gap) && gap.trim().split(/\s+/).length <= 5) return next;
      }
      // 2. The last period or reset before it in its sentence.
      for (let i = firstAtOrAfter(start) - 1; i >= 0; i--) {
        const p = periods[i]!;
        if (p.start < sentence.start) break;
        if (p.end > start) continue;
        if (p.attached && /[,;]/.test(text.slice(p.end, start))) continue;
        if (p.kind === 'reset') return null;
        if (p.kind === 'period') return p;
        // `So với năm 2022, số hộ … tăng từ 18.340 lên 35.920 hộ`: the base is the compared year's.
        if (p.kind === 'comparison' && p.framing && /(?:^|\s)từ\s*$/u.test(text.slice(Math.max(0, start - 8), start))) return p;
      }
      // 3. A period that closes the clause: `Tỉnh lọt vào top 10 … năm 2023.`
      for (let i = k; i < periods.length; i++) {
        const p = periods[i]!;
        if (p.start >= clause.end || p.kind === 'reset') break;
        if (p.kind !== 'period') continue;
        if (!/\d/.test(text.slice(p.end, clause.end)) && p.targetSentence === (status === 'target')) return p;
        break;
      }
      // 4. Carried from an earlier sentence of the paragraph (or list).
      const from = carryFrom(sentence.start);
      for (let i = firstAtOrAfter(sentence.start) - 1; i >= 0; i--) {
        const p = periods[i]!;
        if (p.start < from) break;
        if (p.kind === 'reset') return null;
        if (p.kind === 'period' && p.framing && p.target === (status === 'target')) return p;
      }
      return null;
    },
  };
}
