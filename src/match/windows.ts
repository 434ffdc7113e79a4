/**
 * The clause windows a rule looks at around one number: the words after it (up to the clause
 * end) and the words before it (from the clause start). A clause is cut at the sentence
 * boundary and at `;`, and never longer than MAX_WINDOW characters, which also bounds the
 * work any pattern can do.
 */
import type { Span } from '../text/sentences.js';

export const MAX_WINDOW = 400;

export interface Windows {
  leftStart: number;
  rightEnd: number;
}

export function clauseWindows(text: string, sentence: Span, start: number, end: number): Windows {
  let leftStart = Math.max(sentence.start, start - MAX_WINDOW);
  const semiBefore = text.lastIndexOf(';', start - 1);
  if (semiBefore >= leftStart) leftStart = semiBefore + 1;
  let rightEnd = Math.min(sentence.end, end + MAX_WINDOW);
  const semiAfter = text.indexOf(';', end);
  if (semiAfter !== -1 && semiAfter < rightEnd) rightEnd = semiAfter;
  return { leftStart, rightEnd };
}
