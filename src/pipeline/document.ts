/**
 * One article as the pipeline's stages see it: the normalized text, its sentences and clauses,
 * every number with the reading each stage gives it (`matches`, `outcomes`), and what the
 * frames saw (`concepts`, `frameTraces`). Built once (`readDocument`); each stage in
 * `STAGES` (extract.ts) reads and refines it in order, as chrono's parsers and refiners do.
 */
import { normalizeText, type NormalizedText } from '../normalize/normalize.js';
import { detectNumberStyle, type StyleDecision } from '../numbers/style.js';
import { findCandidates } from '../candidates/find.js';
import type { Candidate } from '../candidates/types.js';
import { splitSentences, spanIndexAt, type Span } from '../text/sentences.js';
import { ClauseBounds } from '../match/windows.js';
import type { RuleMatch } from '../match/match.js';
import { framesOf } from '../frames/compile.js';
import { ArticleConcepts } from '../frames/frames.js';
import type { Article, CandidateOutcome, Extraction, ExtractOptions, FrameTrace } from './extract.js';

export interface Document {
  article: Article;
  opts: ExtractOptions;
  norm: NormalizedText;
  /** The normalized text: every offset below is in it. */
  text: string;
  style: StyleDecision;
  sentences: Span[];
  clauses: ClauseBounds;
  cands: Candidate[];
  /** Per candidate: its sentence's index, or -1 outside every sentence. */
  sentenceOf: number[];
  /** Candidates that state a level (not excluded, not a change, inside a sentence), in order. */
  live: number[];
  /** Per candidate: the rule or frame that reads it, as the stages so far decided. */
  matches: (RuleMatch | null)[];
  /** Per candidate: set when a stage decided more than its match (excluded, consumed, lent). */
  outcomes: (CandidateOutcome | null)[];
  /** The concept hits of the article; null when the rule set has no frames. */
  concepts: ArticleConcepts | null;
  frameTraces: (FrameTrace | undefined)[];
  /** Filled by the last stage. */
  result: Extraction | null;
}

/** Thrown when `overBudget` says the article took too long: the caller skips it with a message. */
export class ArticleBudgetError extends Error {}

/** Changes (`tăng 12 bậc`, `gấp 1,8 lần`) are read apart, so they never change how their neighbours are read. */
export function isChange(c: Candidate): boolean {
  return c.measure === 'increase' || c.measure === 'decrease';
}

export function readDocument(article: Article, opts: ExtractOptions): Document {
  const norm = normalizeText(article.text);
  const text = norm.text;
  const style = detectNumberStyle(text);
  const sentences = splitSentences(text);
  const cands = findCandidates(text, style.style);
  const sentenceOf = cands.map((c) => spanIndexAt(sentences, c.start));
  const frames = framesOf(opts.ruleSet);
  return {
    article, opts, norm, text, style, sentences, cands, sentenceOf,
    clauses: new ClauseBounds(text),
    live: cands.map((_, i) => i).filter((i) => !cands[i]!.excluded && !isChange(cands[i]!) && sentenceOf[i]! >= 0),
    matches: cands.map(() => null),
    outcomes: cands.map((c) => (c.excluded ? { kind: 'excluded', reason: c.excluded } : null)),
    concepts: frames ? new ArticleConcepts(text, frames) : null,
    frameTraces: [],
    result: null,
  };
}

/** Gives candidate `to` the reading of candidate `from` (a key lent by a link). */
export function lend(doc: Document, to: number, from: number, via: NonNullable<Extract<CandidateOutcome, { kind: 'record' }>['via']>): void {
  const m = doc.matches[from]!;
  const c = doc.cands[to]!;
  doc.matches[to] = { ...m, unit: c.unit, start: c.start, end: c.end };
  doc.outcomes[to] = { kind: 'record', rule: m.rule.rule.id, via };
}
