/**
 * Stage 3: `lần lượt` lists take their subjects in order: the keys the subject phrases name as
 * frames, else as rules' patterns (`src/refine/respectively.ts`).
 */
import type { Candidate, Unit } from '../../candidates/types.js';
import { framesRespectively, type ArticleConcepts, type CompiledFrame } from '../../frames/frames.js';
import { frameRule } from '../../frames/rule.js';
import { assignRespectively } from '../../refine/respectively.js';
import type { Document } from '../document.js';

export function readLists(doc: Document): void {
  const { text, cands, matches, outcomes, sentences, sentenceOf, clauses, live, opts, concepts } = doc;
  for (const group of listGroups(text, cands, live, sentenceOf)) {
    const first = cands[group[0]!]!;
    const win = clauses.windows(sentences[sentenceOf[group[0]!]!]!, first.start, first.end);
    const byFrames = concepts ? respectivelyByFrames(text, concepts, cands, group, win.leftStart) : null;
    if (byFrames) {
      for (const a of byFrames) {
        matches[a.candidate] = { rule: frameRule(a.frame), unit: a.unit, score: 0, start: a.start, end: cands[a.candidate]!.end, beforeStart: a.start, hasAfter: false };
        outcomes[a.candidate] = { kind: 'record', rule: frameRule(a.frame).rule.id, via: 'respectively' };
      }
      continue;
    }
    const assigned = assignRespectively(text, cands, group, win.leftStart, opts.ruleSet.rules);
    for (const a of assigned ?? []) {
      const c = cands[a.candidate]!;
      matches[a.candidate] = { rule: a.rule, unit: c.unit, score: 0, start: a.start, end: c.end, beforeStart: a.start, hasAfter: false };
      outcomes[a.candidate] = { kind: 'record', rule: a.rule.rule.id, via: 'respectively' };
    }
  }
}

/** A `lần lượt` group keyed by the frames its subject phrases name, or null (see framesRespectively). */
function respectivelyByFrames(text: string, concepts: ArticleConcepts, cands: Candidate[], group: number[], clauseStart: number) {
  const first = cands[group[0]!]!;
  // The subjects follow the number before the list (`… đứng thứ 29, còn kinh tế số và xã hội số
  // lần lượt xếp thứ 52 và 48`): what precedes it is that number's statement.
  let leftStart = clauseStart;
  for (let ci = group[0]! - 1; ci >= 0; ci--) {
    const c = cands[ci]!;
    if (c.end <= clauseStart) break;
    if (!c.excluded && c.end <= first.start) {
      leftStart = c.end;
      break;
    }
  }
  const at = text.slice(leftStart, first.start).search(/lần lượt|tương ứng/iu);
  if (at < 0) return null;
  const parts = framesRespectively(concepts, leftStart, leftStart + at, first.unit, group.length);
  if (!parts) return null;
  const out: { candidate: number; frame: CompiledFrame; unit: Unit; start: number }[] = [];
  for (const [k, ci] of group.entries()) {
    const c = cands[ci]!;
    const f = parts[k]!.frame;
    const unit = f.units.has(c.unit) ? c.unit : c.bare && f.as ? f.as : null;
    if (!unit) return null;
    out.push({ candidate: ci, frame: f, unit, start: parts[k]!.start });
  }
  return out;
}

/** Runs of live candidates joined only by `,` / `và`, after a `lần lượt` (or `tương ứng`). */
function listGroups(text: string, cands: Candidate[], live: number[], sentenceOf: number[]): number[][] {
  const groups: number[][] = [];
  let cur: number[] = [];
  const flush = () => {
    if (cur.length > 1) groups.push(cur);
    cur = [];
  };
  for (const ci of live) {
    const prev = cur[cur.length - 1];
    if (prev !== undefined && sentenceOf[prev] === sentenceOf[ci] && /^\s*(?:,|và|,\s*và)\s*(?:(?:đạt|là|xếp thứ|đứng thứ|thứ|hạng)\s+)?$/iu.test(text.slice(cands[prev]!.end, cands[ci]!.start))) {
      cur.push(ci);
      continue;
    }
    flush();
    const before = text.slice(Math.max(0, cands[ci]!.start - 40), cands[ci]!.start);
    if (/lần lượt|tương ứng/iu.test(before)) cur = [ci];
  }
  flush();
  return groups;
}

