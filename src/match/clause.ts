/**
 * Per-clause memo of `before` pattern matches. A clause holds several numbers and every rule's
 * `before` pattern would otherwise be searched again for each of them: here each pattern runs
 * once over the clause, and each number looks up the nearest match ending before it.
 */
export interface Hit {
  index: number; // absolute offset in the text
  end: number;
}

export class ClauseMemo {
  private readonly hits = new Map<RegExp, Hit[]>();
  private lower: string | null = null;
  private readonly literalSeen = new Map<string, boolean>();

  /** Whether every gate has one of its literals in the clause (case-insensitive). */
  passes(gates: string[][]): boolean {
    if (gates.length === 0) return true;
    let verdict = this.verdicts.get(gates);
    if (verdict === undefined) {
      verdict = this.check(gates);
      this.verdicts.set(gates, verdict);
    }
    return verdict;
  }

  private readonly verdicts = new Map<string[][], boolean>();

  private check(gates: string[][]): boolean {
    this.lower ??= this.text.slice(this.start, this.end).toLowerCase();
    for (const gate of gates) {
      let ok = false;
      for (const lit of gate) {
        let seen = this.literalSeen.get(lit);
        if (seen === undefined) {
          seen = this.lower.includes(lit);
          this.literalSeen.set(lit, seen);
        }
        if (seen) {
          ok = true;
          break;
        }
      }
      if (!ok) return false;
    }
    return true;
  }

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {}

  /** All (non-overlapping, leftmost) matches of a global regex in the clause. */
  matches(re: RegExp): Hit[] {
    let list = this.hits.get(re);
    if (list) return list;
    list = [];
    const s = this.text.slice(this.start, this.end);
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(s))) {
      list.push({ index: this.start + m.index, end: this.start + m.index + m[0].length });
      if (m[0].length === 0) re.lastIndex++;
    }
    this.hits.set(re, list);
    return list;
  }

  /** The match ending nearest before `pos` that starts at or after `from`, or null. */
  lastBefore(re: RegExp, from: number, pos: number): Hit | null {
    const list = this.matches(re);
    let lo = 0;
    let hi = list.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.end <= pos) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best >= 0 && list[best]!.index >= from ? list[best]! : null;
  }
}
