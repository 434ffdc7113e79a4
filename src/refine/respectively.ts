/**
 * `Tỷ lệ hồ sơ trực tuyến và tỷ lệ hồ sơ giải quyết đúng hạn lần lượt đạt 68,5% và 98,7%`:
 * numbers after `lần lượt` map, in order, to the subjects named before it. When the clause
 * before `lần lượt` holds as many distinct indicator phrases (rules' `before` patterns) as
 * there are numbers in the list, each number takes the indicator at its position.
 */
import type { Candidate } from '../candidates/types.js';
import type { CompiledRule } from '../rules/ruleset.js';

const RESPECTIVELY = /lần lượt|tương ứng/iu;

export interface RespectiveAssignment {
  candidate: number; // index into the candidate list
  rule: CompiledRule;
  start: number; // evidence start in normalized text
}

export function assignRespectively(
  text: string, cands: Candidate[], group: number[], leftStart: number, rules: CompiledRule[],
): RespectiveAssignment[] | null {
  const first = cands[group[0]!]!;
  const left = text.slice(leftStart, first.start);
  const at = left.search(RESPECTIVELY);
  if (at < 0 || group.length < 2) return null;
  const subjectText = left.slice(0, at);
  const lower = subjectText.toLowerCase();
  // The subjects are what the rules' `before` patterns name; failing that, their `after`
  // patterns too (`Số thuê bao di động và thuê bao internet … lần lượt là …`: counted nouns).
  let phrases = subjectPhrases(subjectText, lower, first, rules, (r) => r.before !== undefined && !r.after);
  if (phrases.length !== group.length) phrases = subjectPhrases(subjectText, lower, first, rules, (r) => !(r.before && r.after));
  if (phrases.length !== group.length) return null;
  return group.map((ci, k) => ({ candidate: ci, rule: phrases[k]!.rule, start: leftStart + phrases[k]!.index }));
}

interface Phrase {
  rule: CompiledRule;
  index: number;
  end: number;
}

/** Distinct indicator phrases in the subject text, in order, by the patterns `use` picks. */
function subjectPhrases(subjectText: string, lower: string, first: Candidate, rules: CompiledRule[], use: (r: CompiledRule) => boolean): Phrase[] {
  // The earliest-ending distinct phrase per indicator, then ordered by position.
  const found = new Map<string, Phrase>();
  for (const rule of rules) {
    const re = rule.before && !rule.after ? rule.before : rule.after;
    if (!re || !use(rule) || !rule.units.has(first.unit)) continue;
    if (!rule.gates.every((gate) => gate.some((lit) => lower.includes(lit)))) continue; // cannot match
    const m = shortestMatch(re, subjectText);
    if (!m) continue;
    const key = rule.rule.indicator;
    const cur = found.get(key);
    const end = m.index + m.length;
    // Prefer the longest phrase that starts at the same place (the most specific key).
    if (!cur || m.index < cur.index || (m.index === cur.index && end > cur.end)) found.set(key, { rule, index: m.index, end });
  }
  // Drop phrases nested inside a longer one (`dịch vụ công trực tuyến` inside `… toàn trình`).
  const phrases = [...found.values()].filter((p) => ![...found.values()].some((q) => q !== p && q.index <= p.index && q.end >= p.end && q.end - q.index > p.end - p.index));
  return phrases.sort((a, b) => a.index - b.index);
}

const stickyCache = new WeakMap<RegExp, RegExp>();

/** The shortest match of `re` in `s` (patterns with gaps otherwise swallow a neighbour's phrase). */
function shortestMatch(re: RegExp, s: string): { index: number; length: number } | null {
  let sticky = stickyCache.get(re);
  if (!sticky) {
    sticky = new RegExp(re.source, re.flags.replace(/[gy]/g, '') + 'y');
    stickyCache.set(re, sticky);
  }
  let best: { index: number; length: number } | null = null;
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && /[\p{L}\p{N}]/u.test(s[i - 1]!)) continue; // word starts only
    sticky.lastIndex = i;
    const m = sticky.exec(s);
    if (m && (!best || m[0].length < best.length)) best = { index: i, length: m[0].length };
  }
  return best;
}
