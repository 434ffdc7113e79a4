/**
 * Ties candidates to indicator keys. For each candidate every rule is tried against the clause
 * windows; the best-scoring rule wins:
 *   - an `after` match (the counted noun right after the number) is the strongest evidence,
 *     and a longer one (noun plus predicate) beats a shorter one,
 *   - a `before` match counts less the farther it ends from the number, and much less when an
 *     earlier number stands between it and this one (it more likely describes that number),
 *   - `priority` breaks deliberate ties (a specific key over its generic parent).
 */
import type { Candidate, Unit } from '../candidates/types.js';
import type { CompiledRule, RuleSet } from '../rules/ruleset.js';
import { foldDiacritics } from '../normalize/diacritics.js';
import type { Windows } from './windows.js';

export interface RuleMatch {
  rule: CompiledRule;
  unit: Unit;
  score: number;
  /** Normalized-text span of the evidence (number plus the matched words). */
  start: number;
  end: number;
  /** Start of the `before` evidence, when the rule matched on the left. */
  beforeStart: number | null;
  /** True when the rule matched the words after the number. */
  hasAfter: boolean;
}

export interface MatchContext {
  text: string;
  foldedText?: string; // built lazily for `fold: diacritics` rules
  /** Start of the next live candidate after this one (where `after` must stop). */
  nextCandidateStart: number;
  /** End of the previous number's statement (number or its evidence) in the clause, -1 if none. */
  prevCandidateEnd: number;
}

export function matchCandidate(cand: Candidate, win: Windows, ctx: MatchContext, ruleSet: RuleSet): RuleMatch | null {
  let best: RuleMatch | null = null;
  for (const rule of ruleSet.rules) {
    const m = tryRule(rule, cand, win, ctx);
    if (m && (!best || m.score > best.score)) best = m;
  }
  return best;
}

export function tryRule(rule: CompiledRule, cand: Candidate, win: Windows, ctx: MatchContext): RuleMatch | null {
  const unit = unitFor(rule, cand);
  if (!unit) return null;
  const text = rule.rule.fold === 'diacritics' ? (ctx.foldedText ??= foldDiacritics(ctx.text)) : ctx.text;
  const rightLimit = rule.rule.crosses_numbers ? win.rightEnd : Math.min(win.rightEnd, ctx.nextCandidateStart);
  const right = text.slice(cand.end, Math.max(cand.end, rightLimit));
  const left = text.slice(win.leftStart, cand.start);

  let score = rule.rule.priority * 1000;
  let start = cand.start;
  let end = cand.end;
  let beforeStart: number | null = null;
  if (rule.after) {
    const m = rule.after.exec(right);
    if (!m) return null;
    score += 400 + Math.min(m[0].trim().length, 100);
    end = cand.end + m[0].trimEnd().length;
  }
  if (rule.before) {
    const m = lastMatch(rule.before, left);
    if (!m) return null;
    const distance = left.length - (m.index + m.length);
    beforeStart = win.leftStart + m.index;
    score += 200 - Math.min(distance, 190) + Math.min(m.length, 60) / 2;
    if (beforeStart < ctx.prevCandidateEnd) score -= 250;
    start = beforeStart;
  }
  if (rule.notAfter && rule.notAfter.test(right)) return null;
  if (rule.notBefore && lastMatch(rule.notBefore, left)) return null;
  return { rule, unit, score, start, end, beforeStart, hasAfter: rule.after !== undefined };
}

function unitFor(rule: CompiledRule, cand: Candidate): Unit | null {
  if (cand.bare && rule.rule.as) return rule.units.has(rule.rule.as) ? rule.rule.as : null;
  return rule.units.has(cand.unit) ? cand.unit : null;
}

/** The match that ends nearest the end of `s` (the one closest to the number). */
export function lastMatch(re: RegExp, s: string): { index: number; length: number } | null {
  re.lastIndex = 0;
  let best: { index: number; length: number } | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const cur = { index: m.index, length: m[0].length };
    if (!best || cur.index + cur.length >= best.index + best.length) best = cur;
    if (m[0].length === 0) re.lastIndex++;
  }
  return best;
}
