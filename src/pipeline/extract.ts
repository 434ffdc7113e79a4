/**
 * The extraction pipeline for one article, pure: an ordered list of small stages over one
 * document state (src/pipeline/document.ts), as chrono's parsers and refiners are — normalize
 * and find the numbers, then rules, frames, `lần lượt` lists, nested numbers, neighbours'
 * links, and records (subject, qualifier, status, place, period, offsets mapped back to the
 * original text, checked).
 */
import type { Candidate, ExclusionReason } from '../candidates/types.js';
import type { StyleDecision } from '../numbers/style.js';
import type { ChisoRecord } from '../records/schema.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { ProvinceMatcher } from '../article/fields.js';
import { readDocument, type Document } from './document.js';
import { readRules } from './stages/rules.js';
import { readFrames } from './stages/frames.js';
import { readLists } from './stages/lists.js';
import { absorbNested, lendKeys } from './stages/links.js';
import { writeRecords } from './stages/records.js';

export { ArticleBudgetError } from './document.js';

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
  /** How the key came when no frame was filled: a catalog phrase, or the number before. */
  via?: string;
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

/** The stages, in order; each reads what the ones before it decided. */
export const STAGES: readonly ((doc: Document) => void)[] = [readRules, readFrames, readLists, absorbNested, lendKeys, writeRecords];

export function extractArticle(article: Article, opts: ExtractOptions): Extraction {
  const doc = readDocument(article, opts);
  for (const stage of STAGES) stage(doc);
  return doc.result!;
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

