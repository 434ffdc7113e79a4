/**
 * One unit of `chiso extract` work — an article, or a raw JSONL line — turned into output rows.
 * The same function runs in-process (`--jobs 1`) and in worker threads, so the output cannot
 * depend on the job count. Pure: no I/O; the caller writes rows and reports problems.
 */
import type { Article } from '../pipeline/extract.js';
import { ArticleBudgetError, extractArticle } from '../pipeline/extract.js';
import { htmlPageToArticle, jsonlLineToArticle } from '../io/articles.js';
import type { Formatter } from '../io/formats.js';
import type { ProvinceMatcher } from '../article/fields.js';
import type { RuleSet } from '../rules/ruleset.js';

export type WorkItem =
  | { kind: 'article'; article: Article; origin: string; bytes: number; warning?: string }
  | { kind: 'jsonl-line'; name: string; number: number; bytes: Uint8Array }
  | { kind: 'html-page'; origin: string; bytes: number; html: string; warning?: string };

export interface WorkResult {
  /** `file` or `file:line`, for messages. */
  origin: string;
  /** Input bytes the item stood for (progress). */
  bytes: number;
  /** Set when the item was not an article (bad JSON, no text): the reason. */
  skip?: string;
  /** A repaired encoding, worth one warning per file. */
  decodeWarning?: string;
  /** A warning about the input file (how it was decoded), reported with its records, in order. */
  warning?: string;
  /** The records, formatted and joined with the formatter's separator. */
  rows: string;
  records: number;
  rejected: { rule: string; line: number; message: string }[];
  /** The extracted text, when `--emit-text` asked for it. */
  emit?: { source: string; text: string };
}

/**
 * Time an article may take before it is skipped (a pathological line must not stall a run): 20 s,
 * plus 10 s per MB. Normal articles take a fraction of a second per MB.
 */
export function articleBudgetMs(bytes: number): number {
  return 20_000 + (10_000 * bytes) / (1024 * 1024);
}

export interface WorkContext {
  /** The clock the time budget is measured with (tests pass a counting one). */
  now?: () => number;
  ruleSet: RuleSet;
  provinces: ProvinceMatcher;
  fmt: Formatter;
  dedupe?: boolean;
  all?: boolean;
  emitText?: boolean;
}

export function doWork(item: WorkItem, ctx: WorkContext): WorkResult {
  let article: Article;
  let origin: string;
  let bytes: number;
  let decodeWarning: string | undefined;
  let jsonlWarning: string | undefined;
  if (item.kind === 'jsonl-line') {
    const ev = jsonlLineToArticle(item.bytes, item.name, item.number);
    if (ev.kind === 'skip') return { origin: ev.where, bytes: item.bytes.byteLength + 1, skip: ev.message, rows: '', records: 0, rejected: [] };
    ({ article, origin, bytes, decodeWarning } = ev);
    jsonlWarning = ev.warning;
  } else if (item.kind === 'html-page') ({ article, origin, bytes } = htmlPageToArticle(item.html, item.origin, item.bytes));
  else ({ article, origin, bytes } = item);
  const now = ctx.now ?? Date.now;
  const budget = articleBudgetMs(bytes);
  const deadline = now() + budget;
  let result;
  try {
    result = extractArticle(article, { ruleSet: ctx.ruleSet, provinces: ctx.provinces, dedupe: ctx.dedupe, all: ctx.all, overBudget: () => now() > deadline });
  } catch (e) {
    if (!(e instanceof ArticleBudgetError)) throw e;
    return { origin, bytes, skip: `took more than ${Math.round(budget / 1000)} s to extract (a pathological line?); skipped, the run goes on`, rows: '', records: 0, rejected: [] };
  }
  const warning = item.kind === 'jsonl-line' ? jsonlWarning : item.warning;
  return {
    origin, bytes,
    ...(decodeWarning ? { decodeWarning } : {}),
    ...(warning ? { warning } : {}),
    rows: result.records.map((r) => ctx.fmt.row(r)).join(ctx.fmt.separator),
    records: result.records.length,
    rejected: result.rejected,
    ...(ctx.emitText ? { emit: { source: article.source, text: article.text } } : {}),
  };
}
