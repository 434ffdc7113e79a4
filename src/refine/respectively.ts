/**
 * `Tỷ lệ hồ sơ trực tuyến và tỷ lệ hồ sơ giải quyết đúng hạn lần lượt đạt 68,5% và 98,7%`:
 * numbers after `lần lượt` map, in order, to the subjects named before it. When the clause
 * before `lần lượt` holds as many distinct indicator phrases (rules' `before` patterns) as
 * there are numbers in the list, each number takes the indicator at its position.
 */
import type { Candidate } from '../candidates/types.js';
import type { CompiledRule } from '../rules/ruleset.js';

const RESPECTIVELY = /lần lượt/iu;

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
  // The earliest-ending distinct phrase per indicator, then ordered by position.
  const found = new Map<string, { rule: CompiledRule; index: number; end: number }>();
  for (const rule of rules) {
    if (!rule.before || !rule.units.has(first.unit) || rule.after) continue;
    rule.before.lastIndex = 0;
    const m = rule.before.exec(subjectText);
    if (!m) continue;
    const key = rule.rule.indicator;
    const cur = found.get(key);
    const end = m.index + m[0].length;
    // Prefer the longest phrase that starts at the same place (the most specific key).
    if (!cur || m.index < cur.index || (m.index === cur.index && end > cur.end)) found.set(key, { rule, index: m.index, end });
  }
  // Drop phrases nested inside a longer one (`dịch vụ công trực tuyến` inside `… toàn trình`).
  const phrases = [...found.values()].filter((p) => ![...found.values()].some((q) => q !== p && q.index <= p.index && q.end >= p.end && q.end - q.index > p.end - p.index));
  phrases.sort((a, b) => a.index - b.index);
  if (phrases.length !== group.length) return null;
  return group.map((ci, k) => ({ candidate: ci, rule: phrases[k]!.rule, start: leftStart + phrases[k]!.index }));
}
