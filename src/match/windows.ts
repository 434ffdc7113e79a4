/**
 * The clause windows a rule looks at around one number: the words after it (up to the clause
 * end) and the words before it (from the clause start). A clause is the sentence cut at `;`.
 * Windows are never longer than MAX_WINDOW characters, which also bounds any pattern's work.
 */
import type { Span } from '../text/sentences.js';
import { firstIndexWhere } from '../text/search.js';

export const MAX_WINDOW = 400;

export interface Windows {
  leftStart: number;
  rightEnd: number;
  /** End of the clause the number ends in: no `after` match may run past it. */
  clauseEnd: number;
}

function isListMark(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c !== 43 && c !== 45 && c !== 0x2013) || text.charCodeAt(i - 1) !== 32 || text.charCodeAt(i + 1) !== 32) return false;
  return c === 43 || /\p{Lu}/u.test(text[i + 2] ?? '');
}

/** Positions of the clause separators of one text, for O(log n) look-ups. */
export class ClauseBounds {
  private readonly semis: number[] = [];

  constructor(text: string) {
    // A `;`, and a quotation closed before its attribution: what follows (`…đạt 30%", ông Thanh,
    // Giám đốc Sở, chia sẻ`) is who said it, not more of its statement. (Quotes are folded to `"`;
    // one glued to a word and followed by `,` closes a quote — `"trắng" sóng` does not.)
    // So is a list item flattened into a line (`… năm 2023 + 3.780 chứng thư số … + 98,5% văn bản
    // …`, `… - Hơn 2.300 sản phẩm …`): a ` + `, or a ` - ` before a capital (not `2021 - 2025`).
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 59 || (c === 34 && i > 0 && text.charCodeAt(i + 1) === 44 && !/\s/.test(text[i - 1]!)) || isListMark(text, i)) this.semis.push(i);
    }
  }

  /** The clause around `pos`: the sentence, cut at the nearest `;` (or closing quote) on either side. */
  clause(sentence: Span, pos: number): Span {
    const k = this.firstAtOrAfter(pos);
    const before = k > 0 ? this.semis[k - 1]! : -1;
    const after = k < this.semis.length ? this.semis[k]! : -1;
    return {
      start: before >= sentence.start ? before + 1 : sentence.start,
      end: after !== -1 && after < sentence.end ? after : sentence.end,
    };
  }

  windows(sentence: Span, start: number, end: number): Windows {
    const c = this.clause(sentence, start);
    const rightClause = end === start ? c : this.clause(sentence, end);
    return { leftStart: Math.max(c.start, start - MAX_WINDOW), rightEnd: Math.min(rightClause.end, end + MAX_WINDOW), clauseEnd: rightClause.end };
  }

  private firstAtOrAfter(pos: number): number {
    return firstIndexWhere(this.semis.length, (i) => this.semis[i]! >= pos);
  }
}
