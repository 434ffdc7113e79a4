import { isSpace } from './word-pattern.js';

/** 1-based line numbers for offsets, from a precomputed index of line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** Collapses whitespace for the `sentence` field. */
export function collapseWhitespace(s: string): string {
  // Most sentences have nothing to collapse: skip the rewrite (a measurable share of output time).
  return needsCollapse(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

/** What `/\s\s|[^\S ]/` finds — two spaces in a row, or a space other than ' ' — by char code. */
export function needsCollapse(s: string): boolean {
  let prevSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return true;
      prevSpace = true;
    } else if (c < 128 ? c >= 9 && c <= 13 : isSpace(c)) return true;
    else prevSpace = false;
  }
  return false;
}
