/**
 * The candidate finder: every number in the normalized text, read as a statistic (value, unit,
 * denominator) or marked excluded with a reason. Pure; knows nothing about indicators.
 */
import { parseNumeral } from '../numbers/parse.js';
import { gluedQuantity, readQuantity, readQuantityRange } from '../numbers/forms.js';
import { garbledTail } from '../numbers/garbled.js';
import { readsAsYear } from '../numbers/year.js';
import { wholeAfter } from '../numbers/nouns.js';
import type { NumberStyle } from '../numbers/style.js';
import type { Candidate, ExclusionReason } from './types.js';
import * as P from './patterns.js';
import * as K from './kinds.js';
import { wordOrdinals } from './ordinals.js';
import { isSpace, wordCharBefore } from '../text/word-pattern.js';

// A numeral not glued to a letter, digit, slash, colon or plus on its left.
const NUMERAL = /(?<![\p{L}\p{N}_/:+])\d+(?:[.,]\d+)*/gu;
const NUMERAL_AT = /\d+(?:[.,]\d+)*/y;
const LOOKBACK = 48;
const LOOKAHEAD = 80;

export function findCandidates(text: string, style: NumberStyle): Candidate[] {
  const urls = urlSpans(text);
  const out: Candidate[] = [];
  NUMERAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMERAL.exec(text))) {
    const c = readAt(text, m.index, m[0], style, urls);
    NUMERAL.lastIndex = Math.max(NUMERAL.lastIndex, c.reach);
    for (const cand of c.candidates) out.push(cand);
  }
  const all = mergeOrdinals(out, wordOrdinals(text));
  markRanksInSentence(text, all);
  markListContinuations(text, all);
  markElidedDensities(text, all);
  markListedChanges(text, all);
  markRegionalRanks(text, all);
  return all;
}

interface Reading {
  candidates: Candidate[];
  reach: number; // scanning resumes here
}

function readAt(text: string, start: number, raw: string, style: NumberStyle, urls: [number, number][]): Reading {
  let end = start + raw.length;
  // A line break ends what can be read about a number (`88%` then a line `Chỉ tiêu | …`).
  const left = lineTail(text.slice(Math.max(0, start - LOOKBACK), start));
  const rightRaw = lineHead(text.slice(end, end + LOOKAHEAD));
  const make = (over: Partial<Candidate>): Candidate => ({
    start, end, value: NaN, unit: 'count', denominator: null, bare: false, ...over,
  });
  const excluded = (reason: ExclusionReason, reach = end): Reading => ({
    candidates: [make({ value: parseNumeral(raw, style), excluded: reason, end: reach })], reach,
  });

  if (urls.some(([s, e]) => start >= s && start < e)) return excluded('url');
  const garbled = garbledTail(rightRaw);
  if (garbled) return { candidates: [make({ excluded: 'garbled', end: end + garbled })], reach: end + garbled };

  // Dates and fractions: `19/11/2024`, `4/2024`, `58/71`, `06/QĐ-TTg`, `01/2021/NQ-CP`.
  const slash = /^\/(\d+(?:[.,]\d+)*)/.exec(rightRaw);
  if (slash) {
    const denRaw = slash[1]!;
    const reach = end + slash[0].length;
    const after = text.slice(reach, reach + LOOKAHEAD);
    const a = parseNumeral(raw, style);
    const b = parseNumeral(denRaw, style);
    if (/^\/\d/.test(after)) return excluded(/^\/\d+[/-]?[\p{L}]/u.test(after) ? 'document' : 'date', skipToken(text, reach));
    if (/^[/-]\s?[\p{L}]/u.test(after)) return excluded('document', skipToken(text, reach));
    if (isDateLike(raw, denRaw) && (P.L_DATE.test(left) || /^\d{4}$/.test(denRaw))) return excluded('date', reach);
    if (/^\d{4}$/.test(denRaw) && Number(denRaw) >= 1900 && Number(denRaw) <= 2100) return excluded('date', reach);
    if ((P.L_RANK.test(left) && !P.L_RANK_GROUP.test(left)) || K.L_RANK_FAR.test(sentenceLeft(text, start))) {
      return { candidates: [make({ value: a, unit: 'rank', end: reach })], reach };
    }
    // `8,76/10 điểm`, `tổng điểm 86,34/100`: a score out of its maximum.
    const points = K.R_SCORE_AFTER_SLASH.exec(after);
    if (points || K.L_SCORE_BEFORE.test(left)) {
      const scoreEnd = reach + (points?.[0].length ?? 0);
      return finishReading(text, left, [make({ value: a, unit: 'score', end: scoreEnd })], scoreEnd);
    }
    if (P.L_DOCUMENT.test(left) || (P.L_SO.test(left) && !P.L_SO_NOT_DOC.test(left))) return excluded('document', reach);
    if (!(a <= b) || b === 0) return excluded('ratio', reach);
    return { candidates: [make({ value: a, unit: 'fraction', denominator: b, end: reach })], reach };
  }
  // `47 trên tổng số 53 dịch vụ`: a fraction written out.
  // (`giữ vị trí thứ 12 trên tổng số 63 địa phương` is a rank in its field.)
  const ofTotal = P.L_RANK.test(left) && !P.L_RANK_GROUP.test(left) ? null : P.R_OF_TOTAL.exec(rightRaw);
  if (ofTotal) {
    const a = parseNumeral(raw, style);
    const b = parseNumeral(ofTotal[1]!, style);
    const reach = end + ofTotal[0].length;
    if (a <= b && b > 0) return { candidates: [make({ value: a, unit: 'fraction', denominator: b, end: reach })], reach };
  }
  if (/^[-/]\s?[\p{Lu}Đ]/u.test(rightRaw) || /^-[\p{L}]/u.test(rightRaw)) return excluded('document', skipToken(text, end));
  if (left.endsWith('-') && wordCharBefore(left, left.length - 1, 'letter')) return excluded('code'); // `/[\p{L}]-$/u`
  if (P.R_TIME.test(rightRaw)) return excluded('time', skipToken(text, end));
  if (P.R_CODE_TAIL.test(rightRaw) && !gluedQuantity(raw, rightRaw)) return excluded('code', skipToken(text, end));
  if (/^0\d*[.,\s]\d+[.,\s]\d+/.test(text.slice(start, start + 16)) && digitsIn(text.slice(start, start + 16)) >= 9) {
    // The whole number (`0256 3822 345`), so its later groups are not read as numbers of their own.
    return excluded('phone', start + PHONE.exec(text.slice(start, start + 20))![0].length);
  }
  if (P.phoneCueBefore(left)) return excluded('phone');
  if (/^\d+\.0$/.test(raw) || P.L_CODE.test(left)) return excluded(/\.0$/.test(raw) || /bản\s*$/iu.test(left) ? 'version' : 'code');

  const value = parseNumeral(raw, style, wholeAfter(rightRaw));
  if (Number.isNaN(value)) return excluded('code');
  const isYear = /^\d{4}$/.test(raw) && value >= 1900 && value <= 2100;
  if (isYear && !P.R_PERCENT.test(rightRaw) && readsAsYear(left, rightRaw)) return excluded('year', end + (P.R_YEAR_RANGE.exec(rightRaw)?.[0].length ?? 0));
  if (P.L_DATE.test(left) && value <= 31 && !P.R_PERCENT.test(rightRaw)) return excluded('date');

  // `nhích thêm 4,1 điểm phần trăm`: a difference of percentages.
  const pp = K.R_PERCENT_POINTS.exec(rightRaw);
  if (pp) return finishReading(text, left, [make({ value, unit: 'percent', end: end + pp[0].length })], end + pp[0].length);

  // Percentages and percentage ranges.
  const pct = P.R_PERCENT.exec(rightRaw);
  const range = P.R_RANGE.exec(pct ? rightRaw.slice(pct[0].length) : rightRaw);
  if (range) {
    const hiStart = end + (pct?.[0].length ?? 0) + range[0].length;
    NUMERAL_AT.lastIndex = hiStart;
    const hi = NUMERAL_AT.exec(text);
    const hiPct = hi ? P.R_PERCENT.exec(text.slice(hiStart + hi[0].length, hiStart + hi[0].length + 16)) : null;
    if (hi && hiPct) {
      const hiEnd = hiStart + hi[0].length + hiPct[0].length;
      const hiValue = parseNumeral(hi[0], style);
      if (value <= hiValue) {
        const low = make({ value, unit: 'percent', range: 'low', end: end + (pct?.[0].length ?? 0) });
        const high: Candidate = { ...make({ value: hiValue, unit: 'percent', range: 'high' }), start: hiStart, end: hiEnd };
        return finishReading(text, left, [low, high], hiEnd);
      }
    }
  }
  if (pct) return finishReading(text, left, [make({ value, unit: 'percent', end: end + pct[0].length })], end + pct[0].length);

  // Money and scaled counts: `2.000 tỷ đồng`, `820 triệu đồng`, `1,02 triệu tài khoản`, `10k`,
  // `1tr5`, `50.000đ`, `3 vạn`; their ranges (`2-5 triệu đồng`, `2tr-5tr`): see numbers/forms.ts.
  const qty = readQuantity(raw, value, rightRaw, left);
  const qtyRange = readQuantityRange(text, end, value, qty, left, (r, right) => parseNumeral(r, style, wholeAfter(right)));
  if (qtyRange) {
    const unit = qtyRange.vnd ? 'vnd' : 'count';
    const { low, high } = qtyRange;
    const cands = [make({ value: low.value, unit, range: 'low', end: low.end }), { ...make({ value: high.value, unit, range: 'high' }), start: high.start, end: high.end }];
    return finishReading(text, left, cands, high.end);
  }
  if (qty) {
    end += qty.length;
    return finishReading(text, left, [make({ value: qty.value, unit: qty.vnd ? 'vnd' : 'count', end })], end);
  }

  const score = P.R_SCORE.exec(rightRaw);
  if (score) return finishReading(text, left, [make({ value, unit: 'score', end: end + score[0].length })], end + score[0].length);

  if (P.L_RANK.test(left) || K.L_RANK_FAR.test(sentenceLeft(text, start))) return readRank(left, rightRaw, make, excluded, value, end, style);
  if (P.L_ORDINAL.test(left)) return excluded('ordinal');
  if ((P.L_DOCUMENT.test(left) && !P.L_DOC_COUNTED.test(left) && !(K.L_GUIDE_VERB.test(left) && K.R_COUNTED_WORD.test(rightRaw))) || (P.L_SO.test(left) && !P.L_SO_NOT_DOC.test(left))) return excluded('document');
  if (P.R_DURATION.test(rightRaw)) return excluded('duration');
  if (P.R_STRUCTURE.test(rightRaw)) return excluded('structure');
  const density = readDensity(text, start, left, rightRaw, value, end, style);
  if (density) return { candidates: [make(density.over)], reach: density.reach };
  if ((value === 100 || value === 1000 || value === 10000) && P.L_PER.test(left) && P.R_PER_BASE.test(rightRaw)) return excluded('base');
  const field = K.R_PLACE_COUNT.exec(rightRaw);
  if (field && (value === 63 || value === 34 || field[1] || K.L_FIELD_OPEN.test(left))) return excluded('field');
  if (P.L_LABEL.test(left) && !K.L_AT_LEVEL.test(left)) return excluded('label');
  // A report's section number (`… nêu rõ: 1. Về công tác chỉ đạo: …`, `; 2) Hạ tầng số: …`).
  if (value <= 20 && Number.isInteger(value) && OUTLINE_RIGHT.test(rightRaw) && OUTLINE_LEFT.test(left)) return excluded('label');
  if (P.L_PER_UNIT.test(left)) return excluded('density');
  const bare = !/^\s*[\p{L}(]/u.test(rightRaw);
  // `DTI đạt 0,6142`, `chỉ số kinh tế số ở mức 0,5917`: a bare index value is a score, never a count.
  const decimal = !Number.isInteger(value) || raw.includes(style === 'vi' ? ',' : '.');
  if (decimal && (bare || K.R_LIST_GOES_ON.test(rightRaw) || K.R_COMPARED.test(rightRaw)) && K.L_INDEX_CUE.test(sentenceLeft(text, start))) {
    return finishReading(text, left, [make({ value, unit: 'score', bare: true })], end);
  }
  return finishReading(text, left, [make({ value, bare })], end);
}

const OUTLINE_RIGHT = /^[.)]\s+\p{Lu}/u;
const OUTLINE_LEFT = /(?:^|[:;!?]|\.\s)\s*$/u;

type Make = (over: Partial<Candidate>) => Candidate;

/** A rank (`xếp thứ 27`, `top 10`, `nhóm 20-25 tỉnh`), with the field it is taken in set aside. */
function readRank(left: string, right: string, make: Make, excluded: (r: ExclusionReason, reach?: number) => Reading, value: number, end: number, style: NumberStyle): Reading {
  const group = P.L_RANK_GROUP.test(left);
  const top = /(?:top|tốp)\s*$/iu.test(left);
  if (group && !top) {
    // `nhóm 3` is a label unless places follow (`nhóm 10 tỉnh, thành phố dẫn đầu`);
    // `Trong nhóm 6 tỉnh Bắc Trung Bộ` names the field, not a top 6.
    const range = P.R_RANGE.exec(right);
    const afterRange = range ? /^\d+(?:[.,]\d+)*/.exec(right.slice(range[0].length)) : null;
    const rest = afterRange ? right.slice(range![0].length + afterRange[0].length) : right;
    if (!P.R_PLACES.test(rest) && !K.R_LEADING.test(rest)) return excluded('label');
    if (K.L_GROUP_FIELD.test(left) && !K.R_LEADING.test(rest)) return excluded('field');
    if (range && afterRange) {
      const hiStart = end + range[0].length;
      const hiValue = parseNumeral(afterRange[0], style);
      if (value <= hiValue) {
        const low = make({ value, unit: 'rank', range: 'low' });
        const high: Candidate = { ...make({ value: hiValue, unit: 'rank', range: 'high' }), start: hiStart, end: hiStart + afterRange[0].length };
        return { candidates: [low, high], reach: high.end };
      }
    }
  }
  const rank = make({ value, unit: 'rank', rankGroup: group });
  // `xếp thứ 27 trong 63 tỉnh`: the field belongs to the rank's span (as `/63` in `27/63`), so
  // it is never read as a number of its own.
  const field = K.R_FIELD.exec(right);
  if (field) rank.end = end + field[0].length;
  return { candidates: [rank], reach: rank.end };
}

/**
 * A rank within a region (`đứng thứ ba trong các tỉnh duyên hải Nam Trung Bộ`, `Trong nhóm 6
 * tỉnh Bắc Trung Bộ, … đứng thứ hai`, `top 3 của vùng`) is not a national ranking: no rank key
 * takes it (the catalog's ranks are among all provinces).
 */
function markRegionalRanks(text: string, cands: Candidate[]): void {
  for (const c of cands) {
    if (c.unit !== 'rank' || c.excluded) continue;
    // The words after it up to the next item (`đứng thứ 8 cả nước và dẫn đầu khu vực …` is national).
    const right = /^(?:[^,;.](?!và\s))*/u.exec(text.slice(c.end, c.end + 60))![0];
    if (K.R_REGION.test(right) || K.L_REGION.test(sentenceLeft(text, c.start))) c.regional = true;
  }
}

/** A density: `121,4 thuê bao/100 dân`, `76 người dùng trên 100 dân`, `cứ 100 người dân … có 33 thuê bao`. */
function readDensity(text: string, start: number, left: string, right: string, value: number, end: number, style: NumberStyle): { over: Partial<Candidate>; reach: number } | null {
  const base = (raw: string | undefined) => (raw ? parseNumeral(raw, style) : 1);
  const slash = hasSlashNear(right) ? K.R_DENSITY_SLASH.exec(right) : null;
  if (slash) return { over: { value, unit: 'density', denominator: base(slash[1]) }, reach: end + slash[0].length };
  const per = K.R_DENSITY_PER_WORDS.test(right) ? K.R_DENSITY_PER.exec(right) : null;
  if (per) return { over: { value, unit: 'density', denominator: base(per[1]) }, reach: end + per[0].length };
  const wide = text.slice(Math.max(0, start - 2 * LOOKBACK), start);
  if (left.includes('100') || left.includes('1.000')) {
    const before = K.L_DENSITY_BASE.exec(wide);
    if (before) return { over: { value, unit: 'density', denominator: base(before[1]) }, reach: end };
  }
  if (K.R_PER_HEAD_NOUN.test(right)) {
    const each = K.L_DENSITY_EACH.exec(wide);
    if (each) return { over: { value, unit: 'density', denominator: base(each[1]) }, reach: end };
  }
  return null;
}

/** The text of the sentence before `at`, at most 160 characters, from the last `.`/`;`/line break. */
function sentenceLeft(text: string, at: number): string {
  const s = text.slice(Math.max(0, at - 160), at);
  const cut = Math.max(s.lastIndexOf('\n'), s.lastIndexOf(';'), lastSentenceStop(s));
  return cut >= 0 ? s.slice(cut + 1) : s;
}

/**
 * `s.search(/\.\s[^.]*$/u)`: the last `.` when a space follows it (no `.` may come after the
 * match, so only the last one can start it), else -1. Found without a regex scan: this runs
 * for most numbers.
 */
function lastSentenceStop(s: string): number {
  const dot = s.lastIndexOf('.');
  return dot >= 0 && dot + 1 < s.length && isSpace(s.charCodeAt(dot + 1)) ? dot : -1;
}

/**
 * What applies to any reading: multiples (`gấp 1,8 lần`), changes (`tăng 5,2% so với …`, `giảm
 * 4 hạng`: the measure), plan completion (`đạt 92% chỉ tiêu`: excluded).
 */
function finishReading(text: string, left: string, cands: Candidate[], reach: number): Reading {
  const first = cands[0]!;
  const right = lineHead(text.slice(first.end, first.end + LOOKAHEAD));
  const times = K.R_TIMES.exec(right);
  if (times) {
    const dir = first.unit === 'count' && cands.length === 1 ? K.multipleOf(left) : null;
    if (!dir) first.excluded = 'multiplier';
    else {
      Object.assign(first, { unit: 'times', measure: dir, bare: false, end: first.end + times[0].length });
      reach = Math.max(reach, first.end);
    }
  } else if (first.unit === 'percent' && P.R_COMPLETION.test(right)) first.excluded = 'completion';
  else {
    const measure = K.changeOf(left, right, first.unit);
    if (measure) for (const c of cands) c.measure = measure;
  }
  return { candidates: cands, reach };
}

/** Word ordinals (`xếp thứ tư`) join the numerals, in text order; a numeral inside one never. */
function mergeOrdinals(cands: Candidate[], words: Candidate[]): Candidate[] {
  if (words.length === 0) return cands;
  return [...cands, ...words].sort((a, b) => a.start - b.start);
}

/**
 * `Bình Dương đứng thứ 3, Bắc Giang thứ 8`: a bare `thứ N` after a rank of the same sentence
 * is a rank too, not an event's ordinal.
 */
function markRanksInSentence(text: string, cands: Candidate[]): void {
  for (let i = 1; i < cands.length; i++) {
    const cur = cands[i]!;
    if (cur.excluded !== 'ordinal') continue;
    const prev = cands[i - 1]!;
    if (prev.unit !== 'rank' || prev.excluded || cur.start - prev.end > 80) continue;
    const between = text.slice(prev.end, cur.start);
    if (/[.;\n]/u.test(between) || !K.L_BARE_THU.test(between)) continue;
    delete cur.excluded;
    cur.unit = 'rank';
  }
}

/** `tăng 92% về số lượng và 65% về giá trị`: a change's list goes on with the same measure. */
function markListedChanges(text: string, cands: Candidate[]): void {
  for (let i = 1; i < cands.length; i++) {
    const prev = cands[i - 1]!;
    const cur = cands[i]!;
    if (cur.excluded || cur.measure || prev.excluded || !prev.measure || prev.measure === 'level' || prev.unit !== cur.unit) continue;
    if (/^\s*(?:về\s+[\p{L} ]{1,30}?\s*)?(?:,|và|,\s*và)\s*$/u.test(text.slice(prev.end, cur.start))) cur.measure = prev.measure;
  }
}

/**
 * Densities whose base is not written again: `… 24,6 thuê bao/100 dân, băng rộng di động lên tới
 * 87,3`, `… là 108,5, thấp hơn bình quân cả nước (127,2)`, `2,6 thuê bao di động và 0,9 thuê bao
 * Internet`; and a bare value after `mật độ` (per 100 inhabitants, the headline base).
 */
function markElidedDensities(text: string, cands: Candidate[]): void {
  for (let i = 0; i < cands.length; i++) {
    const cur = cands[i]!;
    if (cur.excluded || cur.unit !== 'count' || cur.measure) continue;
    const prev = i > 0 ? cands[i - 1]! : null;
    const between = prev ? text.slice(prev.end, cur.start) : '';
    const sameSentence = prev && !prev.excluded && prev.unit === 'density' && cur.start - prev.end <= 120 && !/[.;\n]/u.test(between.replace(/\d[.,]\d/gu, ''));
    const listed = /^\s*(?:,|và|,\s*và)\s*$/u.test(between) || (K.R_PER_HEAD_NOUN.test(text.slice(cur.end, cur.end + 20)) && /^\s*[\p{L} ]{0,40}?(?:,|và|,\s*và)\s*$/u.test(between));
    if (sameSentence && (cur.bare || listed)) {
      Object.assign(cur, { unit: 'density', denominator: prev!.denominator, bare: false });
    } else if (cur.bare && K.L_MAT_DO.test(sentenceLeft(text, cur.start))) {
      Object.assign(cur, { unit: 'density', denominator: 100, bare: false });
    }
  }
}

/**
 * In `lần lượt xếp thứ 14, 27 và 9` and `đạt 95,2%, 88,7% và 72,4%` the later items inherit
 * the reading of the first: a bare number right after `, ` or ` và ` following a rank or score.
 */
function markListContinuations(text: string, cands: Candidate[]): void {
  for (let i = 1; i < cands.length; i++) {
    const prev = cands[i - 1]!;
    const cur = cands[i]!;
    if (cur.excluded || cur.unit !== 'count' || prev.excluded) continue;
    if (prev.unit !== 'rank' && prev.unit !== 'score') continue;
    const between = text.slice(prev.end, cur.start);
    const after = text.slice(cur.end, cur.end + 8);
    // `Thứ hạng chuyển đổi số: 21; chính quyền số: 17`: the next label of the same list.
    const joined = /^\s*(?:,|và|,\s*và)\s*$/u.test(between) || (prev.unit === 'rank' && /^\s*[;,]\s*(?:và\s+)?[\p{L} ]{2,40}:\s*$/u.test(between));
    if (joined && /^\s*(?:,|và\s|[.;)]|$)/u.test(after)) {
      cur.unit = prev.unit;
      cur.bare = false;
      cur.rankGroup = prev.rankGroup;
    }
  }
}

function lineHead(s: string): string {
  const nl = s.indexOf('\n');
  return nl === -1 ? s : s.slice(0, nl);
}

function lineTail(s: string): string {
  const nl = s.lastIndexOf('\n');
  return nl === -1 ? s : s.slice(nl + 1);
}

/** `người/100 dân` needs a slash within its first words: most numbers skip R_DENSITY. */
function hasSlashNear(right: string): boolean {
  const i = right.indexOf('/');
  return i !== -1 && i <= right.length - right.trimStart().length + 30; // `^\s*[\p{L} ]{1,30}\/`
}

function isDateLike(a: string, b: string): boolean {
  const d = Number(a);
  const mth = Number(b);
  return /^\d{1,2}$/.test(a) && /^\d{1,2}$/.test(b) && d >= 1 && d <= 31 && mth >= 1 && mth <= 12;
}

const PHONE = /^0\d*(?:[.,\s]\d+)+/;

function digitsIn(s: string): number {
  const m = /^[\d.,\s]+/.exec(s);
  return m ? m[0].replace(/\D/g, '').length : 0;
}

/** End of a code-like token (`06/QĐ-TTg`, `H56-240315-0001`): up to the next space. */
function skipToken(text: string, from: number): number {
  const m = /^[^\s,;()]*/.exec(text.slice(from, from + 64));
  return from + (m ? m[0].length : 0);
}

const URL_HINT = /https?:|www\.|@|\.(?:vn|com|net|org|gov|edu|info|io)(?![\w-])/gi;

/**
 * Spans of URLs, domains and e-mail addresses. None of them holds whitespace, so the full
 * pattern only runs over the whitespace-free runs that contain a hint of one.
 */
function urlSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  URL_HINT.lastIndex = 0;
  let runEnd = 0;
  for (let h = URL_HINT.exec(text); h; h = URL_HINT.exec(text)) {
    if (h.index < runEnd) continue;
    let runStart = h.index;
    while (runStart > 0 && !isSpace(text.charCodeAt(runStart - 1))) runStart--;
    runEnd = h.index;
    while (runEnd < text.length && !isSpace(text.charCodeAt(runEnd))) runEnd++;
    // Searched in the run alone: on the whole text a hint that is no URL (`https: abc`) made
    // the search run on to the next URL, or the end of the article. The run is bounded by
    // whitespace, which the pattern's look-arounds treat like the ends of the string.
    const run = text.slice(runStart, runEnd);
    P.URL.lastIndex = 0;
    for (let m = P.URL.exec(run); m; m = P.URL.exec(run)) spans.push([runStart + m.index, runStart + m.index + m[0].length]);
    URL_HINT.lastIndex = runEnd;
  }
  return spans;
}
