/**
 * Number style of one document. Vietnamese writes `2.424` for two thousand four hundred
 * and twenty-four and `50,65` for a decimal; English-style sources do the opposite. A token
 * such as `2,424` is ambiguous on its own, so the document's unambiguous tokens vote.
 */
export type NumberStyle = 'vi' | 'en';

export interface StyleDecision {
  style: NumberStyle;
  viVotes: number;
  enVotes: number;
}

// Unambiguous evidence: a decimal part that is not three digits, or two thousands groups.
const VI_EVIDENCE = /(?<![\d.,])(?:\d+,\d{1,2}(?!\d)|\d+,\d{4,}|\d{1,3}(?:\.\d{3}){2,}(?![\d.]))/g;
const EN_EVIDENCE = /(?<![\d.,])(?:\d+\.\d{1,2}(?![\d.])|\d+\.\d{4,}|\d{1,3}(?:,\d{3}){2,}(?![\d,]))/g;

export function detectNumberStyle(text: string): StyleDecision {
  const viVotes = count(text, VI_EVIDENCE);
  // `2.0`, `4.0` are versions in any style: they do not vote.
  const enVotes = count(text, EN_EVIDENCE, (m) => !/^\d+\.0$/.test(m));
  return { style: enVotes > viVotes ? 'en' : 'vi', viVotes, enVotes };
}

function count(text: string, re: RegExp, keep: (m: string) => boolean = () => true): number {
  let n = 0;
  for (const m of text.matchAll(re)) if (keep(m[0])) n++;
  return n;
}
