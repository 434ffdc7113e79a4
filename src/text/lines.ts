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

/** `/\s\s|[^\S ]/.test(s)`: a space other than ` `, or two in a row; by char code (it runs per field of every record). */
export function needsCollapse(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSpace(c) && (c !== 32 || (i + 1 < s.length && isSpace(s.charCodeAt(i + 1))))) return true;
  }
  return false;
}
