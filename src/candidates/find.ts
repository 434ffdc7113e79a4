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
import { isSpace } from '../text/word-pattern.js';

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
  markListContinuations(text, out);
  return out;
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
    if (P.L_RANK.test(left) && !P.L_RANK_GROUP.test(left)) {
      return { candidates: [make({ value: a, unit: 'rank', end: reach })], reach };
    }
    if (P.L_DOCUMENT.test(left) || (P.L_SO.test(left) && !P.L_SO_NOT_DOC.test(left))) return excluded('document', reach);
    if (!(a <= b) || b === 0) return excluded('ratio', reach);
    return { candidates: [make({ value: a, unit: 'fraction', denominator: b, end: reach })], reach };
  }
  // `47 trên tổng số 53 dịch vụ`: a fraction written out.
  const ofTotal = P.R_OF_TOTAL.exec(rightRaw);
  if (ofTotal) {
    const a = parseNumeral(raw, style);
    const b = parseNumeral(ofTotal[1]!, style);
    const reach = end + ofTotal[0].length;
    if (a <= b && b > 0) return { candidates: [make({ value: a, unit: 'fraction', denominator: b, end: reach })], reach };
  }
  if (/^[-/]\s?[\p{Lu}Đ]/u.test(rightRaw) || /^-[\p{L}]/u.test(rightRaw)) return excluded('document', skipToken(text, end));
  if (/[\p{L}]-$/u.test(left)) return excluded('code');
  if (P.R_TIME.test(rightRaw)) return excluded('time', skipToken(text, end));
  if (P.R_CODE_TAIL.test(rightRaw) && !gluedQuantity(raw, rightRaw)) return excluded('code', skipToken(text, end));
  if (/^0\d*[.,\s]\d+[.,\s]\d+/.test(text.slice(start, start + 16)) && digitsIn(text.slice(start, start + 16)) >= 9) {
    // The whole number (`0256 3822 345`), so its later groups are not read as numbers of their own.
    return excluded('phone', start + PHONE.exec(text.slice(start, start + 20))![0].length);
  }
  if (P.L_PHONE.test(left)) return excluded('phone');
  if (/^\d+\.0$/.test(raw) || P.L_CODE.test(left)) return excluded(/\.0$/.test(raw) || /bản\s*$/iu.test(left) ? 'version' : 'code');

  const value = parseNumeral(raw, style, wholeAfter(rightRaw));
  if (Number.isNaN(value)) return excluded('code');
  const isYear = /^\d{4}$/.test(raw) && value >= 1900 && value <= 2100;
  if (isYear && !P.R_PERCENT.test(rightRaw) && readsAsYear(left, rightRaw)) return excluded('year', end + (P.R_YEAR_RANGE.exec(rightRaw)?.[0].length ?? 0));
  if (P.L_DATE.test(left) && value <= 31 && !P.R_PERCENT.test(rightRaw)) return excluded('date');

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

  if (P.L_RANK.test(left)) {
    const group = P.L_RANK_GROUP.test(left);
    // `nhóm 3` is a label unless places follow (`nhóm 10 tỉnh, thành phố dẫn đầu`).
    if (group && !P.R_PLACES.test(rightRaw)) return excluded('label');
    return { candidates: [make({ value, unit: 'rank', rankGroup: group })], reach: end };
  }
  if (P.L_ORDINAL.test(left)) return excluded('ordinal');
  if ((P.L_DOCUMENT.test(left) && !P.L_DOC_COUNTED.test(left)) || (P.L_SO.test(left) && !P.L_SO_NOT_DOC.test(left))) return excluded('document');
  if (P.R_DURATION.test(rightRaw)) return excluded('duration');
  if (P.R_STRUCTURE.test(rightRaw)) return excluded('structure');
  if (hasSlashNear(rightRaw) && P.R_DENSITY.test(rightRaw)) return excluded('density');
  if ((value === 100 || value === 1000 || value === 10000) && P.L_PER.test(left) && P.R_PER_BASE.test(rightRaw)) return excluded('density');
  if (left.includes('100') && P.L_DENSITY_BASE.test(text.slice(Math.max(0, start - 2 * LOOKBACK), start))) return excluded('density');
  if (P.L_LABEL.test(left)) return excluded('label');
  if (P.L_PER_UNIT.test(left)) return excluded('density');
  const bare = !/^\s*[\p{L}(]/u.test(rightRaw);
  return finishReading(text, left, [make({ value, bare })], end);
}

/** Exclusions that apply to any reading: changes (`tăng 5,2% so với …`), multipliers, plan completion. */
function finishReading(text: string, left: string, cands: Candidate[], reach: number): Reading {
  const first = cands[0]!;
  const right = lineHead(text.slice(first.end, first.end + LOOKAHEAD));
  if (P.R_MULTIPLIER.test(right)) first.excluded = 'multiplier';
  else if (first.unit === 'percent' && P.R_COMPLETION.test(right)) first.excluded = 'completion';
  else if (P.L_COMPARISON.test(left)) for (const c of cands) c.excluded = 'change';
  else if (P.L_CHANGE.test(left) && (P.R_COMPARE.test(right) || P.R_CHANGE_UNIT.test(right))) {
    for (const c of cands) c.excluded = 'change';
  } else if (P.R_CHANGE_UNIT.test(right) && /^\s*(?:bậc|hạng)/iu.test(right)) first.excluded = 'change';
  return { candidates: cands, reach };
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
    if (/^\s*(?:,|và|,\s*và)\s*$/u.test(between) && /^\s*(?:,|và\s|[.;)]|$)/u.test(after)) {
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
