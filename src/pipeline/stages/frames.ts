/**
 * Stage 2: concept frames (`src/frames`). A number takes the key whose frame its statement
 * fills; `chooseFrame` says when a frame overrides a rule, and the catalog's own phrases read a
 * number nothing else reads.
 */
import { chooseFrame, indexNamedIn, matchFrames, matchPhrase, siblingFrame, type CompiledFrame } from '../../frames/frames.js';
import { frameRule } from '../../frames/rule.js';
import { RESTATES } from '../../refine/links.js';
import { isChange, type Document } from '../document.js';

export function readFrames(doc: Document): void {
  const { text, cands, matches, sentences, sentenceOf, clauses, live, opts, concepts, frameTraces } = doc;
  if (concepts) {
    // Every number that states something bounds its neighbours' statements, changes included.
    const stated = cands.map((_, i) => i).filter((i) => !cands[i]!.excluded && sentenceOf[i]! >= 0);
    const at = new Map(stated.map((ci, k) => [ci, k]));
    const unnamedRanks: [number, number][] = [];
    live.forEach((ci) => {
      const c = cands[ci]!;
      // A rank within a region is not the catalog's rank among all provinces.
      if (c.regional) return;
      const k = at.get(ci)!;
      const clause = clauses.clause(sentences[sentenceOf[ci]!]!, c.start);
      const inClause = (j: number | undefined) => (j !== undefined && sentenceOf[j] === sentenceOf[ci] && cands[j]!.start >= clause.start && cands[j]!.end <= clause.end ? cands[j]! : null);
      const prev = inClause(stated[k - 1]);
      const next = inClause(stated[k + 1]);
      const query = {
        start: c.start, end: c.end, unit: c.unit, bare: c.bare, clauseStart: clause.start, clauseEnd: clause.end, prev, next,
        nextNextStart: inClause(stated[k + 2])?.start ?? null, prevPrevEnd: inClause(stated[k - 2])?.end ?? null,
        prevChange: prev !== null && isChange(prev),
      };
      const blocked = new Set<string>();
      const filled = matchFrames(concepts, query, blocked);
      const rule = matches[ci];
      let ruleKey = rule?.rule.rule.indicator ?? null;
      // A rule read past the words when its key's frame the statement fills but for a concept that
      // marks another key or the opposite (`tỷ lệ hồ sơ trễ hạn` for on-time dossiers), or when its
      // evidence before the number lies before the number before it (`tập huấn … cho 4.215 lượt
      // người, đồng thời phổ cập kỹ năng số cho hơn 35.000 lượt người dân`: another number's
      // statement) while a frame this number's own words fill stands.
      const vetoed = ruleKey !== null && blocked.has(ruleKey) && !filled.some((m) => m.frame.key === ruleKey);
      const readAnother = !!rule && rule.beforeStart !== null && prev !== null && rule.beforeStart < prev.start && filled.length > 0;
      if (ruleKey && (vetoed || readAnother)) {
        matches[ci] = null;
        ruleKey = null;
      }
      let fm = chooseFrame(filled, ruleKey, c.unit);
      // No frame and no rule: the catalog's own phrase for a key, if the number's words hold one.
      const byPhrase = !fm && !ruleKey && filled.length === 0 ? matchPhrase(concepts, query) : null;
      if (byPhrase) fm = byPhrase;
      // A share whose subject only the number before it lends (`1.245/1.312 tổ …, đạt 94,9%`)
      // restates that number: its key comes from it (the companion link), not from a frame.
      if (fm?.inherited && !ruleKey && prev && matches[stated[k - 1]!] && RESTATES.test(text.slice(prev.end, c.start))) fm = null;
      if (opts.trace) {
        frameTraces[ci] = {
          concepts: concepts.conceptsNear(c.start, c.end), ruleKey, chosen: fm?.frame.key ?? null,
          filled: filled.map((m) => ({ key: m.frame.key, score: m.score, why: m.why })),
        };
      }
      if (fm) matches[ci] = { rule: frameRule(fm.frame), unit: fm.unit, score: fm.score, start: Math.min(fm.start, c.start), end: Math.max(fm.end, c.end), beforeStart: null, hasAfter: fm.end > c.end };
      else if (!matches[ci] && prev && isIndexUnit(prev.unit) && isIndexUnit(c.unit)) indexOfNumberBefore(doc, ci, stated[k - 1]!);
      if (!matches[ci] && !prev && isIndexUnit(c.unit)) indexOfSentenceBefore(doc, ci);
      if (byPhrase && frameTraces[ci]) frameTraces[ci]!.via = byPhrase.why;
      if (next && !matches[ci] && isIndexUnit(c.unit)) unnamedRanks.push([ci, stated[k + 1]!]);
    });
    // A rank or score nothing names, followed in its clause by one of the same unit that is keyed
    // with nothing named between them, is of the same index: `tỉnh xếp thứ 34, năm 2022 xếp thứ
    // 22 và năm 2023 vươn lên vị trí thứ 11 về chỉ số chuyển đổi số` (the index named once, last).
    for (let k = unnamedRanks.length - 1; k >= 0; k--) {
      const [ci, ni] = unnamedRanks[k]!;
      const c = cands[ci]!;
      const n = cands[ni]!;
      const lender = matches[ni];
      if (matches[ci] || !lender || n.unit !== c.unit || concepts.namesBetween(c.end, n.start)) continue;
      matches[ci] = { ...lender, unit: c.unit, start: c.start, end: c.end };
      if (frameTraces[ci]) Object.assign(frameTraces[ci]!, { chosen: lender.rule.rule.indicator, via: `the ${c.unit} after it (nothing named between them)` });
    }
  }
}

/**
 * A rank or score that nothing names, right after one of the same kind with nothing named
 * between them (`từ vị trí 38 lên vị trí 31`), is of the same index; a score right after a rank
 * (`đứng thứ nhất toàn quốc với 0,6961 điểm`) is that index's score: the key whose frame is the
 * rank key's in the other unit.
 */
function indexOfNumberBefore(doc: Document, ci: number, pi: number): void {
  const { cands, matches, concepts, frameTraces } = doc;
  const c = cands[ci]!;
  const prev = cands[pi]!;
  const lender = matches[pi];
  if (!lender || concepts!.namesBetween(prev.end, c.start)) return;
  const rule = prev.unit === c.unit ? lender.rule : frameOrNull(siblingFrame(concepts!.set, lender.rule.rule.indicator, c.unit));
  if (!rule) return;
  matches[ci] = { ...lender, rule, unit: c.unit, start: c.start, end: c.end };
  if (frameTraces[ci]) Object.assign(frameTraces[ci]!, { chosen: rule.rule.indicator, via: `the ${prev.unit} before it (nothing named between them)` });
}

const frameOrNull = (f: CompiledFrame | null) => (f ? frameRule(f) : null);

/**
 * A rank or score that opens a sentence naming nothing takes the index the sentence before
 * names (`… công bố Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2023. Theo đó, tỉnh xếp thứ 5/63`);
 * not when its own sentence names anything, or an index chiso does not know (`Chỉ số năng lực
 * cạnh tranh cấp tỉnh (PCI) … đạt 66,25 điểm`).
 */
function indexOfSentenceBefore(doc: Document, ci: number): void {
  const { text, cands, matches, sentences, sentenceOf, concepts, frameTraces } = doc;
  const c = cands[ci]!;
  const si = sentenceOf[ci]!;
  const sentence = sentences[si]!;
  const before = si > 0 ? sentences[si - 1]! : null;
  if (!before || sentence.start - before.end >= 3 || concepts!.namesBetween(sentence.start, sentence.end) || NAMES_AN_INDEX.test(text.slice(sentence.start, c.start))) return;
  const f = indexNamedIn(concepts!, before.start, before.end, c.unit);
  if (!f) return;
  matches[ci] = { rule: frameRule(f), unit: c.unit, score: 0, start: c.start, end: c.end, beforeStart: null, hasAfter: false };
  if (frameTraces[ci]) Object.assign(frameTraces[ci]!, { chosen: f.key, via: 'the index the sentence before names' });
}

const isIndexUnit = (u: string) => u === 'rank' || u === 'score';
const NAMES_AN_INDEX = /chỉ số|index|\b(?:PCI|PAPI|GII)\b/iu;
