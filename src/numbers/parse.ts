import type { NumberStyle } from './style.js';
import { readNumeral } from './token.js';

/**
 * Parses a numeral as written: `2.424` → 2424, `50,65` → 50.65, `02` → 2 (Vietnamese style);
 * in English style `2,424` → 2424 and `50.65` → 50.65; an unambiguous token reads by its own
 * shape in either (`1.200.000`, `12,5`, `1.2`), and an ambiguous one before a counted noun is a
 * thousands group (`287,315 thuê bao`; see `token.ts`). Returns NaN for anything else.
 */
export function parseNumeral(raw: string, style: NumberStyle, countNounFollows = false): number {
  return readNumeral(raw, style, countNounFollows);
}

const SCALES: Record<string, number> = {
  nghìn: 1e3, ngàn: 1e3, ngan: 1e3, nghin: 1e3, 'vạn': 1e4, 'triệu': 1e6, trieu: 1e6, 'tỷ': 1e9, 'tỉ': 1e9, ty: 1e9,
};

/** Multiplier for a scale word (`nghìn`, `vạn`, `triệu`, `tỷ`, `nghìn tỷ`), or 1. */
export function scaleOf(words: string | undefined): number {
  if (!words) return 1;
  return words
    .toLowerCase()
    .split(/\s+/)
    .reduce((acc, w) => acc * (SCALES[w] ?? 1), 1);
}

/** Rounds away binary noise (`1,02 triệu` → 1020000, not 1019999.9999999999). */
export function clean(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(12)) : x;
}
