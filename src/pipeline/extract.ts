/**
 * The extraction pipeline for one article, pure: normalize → find candidates → match rules →
 * refine (respectively, consumed numbers, companions, coordination) → qualifier and status →
 * records (offsets mapped back to the original text) → validate.
 */
import { normalizeText, toOriginal, type NormalizedText } from '../normalize/normalize.js';
import { detectNumberStyle, type StyleDecision } from '../numbers/style.js';
import { findCandidates } from '../candidates/find.js';
import type { Candidate, ExclusionReason, Unit } from '../candidates/types.js';
import { splitSentences, spanIndexAt, type Span } from '../text/sentences.js';
import { LineIndex, collapseWhitespace } from '../text/lines.js';
import { SENTENCE_REACH, sentenceExcerpt } from '../text/excerpt.js';
import { ClauseBounds } from '../match/windows.js';
import { ClauseMemo } from '../match/clause.js';
import { labelBefore, shareSubject } from '../match/label.js';
import { levelAfterChangeSubject } from '../match/count-label.js';
import { literalScanner, matchCandidate, readsChanges, type MatchContext, type RuleMatch } from '../match/match.js';
import { anaphoraLink, companionLink, coordinationLink } from '../refine/links.js';
import { assignRespectively } from '../refine/respectively.js';
import { placeListLink } from '../refine/place-list.js';
import { readQualifier } from '../refine/qualifier.js';
import { readStatus, sentenceCues, type SentenceCues } from '../refine/status.js';
import { readSubject } from '../refine/subject.js';
import { GENERIC_RULE, type ChisoRecord } from '../records/schema.js';
import { recordProblem } from '../records/check.js';
import type { RuleSet } from '../rules/ruleset.js';
import { framesOf } from '../frames/compile.js';
import { ArticleConcepts, chooseFrame, framesRespectively, matchFrames, matchPhrase, type CompiledFrame } from '../frames/frames.js';
import { frameRule } from '../frames/rule.js';
import { guessPublished, guessTitle, type ProvinceMatcher } from '../article/fields.js';
import { whereWhen } from '../refine/where.js';

export interface Article {
  source: string;
  text: string;
  /** Known from the container (JSONL, HTML meta); otherwise guessed from the text. */
  title?: string | null;
  published?: string | null;
}

export type CandidateOutcome =
  | { kind: 'record'; rule: string; via?: 'companion' | 'coordination' | 'respectively' | 'anaphora' | 'list' }
  | { kind: 'excluded'; reason: ExclusionReason }
  | { kind: 'no-rule' }
  | { kind: 'consumed'; by: string }
  | { kind: 'invalid'; rule: string; message: string };

export interface TracedCandidate {
  candidate: Candidate;
  outcome: CandidateOutcome;
  /** Original-text span of the number itself. */
  start: number;
  end: number;
  line: number;
  sentence: string;
  subject: string | null;
  /** With `trace`: the concept hits around the number and every frame its statement fills, best first. */
  frames?: FrameTrace;
}

export interface FrameTrace {
  concepts: string[];
  filled: { key: string; score: number; why: string }[];
  /** The key a rule gave the number before frames were read, and what the frames decided. */
  ruleKey: string | null;
  chosen: string | null;
}

export interface Extraction {
  records: ChisoRecord[];
  /** Empty unless `trace` was asked for. */
  trace: TracedCandidate[];
  style: StyleDecision;
  /** Records dropped by validation: rule id, location, message. */
  rejected: { rule: string; line: number; message: string }[];
}

export interface ExtractOptions {
  ruleSet: RuleSet;
  provinces: ProvinceMatcher;
  dedupe?: boolean;
  /** Also emit statistics that no rule keys (indicator null, rule `generic`). */
  all?: boolean;
  /** Fill `trace`: every number's outcome, subjects of unclaimed numbers included (`chiso explain`). */
  trace?: boolean;
  /** Asked between numbers: true once the article's time budget is spent (it is then abandoned). */
  overBudget?: () => boolean;
}

/** Thrown when `overBudget` says the article took too long: the caller skips it with a message. */
export class ArticleBudgetError extends Error {}

export function extractArticle(article: Article, opts: ExtractOptions): Extraction {
  const norm = normalizeText(article.text);
  const text = norm.text;
  const style = detectNumberStyle(text);
  const sentences = splitSentences(text);
  const cands = findCandidates(text, style.style);
  const matches: (RuleMatch | null)[] = cands.map(() => null);
  const outcomes: (CandidateOutcome | null)[] = cands.map((c) => (c.excluded ? { kind: 'excluded', reason: c.excluded } : null));
  const sentenceOf = cands.map((c) => spanIndexAt(sentences, c.start));
  const clauses = new ClauseBounds(text);
  // Changes (`tăng 12 bậc`, `gấp 1,8 lần`) are read apart (1b), so they never change how their
  // neighbours are read.
  const isChange = (c: Candidate) => c.measure === 'increase' || c.measure === 'decrease';
  const live = cands.map((_, i) => i).filter((i) => !cands[i]!.excluded && !isChange(cands[i]!) && sentenceOf[i]! >= 0);

  // 1. Rules, candidate by candidate.
  const scanner = literalScanner(opts.ruleSet);
  const ctx: MatchContext = { text, memo: new ClauseMemo(text, 0, 0, scanner), nextCandidateStart: Infinity, prevCandidateEnd: -1 };
  let prevEvidenceEnd = -1; // where the previous number's statement ends
  live.forEach((ci, k) => {
    if (opts.overBudget?.()) throw new ArticleBudgetError('time budget spent');
    const next = live[k + 1];
    const sentence = sentences[sentenceOf[ci]!]!;
    const win = clauses.windows(sentence, cands[ci]!.start, cands[ci]!.end);
    const clause = clauses.clause(sentence, cands[ci]!.start);
    if (ctx.memo.start !== clause.start || ctx.memo.end !== clause.end) {
      ctx.memo = new ClauseMemo(text, clause.start, clause.end, scanner);
      ctx.foldedMemo = undefined;
    }
    ctx.nextCandidateStart = next !== undefined && sentenceOf[next] === sentenceOf[ci] ? cands[next]!.start : Infinity;
    ctx.prevCandidateEnd = prevEvidenceEnd > win.leftStart ? Math.min(prevEvidenceEnd, cands[ci]!.start) : -1;
    ctx.label = labelBefore(text, clause.start, cands[ci]!.start);
    matches[ci] = matchCandidate(cands[ci]!, win, ctx, opts.ruleSet);
    // A share no rule read: its subject after `tỷ lệ` may be what a rule's `after` describes.
    if (!matches[ci] && !ctx.label && (cands[ci]!.unit === 'percent' || cands[ci]!.unit === 'fraction')) {
      ctx.label = shareSubject(text, clause.start, cands[ci]!.start);
      if (ctx.label) matches[ci] = matchCandidate(cands[ci]!, win, ctx, opts.ruleSet);
    }
    // A level after a change of it (`số hộ … tăng từ 18.340 lên 35.920 hộ`): its subject comes first.
    if (!matches[ci] && !ctx.label && cands[ci]!.unit === 'count') {
      ctx.label = levelAfterChangeSubject(text, clause.start, cands[ci]!.start);
      if (ctx.label) matches[ci] = matchCandidate(cands[ci]!, win, ctx, opts.ruleSet);
    }
    prevEvidenceEnd = Math.max(cands[ci]!.end, matches[ci]?.end ?? 0);
  });

  // 1b. Changes (`tăng 5,8% so với năm trước`) are keyed only where a rule's indicator is a
  // change; the others are statistics without a key (`--all`).
  if (readsChanges(opts.ruleSet)) {
    cands.forEach((c, ci) => {
      if (c.excluded || !isChange(c) || sentenceOf[ci]! < 0) return;
      const sentence = sentences[sentenceOf[ci]!]!;
      const clause = clauses.clause(sentence, c.start);
      const next = cands[ci + 1] !== undefined && cands[ci + 1]!.start < sentence.end ? cands[ci + 1] : undefined;
      const changeCtx: MatchContext = { text, memo: new ClauseMemo(text, clause.start, clause.end, scanner), nextCandidateStart: next ? next.start : Infinity, prevCandidateEnd: -1 };
      const m = matchCandidate(c, clauses.windows(sentence, c.start, c.end), changeCtx, opts.ruleSet);
      if (m) matches[ci] = m;
    });
  }

  // 1c. Frames: a number takes the key whose concept frame its statement fills (see chooseFrame
  // for when a frame overrides a rule).
  const frames = framesOf(opts.ruleSet);
  const frameTraces: (FrameTrace | undefined)[] = [];
  const concepts = frames ? new ArticleConcepts(text, frames) : null;
  if (concepts) {
    // Every number that states something bounds its neighbours' statements, changes included.
    const stated = cands.map((_, i) => i).filter((i) => !cands[i]!.excluded && sentenceOf[i]! >= 0);
    const at = new Map(stated.map((ci, k) => [ci, k]));
    live.forEach((ci) => {
      const c = cands[ci]!;
      // A rank within a region is not the catalog's rank among all provinces.
      if (c.regional) return;
      const k = at.get(ci)!;
      const clause = clauses.clause(sentences[sentenceOf[ci]!]!, c.start);
      const inClause = (j: number | undefined) => (j !== undefined && sentenceOf[j] === sentenceOf[ci] && cands[j]!.start >= clause.start && cands[j]!.end <= clause.end ? cands[j]! : null);
      const prev = inClause(stated[k - 1]);
      const next = inClause(stated[k + 1]);
      const query = {
        start: c.start, end: c.end, unit: c.unit, bare: c.bare, clauseStart: clause.start, clauseEnd: clause.end, prev, next,
        nextNextStart: inClause(stated[k + 2])?.start ?? null, prevPrevEnd: inClause(stated[k - 2])?.end ?? null,
        prevChange: prev !== null && isChange(prev),
      };
      const blocked = new Set<string>();
      const filled = matchFrames(concepts, query, blocked);
      let ruleKey = matches[ci]?.rule.rule.indicator ?? null;
      // A rule whose key's frame the statement fills but for a concept that marks another key
      // or the opposite (`tỷ lệ hồ sơ trễ hạn` for on-time dossiers) read past the words.
      if (ruleKey && blocked.has(ruleKey) && !filled.some((m) => m.frame.key === ruleKey)) {
        matches[ci] = null;
        ruleKey = null;
      }
      let fm = chooseFrame(filled, ruleKey);
      // No frame and no rule: the catalog's own phrase for a key, if the number's words hold one.
      const byPhrase = !fm && !ruleKey && filled.length === 0 ? matchPhrase(concepts, query) : null;
      if (byPhrase) fm = byPhrase;
      // A share whose subject only the number before it lends (`1.245/1.312 tổ …, đạt 94,9%`)
      // restates that number: its key comes from it (the companion link), not from a frame.
      if (fm?.inherited && !ruleKey && prev && matches[stated[k - 1]!] && RESTATES.test(text.slice(prev.end, c.start))) fm = null;
      if (opts.trace) {
        frameTraces[ci] = {
          concepts: concepts.conceptsNear(c.start, c.end), ruleKey, chosen: fm?.frame.key ?? null,
          filled: filled.map((m) => ({ key: m.frame.key, score: m.score, why: m.why })),
        };
      }
      if (fm) matches[ci] = { rule: frameRule(fm.frame), unit: fm.unit, score: fm.score, start: Math.min(fm.start, c.start), end: Math.max(fm.end, c.end), beforeStart: null, hasAfter: fm.end > c.end };
    });
  }

  // 2. `lần lượt` lists take their subjects in order: the keys the subject phrases name as
  // frames, else as rules' patterns.
  for (const group of listGroups(text, cands, live, sentenceOf)) {
    const first = cands[group[0]!]!;
    const win = clauses.windows(sentences[sentenceOf[group[0]!]!]!, first.start, first.end);
    const byFrames = concepts ? respectivelyByFrames(text, concepts, cands, group, win.leftStart) : null;
    if (byFrames) {
      for (const a of byFrames) {
        matches[a.candidate] = { rule: frameRule(a.frame), unit: a.unit, score: 0, start: a.start, end: cands[a.candidate]!.end, beforeStart: a.start, hasAfter: false };
        outcomes[a.candidate] = { kind: 'record', rule: frameRule(a.frame).rule.id, via: 'respectively' };
      }
      continue;
    }
    const assigned = assignRespectively(text, cands, group, win.leftStart, opts.ruleSet.rules);
    for (const a of assigned ?? []) {
      const c = cands[a.candidate]!;
      matches[a.candidate] = { rule: a.rule, unit: c.unit, score: 0, start: a.start, end: c.end, beforeStart: a.start, hasAfter: false };
      outcomes[a.candidate] = { kind: 'record', rule: a.rule.rule.id, via: 'respectively' };
    }
  }

  // 3. Numbers inside another record's evidence (`7/8 huyện … thành lập 100% tổ …`) are part of it.
  for (const ci of live) {
    const m = matches[ci];
    if (!m || !m.rule.rule.crosses_numbers || !m.rule.rule.consumes) continue;
    for (const cj of live) {
      if (cj !== ci && cands[cj]!.start >= m.start && cands[cj]!.end <= m.end && outcomes[cj]?.kind !== 'consumed') {
        matches[cj] = null;
        outcomes[cj] = { kind: 'consumed', by: m.rule.rule.id };
      }
    }
  }

  // 4. Neighbours lend their key: companions (share ↔ count) and coordinated lists.
  const alive = live.filter((ci) => outcomes[ci]?.kind !== 'consumed');
  for (let k = alive.length - 1; k > 0; k--) {
    const [a, b] = [alive[k - 1]!, alive[k]!];
    if (sentenceOf[a] !== sentenceOf[b]) continue;
    if (coordinationLink(text, cands[a]!, cands[b]!, matches[a]!, matches[b]!)) {
      matches[a] = { ...matches[b]!, unit: cands[a]!.unit, start: cands[a]!.start, end: cands[a]!.end };
      outcomes[a] = { kind: 'record', rule: matches[b]!.rule.rule.id, via: 'coordination' };
    }
  }
  for (let k = 1; k < alive.length; k++) {
    const [a, b] = [alive[k - 1]!, alive[k]!];
    if (sentenceOf[a] !== sentenceOf[b] || !anaphoraLink(text, cands[a]!, cands[b]!, matches[a]!, matches[b]!)) continue;
    matches[b] = { ...matches[a]!, unit: cands[b]!.unit, start: cands[b]!.start, end: cands[b]!.end };
    outcomes[b] = { kind: 'record', rule: matches[a]!.rule.rule.id, via: 'anaphora' };
  }
  for (let k = 1; k < alive.length; k++) {
    const [a, b] = [alive[k - 1]!, alive[k]!];
    if (sentenceOf[a] !== sentenceOf[b]) continue;
    const dir = companionLink(text, cands[a]!, cands[b]!, matches[a]!, matches[b]!);
    if (dir === 'forward') {
      matches[b] = { ...matches[a]!, unit: cands[b]!.unit, start: cands[b]!.start, end: cands[b]!.end };
      outcomes[b] = { kind: 'record', rule: matches[a]!.rule.rule.id, via: 'companion' };
    } else if (dir === 'backward') {
      matches[a] = { ...matches[b]!, unit: cands[a]!.unit, start: cands[a]!.start, end: cands[a]!.end };
      outcomes[a] = { kind: 'record', rule: matches[b]!.rule.rule.id, via: 'companion' };
    }
  }

  // 4b. Values listed after a statement (`… đạt 92,1%, trong đó huyện Mèo Vạc 85,4%`) take its key.
  for (let k = 1; k < alive.length; k++) {
    const [a, b] = [alive[k - 1]!, alive[k]!];
    if (sentenceOf[a] !== sentenceOf[b] || !placeListLink(text, cands[a]!, cands[b]!, matches[a]!, matches[b]!)) continue;
    matches[b] = { ...matches[a]!, unit: cands[b]!.unit, start: cands[b]!.start, end: cands[b]!.end };
    outcomes[b] = { kind: 'record', rule: matches[a]!.rule.rule.id, via: 'list' };
  }

  // 5. Records.
  const lines = new LineIndex(article.text);
  const title = article.title !== undefined ? article.title : guessTitle(text);
  const published = article.published !== undefined ? article.published : guessPublished(text);
  const where = whereWhen(text, title ?? null, sentences, opts.ruleSet, opts.provinces);
  const records: ChisoRecord[] = [];
  const rejected: Extraction['rejected'] = [];
  const trace: TracedCandidate[] = [];
  const sentenceTexts = new Map<number, string>();
  const statusCues = new Map<number, SentenceCues>();
  cands.forEach((c, ci) => {
    if (opts.overBudget?.()) throw new ArticleBudgetError('time budget spent');
    const m = matches[ci];
    let outcome = outcomes[ci];
    if (!outcome) outcome = m ? { kind: 'record', rule: m.rule.rule.id } : { kind: 'no-rule' };
    // Unclaimed numbers only need a subject when someone will read it (--all, explain), and
    // numbers that yield no record need nothing more unless a trace is kept.
    const wantSubject = outcome.kind === 'record' || (outcome.kind === 'no-rule' && (opts.all || opts.trace));
    if (!wantSubject && !opts.trace) return;
    const sIdx = sentenceOf[ci]!;
    const sentence = sIdx >= 0 ? sentences[sIdx]! : { start: c.start, end: c.end };
    // The sentence, bounded around the number (`src/text/excerpt.ts`): whole when short.
    const [ss, se] = toOriginal(norm, sentence.start, sentence.end);
    const [ns, ne] = toOriginal(norm, c.start, c.end);
    let sentenceText = se - ss <= 2 * SENTENCE_REACH ? sentenceTexts.get(sIdx) : undefined;
    if (sentenceText === undefined) {
      sentenceText = sentenceExcerpt(article.text, ss, se, ns, ne);
      if (se - ss <= 2 * SENTENCE_REACH) sentenceTexts.set(sIdx, sentenceText);
    }
    const clauseStart = sIdx >= 0 ? clauses.windows(sentence, c.start, c.end).leftStart : c.start;
    const subject = wantSubject ? readSubject(text, clauseStart, c) : null;
    // A count, fraction or sum needs a subject to be a statistic; a percentage, rank, score,
    // density, multiple or change is one by its reading.
    const generic = outcome.kind === 'no-rule' && opts.all && sIdx >= 0 && (subject !== null || readsAsStatistic(c));
    if ((outcome.kind === 'record' && m) || generic) {
      const q = readQualifier(text, c, sentence.start);
      let cues = sIdx >= 0 ? statusCues.get(sIdx) : undefined;
      if (sIdx >= 0 && !cues) statusCues.set(sIdx, (cues = sentenceCues(text, sentence.start, sentence.end)));
      const status = readStatus(text, sentence.start, c.start, c.end, cues);
      const start = Math.min(m?.start ?? c.start, q.start, c.start);
      const end = Math.max(m?.end ?? c.end, c.end);
      const unit = m ? m.unit : c.unit;
      const ruleId = m ? m.rule.rule.id : GENERIC_RULE;
      const [rs, re] = toOriginal(norm, start, end);
      const numbersAfter = (from: number, to: number) => live.filter((cj) => cands[cj]!.start >= from && cands[cj]!.start < to && outcomes[cj]?.kind !== 'consumed' && (matches[cj] || opts.all)).map((cj) => cands[cj]!);
      const ww = sIdx >= 0 ? where.of(c.start, c.end, sentence, clauses.clause(sentence, c.start), status, numbersAfter) : { place: null, period: null };
      const place = where.province();
      const rec = {
        source: article.source,
        indicator: m ? m.rule.rule.indicator : null,
        value: c.value,
        unit,
        denominator: unit === 'fraction' || unit === 'density' ? c.denominator : null,
        // A key that is itself a change (a growth rate, `reads_change`) states an increase.
        measure: c.measure ?? (m?.rule.rule.reads_change ? 'increase' : 'level'),
        qualifier: q.qualifier,
        status,
        subject: subject ? collapseWhitespace(subject) : null,
        text: article.text.slice(rs, re),
        start: rs,
        end: re,
        line: lines.lineOf(rs),
        sentence: sentenceText,
        rule: ruleId,
        place: typeof ww.place === 'string' ? ww.place : ww.place ? collapseWhitespace(originalSlice(article.text, norm, ww.place)).replace(/^tỉnh\s+/iu, '') : null,
        as_of: ww.period?.asOf ?? null,
        period: ww.period ? collapseWhitespace(originalSlice(article.text, norm, ww.period)) : null,
        title: title ?? null,
        published: published ?? null,
        province: place?.province ?? null,
        province_2025: place?.province_2025 ?? null,
      };
      const message = recordProblem(rec as ChisoRecord);
      if (message === null) records.push(rec as ChisoRecord);
      else {
        rejected.push({ rule: ruleId, line: rec.line, message });
        outcome = { kind: 'invalid', rule: ruleId, message };
      }
    }
    if (opts.trace) {
      const [os, oe] = toOriginal(norm, c.start, c.end);
      trace.push({ candidate: c, outcome, start: os, end: oe, line: lines.lineOf(os), sentence: sentenceText, subject, ...(frameTraces[ci] ? { frames: frameTraces[ci] } : {}) });
    }
  });

  return { records: opts.dedupe ? dedupe(records) : records, trace, style, rejected };
}

function readsAsStatistic(c: Candidate): boolean {
  return c.unit === 'percent' || c.unit === 'rank' || c.unit === 'score' || c.unit === 'density' || c.unit === 'times' || (c.measure !== undefined && c.measure !== 'level');
}

/** A `lần lượt` group keyed by the frames its subject phrases name, or null (see framesRespectively). */
function respectivelyByFrames(text: string, concepts: ArticleConcepts, cands: Candidate[], group: number[], leftStart: number) {
  const first = cands[group[0]!]!;
  const at = text.slice(leftStart, first.start).search(/lần lượt|tương ứng/iu);
  if (at < 0) return null;
  const parts = framesRespectively(concepts, leftStart, leftStart + at, first.unit, group.length);
  if (!parts) return null;
  const out: { candidate: number; frame: CompiledFrame; unit: Unit; start: number }[] = [];
  for (const [k, ci] of group.entries()) {
    const c = cands[ci]!;
    const f = parts[k]!.frame;
    const unit = f.units.has(c.unit) ? c.unit : c.bare && f.as ? f.as : null;
    if (!unit) return null;
    out.push({ candidate: ci, frame: f, unit, start: parts[k]!.start });
  }
  return out;
}

/** Runs of live candidates joined only by `,` / `và`, after a `lần lượt` (or `tương ứng`). */
function listGroups(text: string, cands: Candidate[], live: number[], sentenceOf: number[]): number[][] {
  const groups: number[][] = [];
  let cur: number[] = [];
  const flush = () => {
    if (cur.length > 1) groups.push(cur);
    cur = [];
  };
  for (const ci of live) {
    const prev = cur[cur.length - 1];
    if (prev !== undefined && sentenceOf[prev] === sentenceOf[ci] && /^\s*(?:,|và|,\s*và)\s*(?:(?:đạt|là|xếp thứ|đứng thứ|thứ|hạng)\s+)?$/iu.test(text.slice(cands[prev]!.end, cands[ci]!.start))) {
      cur.push(ci);
      continue;
    }
    flush();
    const before = text.slice(Math.max(0, cands[ci]!.start - 40), cands[ci]!.start);
    if (/lần lượt|tương ứng/iu.test(before)) cur = [ci];
  }
  flush();
  return groups;
}

/** `--dedupe`: one record per (indicator, value, unit, denominator) within an article. */
export function dedupe(records: ChisoRecord[]): ChisoRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const key = `${r.source}\u0000${r.indicator}\u0000${r.value}\u0000${r.unit}\u0000${r.denominator}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The original text of a normalized-text span. */
function originalSlice(original: string, norm: NormalizedText, span: Span): string {
  const [s, e] = toOriginal(norm, span.start, span.end);
  return original.slice(s, e);
}

// What stands between a count and the share that restates it: `, đạt`, `(`, `, chiếm khoảng`.
const RESTATES = /[,(]\s*(?:(?:đạt|chiếm|bằng|tương đương|tương ứng|là|với|đạt được)\s+)?(?:(?:tỷ lệ|mức|khoảng|gần|hơn|trên|xấp xỉ)\s+)*$/iu;
