/**
 * Stage 6: records. Each number a stage keyed (and, with `--all`, each statistic none did)
 * becomes a record: subject, qualifier, status, place and period, offsets mapped back to the
 * original text, checked (`src/records/check.ts`); `explain` gets the trace.
 */
import { toOriginal, type NormalizedText } from '../../normalize/normalize.js';
import type { Candidate } from '../../candidates/types.js';
import type { Span } from '../../text/sentences.js';
import { LineIndex, collapseWhitespace } from '../../text/lines.js';
import { SENTENCE_REACH, sentenceExcerpt } from '../../text/excerpt.js';
import { readQualifier } from '../../refine/qualifier.js';
import { tableColumnStatus } from '../../refine/table.js';
import { readStatus, sentenceCues, type SentenceCues } from '../../refine/status.js';
import { readSubject } from '../../refine/subject.js';
import { GENERIC_RULE, type ChisoRecord } from '../../records/schema.js';
import { recordProblem } from '../../records/check.js';
import { guessPublished, guessTitle } from '../../article/fields.js';
import { whereWhen } from '../../refine/where.js';
import { ArticleBudgetError, type Document } from '../document.js';
import { dedupe, type Extraction, type TracedCandidate } from '../extract.js';

export function writeRecords(doc: Document): void {
  const { article, norm, text, cands, matches, outcomes, sentences, sentenceOf, clauses, live, opts, frameTraces, style } = doc;
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
      const status = tableColumnStatus(text, c.start) ?? readStatus(text, sentence.start, c.start, c.end, cues);
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

  doc.result = { records: opts.dedupe ? dedupe(records) : records, trace, style, rejected };
}

function readsAsStatistic(c: Candidate): boolean {
  return c.unit === 'percent' || c.unit === 'rank' || c.unit === 'score' || c.unit === 'density' || c.unit === 'times' || (c.measure !== undefined && c.measure !== 'level');
}

/** The original text of a normalized-text span. */
function originalSlice(original: string, norm: NormalizedText, span: Span): string {
  const [s, e] = toOriginal(norm, span.start, span.end);
  return original.slice(s, e);
}

