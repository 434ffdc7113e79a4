/**
 * The shape of one numeral, decided by the numeral alone where it can be:
 *
 * - `1.200.000`, `1,200,000` (two or more groups), `1.234,5`, `1,234.5` (both marks): grouped;
 * - `12,5`, `1.2`, `0,500`, `0.4872`, `1234,567` (not exactly three digits after the mark, a
 *   leading zero, or more than three digits before it): a decimal;
 * - `1.200`, `287,315` (one to three digits, one mark, three digits): ambiguous — a thousands
 *   group or a decimal, as the document's style or the words after it say.
 */
import type { NumberStyle } from './style.js';

export type Mark = '.' | ',';
export type Shape =
  | { kind: 'integer' }
  | { kind: 'grouped'; thousands: Mark; leadOk: boolean }
  | { kind: 'decimal'; mark: Mark }
  | { kind: 'ambiguous'; mark: Mark }
  | { kind: 'invalid' };

const INTEGER = /^\d+$/;
// A first group of more than three digits (`0914.123.456`) is no amount: it reads, but never votes.
const GROUPED_DOT = /^(\d+)(?:\.\d{3})+(?:,\d+)?$/;
const GROUPED_COMMA = /^(\d+)(?:,\d{3})+(?:\.\d+)?$/;
const ONE_MARK = /^(\d+)([.,])(\d+)$/;

export function numeralShape(raw: string): Shape {
  if (INTEGER.test(raw)) return { kind: 'integer' };
  const one = ONE_MARK.exec(raw);
  if (one) {
    const [, int, mark, frac] = one as unknown as [string, string, Mark, string];
    if (frac.length !== 3 || int.startsWith('0') || int.length > 3) return { kind: 'decimal', mark };
    return { kind: 'ambiguous', mark };
  }
  const dot = GROUPED_DOT.exec(raw);
  const g = dot ?? GROUPED_COMMA.exec(raw);
  if (g) return { kind: 'grouped', thousands: dot ? '.' : ',', leadOk: g[1]!.length <= 3 };
  return { kind: 'invalid' }; // `2.1.5`, `0203.3852.456`, `1,2.3`
}

/**
 * The value of a numeral. Unambiguous shapes read as written, in any document; an ambiguous one
 * reads by the document's style (`1.200` is 1200 in a Vietnamese-style document, 1.2 in an
 * English-style one), except that before a counted noun (`287,315 thuê bao`) it is always a
 * thousands group: things are counted whole. NaN for anything else.
 */
export function readNumeral(raw: string, style: NumberStyle, countNounFollows = false): number {
  const shape = numeralShape(raw);
  switch (shape.kind) {
    case 'integer':
      return Number(raw);
    case 'grouped':
      return Number(raw.split(shape.thousands).join('').replace(',', '.'));
    case 'decimal':
      return Number(raw.replace(shape.mark, '.'));
    case 'ambiguous': {
      const thousands = countNounFollows || shape.mark === (style === 'vi' ? '.' : ',');
      return Number(thousands ? raw.replace(shape.mark, '') : raw.replace(shape.mark, '.'));
    }
    default:
      return NaN;
  }
}
