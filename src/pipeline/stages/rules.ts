/**
 * Stage 1: regular-expression rules, number by number (`src/match`), then the changes a rule
 * reads as its key (a growth rate); every other change stays a statistic without a key.
 */
import { ClauseMemo } from '../../match/clause.js';
import { labelBefore, shareSubject } from '../../match/label.js';
import { levelAfterChangeSubject } from '../../match/count-label.js';
import { literalScanner, matchCandidate, readsChanges, type MatchContext } from '../../match/match.js';
import { ArticleBudgetError, isChange, type Document } from '../document.js';

export function readRules(doc: Document): void {
  const { text, cands, matches, sentences, sentenceOf, clauses, live, opts } = doc;
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

  readChanges(doc, scanner);
}

/** Changes (`tăng 5,8% so với năm trước`) are keyed only where a rule's indicator is a change. */
function readChanges(doc: Document, scanner: ReturnType<typeof literalScanner>): void {
  const { text, cands, matches, sentences, sentenceOf, clauses, opts } = doc;
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
}
