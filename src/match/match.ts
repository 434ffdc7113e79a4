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
import { ClauseMemo, type Hit } from './clause.js';
import { LiteralScanner, type Occurrences } from './literal-scanner.js';

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
  /** `before` matches of the current clause, memoized; `foldedMemo` for `fold: diacritics` rules. */
  memo: ClauseMemo;
  foldedMemo?: ClauseMemo;
  foldedText?: string;
  /** Start of the next live candidate after this one (where `after` must stop). */
  nextCandidateStart: number;
  /** End of the previous number's statement (number or its evidence) in the clause, -1 if none. */
  prevCandidateEnd: number;
}

export function matchCandidate(cand: Candidate, win: Windows, ctx: MatchContext, ruleSet: RuleSet): RuleMatch | null {
  let best: RuleMatch | null = null;
  for (const rule of passingRules(ruleSet, cand, ctx.memo)) {
    const m = tryRule(rule, cand, win, ctx);
    if (m && (!best || m.score > best.score)) best = m;
  }
  return best;
}

export function tryRule(rule: CompiledRule, cand: Candidate, win: Windows, ctx: MatchContext): RuleMatch | null {
  const unit = unitFor(rule, cand);
  if (!unit) return null;
  let text = ctx.text;
  let memo = ctx.memo;
  if (rule.rule.fold === 'diacritics') {
    text = ctx.foldedText ??= foldDiacritics(ctx.text);
    memo = ctx.foldedMemo ??= new ClauseMemo(text, ctx.memo.start, ctx.memo.end);
  }
  if (!memo.scanned && !memo.passes(rule.gates)) return null; // `passingRules` checked scanned clauses
  const rightLimit = rule.rule.crosses_numbers ? win.rightEnd : Math.min(win.rightEnd, ctx.nextCandidateStart);

  let score = rule.rule.priority * 1000;
  let start = cand.start;
  let end = cand.end;
  let beforeStart: number | null = null;
  // The anchored `after` test is the cheapest (one position), so it runs first; `before`
  // patterns are searched once per clause and memoized.
  if (rule.after) {
    const m = stickyAt(rule.after, text, cand.end);
    if (!m || cand.end + m.length > rightLimit) return null;
    score += 400 + Math.min(m.trimmed, 100);
    end = cand.end + m.length;
  }
  let before: Hit | null = null;
  if (rule.before) {
    before = findBefore(rule.before, rule.rule.before!, memo, text, win.leftStart, cand.start);
    if (!before) return null;
  }
  if (before) {
    const length = before.end - before.index;
    const distance = cand.start - before.end;
    beforeStart = before.index;
    score += 200 - Math.min(distance, 190) + Math.min(length, 60) / 2;
    if (beforeStart < ctx.prevCandidateEnd) score -= 250;
    start = beforeStart;
  }
  if (rule.notAfter) {
    const m = stickyAt(rule.notAfter, text, cand.end);
    if (m && cand.end + m.length <= win.rightEnd) return null;
  }
  if (rule.context && memo.matches(rule.context).length === 0) return null;
  if (rule.notBefore && findBefore(rule.notBefore, rule.rule.not_before!, memo, text, win.leftStart, cand.start)) return null;
  return { rule, unit, score, start, end, beforeStart, hasAfter: rule.after !== undefined };
}

/** Runs a sticky pattern at `at`; returns the matched length (trailing space trimmed) or null. */
function stickyAt(re: RegExp, text: string, at: number): { length: number; trimmed: number } | null {
  re.lastIndex = at;
  const m = re.exec(text);
  if (!m) return null;
  const length = m[0].trimEnd().length;
  return { length, trimmed: m[0].trim().length };
}

function unitFor(rule: CompiledRule, cand: Candidate): Unit | null {
  if (cand.bare && rule.rule.as) return rule.units.has(rule.rule.as) ? rule.rule.as : null;
  return rule.units.has(cand.unit) ? cand.unit : null;
}

/** Per rule set: rules by candidate kind, and the gate literals as scanner ids. */
interface RuleIndex {
  byKind: Map<string, CompiledRule[]>;
  scanner: LiteralScanner;
  /** Per rule: one list of literal ids per gate (a gate passes when any of its ids occurs). */
  gateIds: Map<CompiledRule, number[][]>;
}

const indexes = new WeakMap<RuleSet, RuleIndex>();

export function ruleIndex(ruleSet: RuleSet): RuleIndex {
  let index = indexes.get(ruleSet);
  if (index) return index;
  const byUnit = new Map<string, CompiledRule[]>();
  for (const rule of ruleSet.rules) {
    for (const u of rule.units) byUnit.set(u, [...(byUnit.get(u) ?? []), rule]);
    if (rule.rule.as) byUnit.set(`bare:${rule.rule.as}`, [...(byUnit.get(`bare:${rule.rule.as}`) ?? []), rule]);
  }
  const byKind = new Map<string, CompiledRule[]>();
  for (const unit of ['count', 'percent', 'fraction', 'vnd', 'rank', 'score']) {
    byKind.set(unit, byUnit.get(unit) ?? []);
    // A bare number (nothing after it) may also be read as a score or rank by rules saying `as:`.
    byKind.set(`bare+${unit}`, [...new Set([...(byUnit.get(unit) ?? []), ...(byUnit.get('bare:score') ?? []), ...(byUnit.get('bare:rank') ?? [])])]);
  }
  const literals: string[] = [];
  const idOf = new Map<string, number>();
  const gateIds = new Map<CompiledRule, number[][]>();
  for (const rule of ruleSet.rules) {
    gateIds.set(rule, rule.gates.map((gate) => gate.map((lit) => {
      let id = idOf.get(lit);
      if (id === undefined) {
        id = literals.length;
        literals.push(lit);
        idOf.set(lit, id);
      }
      return id;
    })));
  }
  index = { byKind, scanner: new LiteralScanner(literals), gateIds };
  indexes.set(ruleSet, index);
  return index;
}

/** Gate literal occurrences of a text, for `ClauseMemo` (one scan per article). */
export function scanLiterals(ruleSet: RuleSet, text: string): { occurrences: Occurrences; count: number } {
  const { scanner } = ruleIndex(ruleSet);
  return { occurrences: scanner.scan(text), count: scanner.literals.length };
}

/**
 * The rules worth trying on this candidate: those that read its unit and whose literal gates
 * pass in its clause — computed once per clause and kind, so most rules never reach a regex.
 */
function passingRules(ruleSet: RuleSet, cand: Candidate, memo: ClauseMemo): CompiledRule[] {
  const kind = cand.bare ? `bare+${cand.unit}` : cand.unit;
  let list = memo.passing.get(kind);
  if (list) return list;
  const index = ruleIndex(ruleSet);
  const all = index.byKind.get(kind) ?? [];
  list = memo.scanned
    ? all.filter((rule) => index.gateIds.get(rule)!.every((gate) => gate.some((id) => memo.hasLiteral(id))))
    : all.filter((rule) => memo.passes(rule.gates));
  memo.passing.set(kind, list);
  return list;
}

/**
 * The nearest `before` match ending at or before `pos`. A pattern that pins itself to the
 * number with `$` (`phủ sóng thêm\s*$`) is run on the exact left window; any other pattern
 * is looked up in the clause memo.
 */
function findBefore(re: RegExp, source: string, memo: ClauseMemo, text: string, from: number, pos: number): Hit | null {
  if (!source.includes('$')) return memo.lastBefore(re, from, pos);
  const left = text.slice(from, pos);
  re.lastIndex = 0;
  let best: Hit | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(left))) {
    best = { index: from + m.index, end: from + m.index + m[0].length };
    if (m[0].length === 0) re.lastIndex++;
  }
  return best;
}
