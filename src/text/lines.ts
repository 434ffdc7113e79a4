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
  return NEEDS_COLLAPSE.test(s) ? s.replace(/\s+/g, ' ').trim() : s.trim();
}

const NEEDS_COLLAPSE = /\s\s|[^\S ]/;
