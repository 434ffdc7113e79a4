/**
 * Ties candidates to indicator keys. For each candidate every rule is tried against the clause
 * windows; the best-scoring rule wins:
 *   - an `after` match (the counted noun right after the number) is the strongest evidence,
 *   - a `before` match counts less the farther it ends from the number,
 *   - a rule that matches on both sides beats one that matches on one,
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
}

export interface MatchContext {
  text: string;
  foldedText?: string; // built lazily for `fold: diacritics` rules
  /** Start of the next live candidate after this one (where `after` must stop). */
  nextCandidateStart: number;
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
  if (rule.after) {
    const m = rule.after.exec(right);
    if (!m) return null;
    score += 500 + Math.min(m[0].length, 80) / 8;
    end = cand.end + m[0].trimEnd().length;
  }
  if (rule.before) {
    const m = lastMatch(rule.before, left);
    if (!m) return null;
    const distance = left.length - (m.index + m.length);
    score += 300 - Math.min(distance, 290) + Math.min(m.length, 80) / 8;
    start = win.leftStart + m.index;
  }
  if (rule.after && rule.before) score += 100;
  if (rule.notAfter && rule.notAfter.test(right)) return null;
  if (rule.notBefore && lastMatch(rule.notBefore, left)) return null;
  return { rule, unit, score, start, end };
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
