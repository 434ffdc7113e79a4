/**
 * Stages 4 and 5: numbers inside another record's evidence are part of it; then neighbours
 * lend their key (`src/refine/links.ts`): coordinated lists, a measure named again, companions
 * (share ↔ count), values listed after a statement.
 */
import { anaphoraLink, companionLink, coordinationLink } from '../../refine/links.js';
import { placeListLink } from '../../refine/place-list.js';
import { lend, type Document } from '../document.js';

/** `7/8 huyện … thành lập 100% tổ …`: the 100% is part of the fraction's statement. */
export function absorbNested(doc: Document): void {
  const { cands, matches, outcomes, live } = doc;
  for (const ci of live) {
    const m = matches[ci];
    if (!m || !m.rule.rule.crosses_numbers || !m.rule.rule.consumes) continue;
    for (const cj of live) {
      if (cj !== ci && cands[cj]!.start >= m.start && cands[cj]!.end <= m.end && outcomes[cj]?.kind !== 'consumed') {
        matches[cj] = null;
        outcomes[cj] = { kind: 'consumed', by: m.rule.rule.id };
      }
    }
  }
}

export function lendKeys(doc: Document): void {
  const { text, cands, matches, outcomes, sentenceOf, live } = doc;
  const alive = live.filter((ci) => outcomes[ci]?.kind !== 'consumed');
  for (let k = alive.length - 1; k > 0; k--) {
    const [a, b] = [alive[k - 1]!, alive[k]!];
    if (sentenceOf[a] !== sentenceOf[b]) continue;
    if (coordinationLink(text, cands[a]!, cands[b]!, matches[a]!, matches[b]!)) {
      lend(doc, a, b, 'coordination');
    }
  }
  for (let k = 1; k < alive.length; k++) {
    const [a, b] = [alive[k - 1]!, alive[k]!];
    if (sentenceOf[a] !== sentenceOf[b] || !anaphoraLink(text, cands[a]!, cands[b]!, matches[a]!, matches[b]!)) continue;
    lend(doc, b, a, 'anaphora');
  }
  for (let k = 1; k < alive.length; k++) {
    const [a, b] = [alive[k - 1]!, alive[k]!];
    if (sentenceOf[a] !== sentenceOf[b]) continue;
    const dir = companionLink(text, cands[a]!, cands[b]!, matches[a]!, matches[b]!);
    if (dir === 'forward') {
      lend(doc, b, a, 'companion');
    } else if (dir === 'backward') {
      lend(doc, a, b, 'companion');
    }
  }

  // Values listed after a statement (`… đạt 92,1%, trong đó huyện Mèo Vạc 85,4%`) take its key.
  for (let k = 1; k < alive.length; k++) {
    const [a, b] = [alive[k - 1]!, alive[k]!];
    if (sentenceOf[a] !== sentenceOf[b] || !placeListLink(text, cands[a]!, cands[b]!, matches[a]!, matches[b]!)) continue;
    lend(doc, b, a, 'list');
  }
}
