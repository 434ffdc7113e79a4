import type { NumberStyle } from './style.js';

/**
 * Parses a numeral as written: `2.424` → 2424, `50,65` → 50.65, `02` → 2 (Vietnamese style);
 * in English style `2,424` → 2424 and `50.65` → 50.65. Returns NaN for anything else.
 */
export function parseNumeral(raw: string, style: NumberStyle): number {
  const thousands = style === 'vi' ? '.' : ',';
  const decimal = style === 'vi' ? ',' : '.';
  let s = raw;
  // A separator followed by exactly three digits (and nothing but more groups) is a thousands mark.
  const groups = s.split(thousands);
  if (groups.length > 1 && groups.slice(1).every((g, i, all) => (i < all.length - 1 ? /^\d{3}$/.test(g) : /^\d{3}(?:[.,]\d+)?$/.test(g)))) {
    s = groups.join('');
  } else if (groups.length > 1) {
    // `1.5` in a Vietnamese document: a decimal typed the English way.
    if (groups.length === 2 && !s.includes(decimal)) s = groups.join('.');
    else return NaN;
  }
  s = s.replace(decimal, '.');
  if (!/^\d+(?:\.\d+)?$/.test(s)) return NaN;
  return Number(s);
}

const SCALES: Record<string, number> = {
  nghìn: 1e3, ngàn: 1e3, ngan: 1e3, nghin: 1e3, 'triệu': 1e6, trieu: 1e6, 'tỷ': 1e9, 'tỉ': 1e9, ty: 1e9,
};

/** Multiplier for a scale word (`nghìn`, `triệu`, `tỷ`, `nghìn tỷ`), or 1. */
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
