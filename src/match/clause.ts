/**
 * Per-clause memo of `before` pattern matches. A clause holds several numbers and every rule's
 * `before` pattern would otherwise be searched again for each of them: here each pattern runs
 * once over the clause, and each number looks up the nearest match ending before it.
 */
import type { CompiledRule } from '../rules/ruleset.js';
import type { LiteralScanner } from './literal-scanner.js';
import { WordPattern } from '../text/word-pattern.js';

export interface Hit {
  index: number; // absolute offset in the text
  end: number;
}

export class ClauseMemo {
  private readonly hits = new Map<RegExp, Hit[]>();
  /** Which gate literals occur inside the clause, by literal id. */
  private present: Uint8Array | null = null;
  /** Rules that can match here, per candidate kind: the unit's rules whose gates pass. */
  readonly passing = new Map<string, CompiledRule[]>();
  /** Per rule number, whether its gates pass here (filled by the matcher). */
  openRules: Uint8Array | null = null;

  constructor(
    private readonly text: string,
    readonly start: number,
    readonly end: number,
    /** Finds the rules' gate literals (not needed for a memo only asked for matches). */
    private readonly scanner?: LiteralScanner,
  ) {}

  /** Whether the literal (by scanner id) occurs inside the clause. Needs `scanner`. */
  hasLiteral(id: number): boolean {
    this.literalsPresent();
    return this.present![id] === 1;
  }

  private presentIds: number[] | null = null;

  /** Ids of the gate literals occurring inside the clause (each once). Needs `scanner`. */
  literalsPresent(): readonly number[] {
    if (!this.presentIds) {
      this.present = new Uint8Array(this.scanner!.literals.length);
      this.presentIds = this.scanner!.present(this.text, this.start, this.end, this.present);
    }
    return this.presentIds;
  }

  /** All (non-overlapping, leftmost) matches of a global regex in the clause. */
  matches(re: RegExp): Hit[] {
    let list = this.hits.get(re);
    if (list) return list;
    list = [];
    const s = this.text.slice(this.start, this.end);
    const words = wordStartForm(re);
    if (words) {
      for (const m of words.all(s)) list.push({ index: this.start + m.index, end: this.start + m.index + m[0].length });
    } else {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s))) {
        list.push({ index: this.start + m.index, end: this.start + m.index + m[0].length });
        if (m[0].length === 0) re.lastIndex++;
      }
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

const WORD_START = '(?<![\\p{L}\\p{N}])';
const wordStartForms = new WeakMap<RegExp, WordPattern | null>();

/**
 * A search pattern compiled as `(?<![\p{L}\p{N}])body…` (every rule's `before`) runs much
 * faster with the boundary checked by hand: see WordPattern.
 */
function wordStartForm(re: RegExp): WordPattern | null {
  let form = wordStartForms.get(re);
  if (form === undefined) {
    form = re.source.startsWith(WORD_START) ? new WordPattern(re.source.slice(WORD_START.length), re.flags, 'letter-or-number') : null;
    wordStartForms.set(re, form);
  }
  return form;
}
