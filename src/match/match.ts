/**
 * Ties candidates to indicator keys. For each candidate every rule is tried against the clause
 * windows; the best-scoring rule wins:
 *   - an `after` match (the counted noun right after the number) is the strongest evidence,
 *     and a longer one (noun plus predicate) beats a shorter one,
 *   - a `before` match counts less the farther it ends from the number, and much less when an
 *     earlier number stands between it and this one (it more likely describes that number),
 *   - `priority` breaks deliberate ties (a specific key over its generic parent).
 */
import { UNITS, type Candidate, type Unit } from '../candidates/types.js';
import type { CompiledRule, RuleSet } from '../rules/ruleset.js';
import { foldDiacritics } from '../normalize/diacritics.js';
import type { Windows } from './windows.js';
import { ClauseMemo, type Hit } from './clause.js';
import { LiteralScanner } from './literal-scanner.js';
import { afterMatchesLabel, type Label } from './label.js';

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
  /** The `label:` this number follows, when it is written as a list item (see label.ts). */
  label?: Label | null;
}

export function matchCandidate(cand: Candidate, win: Windows, ctx: MatchContext, ruleSet: RuleSet): RuleMatch | null {
  // A change is only read by rules whose indicator is a change.
  const changeOnly = cand.measure === 'increase' || cand.measure === 'decrease';
  // The catalog's ranks are among all provinces; a regional rank is a statistic without a key.
  if (cand.regional) return null;
  let best: RuleMatch | null = null;
  for (const rule of passingRules(ruleSet, cand, ctx.memo)) {
    if (changeOnly && !rule.rule.reads_change) continue;
    const m = tryRule(rule, cand, win, ctx);
    if (m && (!best || m.score > best.score)) best = m;
  }
  return best;
}

/** One rule against one candidate; `rule` comes from `passingRules`, so its literal gates hold. */
function tryRule(rule: CompiledRule, cand: Candidate, win: Windows, ctx: MatchContext): RuleMatch | null {
  const unit = unitFor(rule, cand);
  if (!unit) return null;
  let text = ctx.text;
  let memo = ctx.memo;
  if (rule.rule.fold === 'diacritics') {
    text = ctx.foldedText ??= foldDiacritics(ctx.text);
    memo = ctx.foldedMemo ??= new ClauseMemo(text, ctx.memo.start, ctx.memo.end);
  }
  const rightLimit = rule.rule.crosses_numbers ? win.rightEnd : Math.min(win.rightEnd, ctx.nextCandidateStart);

  let score = rule.rule.priority * 1000;
  let start = cand.start;
  let end = cand.end;
  let beforeStart: number | null = null;
  // The anchored `after` test is the cheapest (one position), so it runs first; `before`
  // patterns are searched once per clause and memoized.
  // Sticky patterns run on the text cut at the clause end: a lazy gap (`[^;\d]{0,60}?`) that
  // found its words only in the next sentence would fail the rule, when a shorter match inside
  // the clause exists. (The character after a clause is never a letter or digit, so the
  // patterns' closing word edge reads the same at the cut.)
  const clauseText = cutAt(text, win.clauseEnd);
  if (rule.after) {
    const m = stickyAt(rule.after, clauseText, cand.end);
    if (m && cand.end + m.length <= rightLimit) {
      if (deniedFor(rule, text, cand.end, cand.end + m.length)) return null;
      score += 400 + Math.min(m.trimmed, 100);
      end = cand.end + m.length;
    } else {
      // `Số tài khoản VNeID đã kích hoạt: 650.000`: the counted noun is the label before it.
      const labelled = ctx.label ? afterMatchesLabel(rule.after, text, ctx.label) : null;
      if (labelled === null || deniedFor(rule, text, ctx.label!.start, ctx.label!.end)) return null;
      score += 400 + Math.min(labelled, 100);
      start = ctx.label!.start;
    }
  }
  let before: Hit | null = null;
  if (rule.before) {
    before = findBefore(rule.before, rule.rule.before!, memo, text, win.leftStart, cand.start);
    if (!before) return null;
  }
  if (before) {
    if (deniedFor(rule, text, before.index, before.end)) return null;
    const length = before.end - before.index;
    const distance = cand.start - before.end;
    beforeStart = before.index;
    score += 200 - Math.min(distance, 190) + Math.min(length, 60) / 2;
    if (beforeStart < ctx.prevCandidateEnd) score -= 250;
    start = Math.min(start, beforeStart);
  }
  if (rule.notAfter) {
    const m = stickyAt(rule.notAfter, clauseText, cand.end);
    if (m && cand.end + m.length <= win.rightEnd) return null;
  }
  if (rule.context && memo.matches(rule.context).length === 0) return null;
  if (rule.notBefore && findBefore(rule.notBefore, rule.rule.not_before!, memo, text, win.leftStart, cand.start)) return null;
  return { rule, unit, score, start, end, beforeStart, hasAfter: rule.after !== undefined };
}

// The last cut, reused by every rule tried on the same number.
let cutWhole = '';
let cutEnd = -1;
let cutText = '';

function cutAt(text: string, end: number): string {
  if (end >= text.length) return text;
  if (end !== cutEnd || text !== cutWhole) {
    cutWhole = text;
    cutEnd = end;
    cutText = text.slice(0, end);
  }
  return cutText;
}

// `chưa có`, `không có`: the evidence states a deficit. Only rules whose own patterns speak of one
// (the `…_without_…` keys) may read it; the others would flip the number's meaning. Words that
// merely contain `không` (`không gian mạng`, `không dùng tiền mặt`) are not negations.
const NEGATION = /(?<![\p{L}])(?:chưa|không)(?![\p{L}])(?! (?:gian|dây|khí|chỉ|ngừng|dùng tiền mặt|tiền mặt|giấy)(?![\p{L}]))/iu;
const readsNegation = new WeakMap<CompiledRule, boolean>();

/** Whether the matched evidence text[from, to) negates what this rule counts. */
function deniedFor(rule: CompiledRule, text: string, from: number, to: number): boolean {
  let own = readsNegation.get(rule);
  if (own === undefined) {
    own = NEGATION.test(`${rule.rule.after ?? ''} ${rule.rule.before ?? ''}`);
    readsNegation.set(rule, own);
  }
  return !own && NEGATION.test(text.slice(from, to));
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

/** Per rule set: rules by candidate kind, and which rules each gate literal lets through. */
interface RuleIndex {
  /** Rule numbers (positions in `ruleSet.rules`) per candidate kind, in rule-set order. */
  byKind: Map<string, Int32Array>;
  scanner: LiteralScanner;
  /** Per literal id: the rules whose (single) gate it satisfies. */
  rulesOfLiteral: number[][];
  /** Rules that pass without any literal: no gate. */
  ungated: number[];
  /** Rules with several gates (all must pass): checked one by one. */
  multiGate: { rule: number; gates: number[][] }[];
  /** Whether any rule reads numbers set aside as changes (`reads_change`). */
  readsChanges: boolean;
}

const indexes = new WeakMap<RuleSet, RuleIndex>();

export function ruleIndex(ruleSet: RuleSet): RuleIndex {
  let index = indexes.get(ruleSet);
  if (index) return index;
  const rules = ruleSet.rules;
  const numbers = (pred: (r: CompiledRule) => boolean) => rules.flatMap((r, i) => (pred(r) ? [i] : []));
  const byKind = new Map<string, Int32Array>();
  for (const unit of UNITS) {
    const own = numbers((r) => r.units.has(unit as Unit));
    byKind.set(unit, Int32Array.from(own));
    // A bare number (nothing after it) may also be read as a score or rank by rules saying `as:`;
    // those come after the unit's own rules, in rule-set order.
    const as = numbers((r) => r.rule.as === 'score').concat(numbers((r) => r.rule.as === 'rank'));
    byKind.set(`bare+${unit}`, Int32Array.from(new Set([...own, ...as])));
  }
  const literals: string[] = [];
  const idOf = new Map<string, number>();
  const litId = (lit: string) => {
    let id = idOf.get(lit);
    if (id === undefined) {
      id = literals.length;
      literals.push(lit);
      idOf.set(lit, id);
    }
    return id;
  };
  const rulesOfLiteral: number[][] = [];
  const ungated: number[] = [];
  const multiGate: RuleIndex['multiGate'] = [];
  rules.forEach((rule, i) => {
    const gates = rule.gates.map((gate) => gate.map(litId));
    if (gates.length === 0) ungated.push(i);
    else if (gates.length > 1) multiGate.push({ rule: i, gates });
    else for (const id of new Set(gates[0])) (rulesOfLiteral[id] ??= []).push(i);
  });
  index = { byKind, scanner: new LiteralScanner(literals), rulesOfLiteral, ungated, multiGate, readsChanges: rules.some((r) => r.rule.reads_change) };
  indexes.set(ruleSet, index);
  return index;
}

/** Whether any rule reads numbers set aside as changes (`reads_change`); known once per rule set. */
export function readsChanges(ruleSet: RuleSet): boolean {
  return ruleIndex(ruleSet).readsChanges;
}

/** The gate-literal scanner of a rule set (for `ClauseMemo`). */
export function literalScanner(ruleSet: RuleSet): LiteralScanner {
  return ruleIndex(ruleSet).scanner;
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
  const all = index.byKind.get(kind) ?? new Int32Array(0);
  list = [];
  const open = (memo.openRules ??= openRules(index, ruleSet.rules.length, memo));
  for (const i of all) if (open[i] === 1) list.push(ruleSet.rules[i]!);
  memo.passing.set(kind, list);
  return list;
}

/** Per rule number, 1 when the rule's gates pass in the clause. */
function openRules(index: RuleIndex, count: number, memo: ClauseMemo): Uint8Array {
  const open = new Uint8Array(count);
  for (const i of index.ungated) open[i] = 1;
  for (const id of memo.literalsPresent()) for (const i of index.rulesOfLiteral[id] ?? []) open[i] = 1;
  for (const { rule, gates } of index.multiGate) {
    if (gates.every((gate) => gate.some((id) => memo.hasLiteral(id)))) open[rule] = 1;
  }
  return open;
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
