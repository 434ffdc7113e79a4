/**
 * Number style of one document. Vietnamese writes `2.424` for two thousand four hundred
 * and twenty-four and `50,65` for a decimal; English-style sources do the opposite. A token
 * such as `2,424` is ambiguous on its own, so the document's unambiguous tokens vote.
 *
 * The vote only settles ambiguous tokens (`token.ts`): an unambiguous one reads by its own
 * shape whatever the vote. Versions (`phiên bản 1.2`, `4.0`) do not vote, and a Vietnamese
 * document that types one decimal the English way (`0.5 điểm`) stays Vietnamese: English style
 * needs comma thousands (`1,023,456`, `1,234.5`) or at least two English-style decimals, and
 * more English votes than Vietnamese ones.
 */
import { numeralShape } from './token.js';
import { WordPattern } from '../text/word-pattern.js';

export type NumberStyle = 'vi' | 'en';

export interface StyleDecision {
  style: NumberStyle;
  viVotes: number;
  enVotes: number;
}

const TOKEN = /(?<![\p{L}\p{N}_.,])\d+(?:[.,]\d+)*/gu;
// `phiên bản 1.2`, `VNeID 2.15`, `IPv6`, `Android 13.5`: version numbers, in any style. (A word-start
// pattern: the boundary checked by hand is several times cheaper than `(?:^|[^\p{L}])`.)
const VERSION_BEFORE = new WordPattern(String.raw`(?:phiên bản|version|ver\.?|v|bản|IPv|iOS|Android|Windows|VNeID|Zalo|Web|cách mạng công nghiệp|công nghiệp|CMCN|Industry)\s*$`);

export function detectNumberStyle(text: string): StyleDecision {
  let viVotes = 0;
  let enVotes = 0;
  let enGrouped = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    const shape = numeralShape(raw);
    if (shape.kind !== 'decimal' && !(shape.kind === 'grouped' && shape.leadOk)) continue;
    if (/^\d+\.0$/.test(raw)) continue; // `2.0`, `4.0`: versions in any style
    if (VERSION_BEFORE.test(text.slice(Math.max(0, m.index - 28), m.index))) continue;
    const vi = shape.kind === 'grouped' ? shape.thousands === '.' : shape.mark === ',';
    if (vi) viVotes++;
    else {
      enVotes++;
      if (shape.kind === 'grouped') enGrouped++;
    }
  }
  const en = enVotes > viVotes && (enGrouped > 0 || enVotes >= 2);
  return { style: en ? 'en' : 'vi', viVotes, enVotes };
}
