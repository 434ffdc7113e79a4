/**
 * Visible garbage inside a numeral (`1.2🙂00`, `1.2\uFFFD00`): a pictograph, symbol, private-use or
 * unassigned character, or a replacement character between digits. Invisible format characters
 * (bidi marks, zero-width) never get here: the normalizer removes them, so `1.\u200F300` is `1.300`.
 * Reading either side alone would give a wrong value with full confidence (300, or 1.2), so the
 * whole token is set aside instead.
 */

// Non-ASCII only: `45+200`, `1^2` are other matters. U+FE0F (emoji presentation) follows emoji.
const GARBAGE = '(?:(?![\\x00-\\x7F])[\\p{So}\\p{Sk}\\p{Co}\\p{Cn}\\p{Cs}\\p{Cf}]|\\uFE0F)';
const GARBLED_TAIL = new RegExp(`^[.,]?${GARBAGE}+[.,]?\\d+(?:[.,]\\d+)*`, 'u');

/**
 * Length of the rest of a garbled numeral that starts right after the digits read so far
 * (`🙂00` after `1.2`), or 0 when the numeral ends cleanly.
 */
export function garbledTail(right: string): number {
  const m = GARBLED_TAIL.exec(right);
  return m ? m[0].length : 0;
}
