/**
 * Finds which of a fixed set of literals (the rules' gate words) occur in a span of text, in one
 * case-insensitive pass: an Aho–Corasick automaton compiled to a dense table. The matcher scans
 * each clause that holds a number once, instead of searching it once per literal (that was a
 * fifth of the extraction time).
 */

/** Lower-case of each UTF-16 unit when it stays one unit (what `toLowerCase` does for text). */
const FOLD: Uint16Array = (() => {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    const low = String.fromCharCode(c).toLowerCase();
    t[c] = low.length === 1 ? low.charCodeAt(0) : c;
  }
  return t;
})();

export class LiteralScanner {
  readonly literals: readonly string[];
  /** Alphabet class of each UTF-16 unit (0: a unit no literal contains). */
  private readonly classOf = new Uint16Array(65536);
  private readonly width: number;
  private readonly delta: Int32Array;
  /** Literal ids ending at each state (own and through failure links): outIds[outStart[s]..outStart[s+1]). */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;

  constructor(literals: readonly string[]) {
    this.literals = literals;
    // Literals are compared unit by unit, so use UTF-16 units, not code points.
    const units = literals.map((l) => {
      const u: number[] = [];
      for (let i = 0; i < l.length; i++) u.push(FOLD[l.charCodeAt(i)]!);
      return u;
    });
    let width = 1;
    for (const u of units) for (const c of u) if (this.classOf[c] === 0) this.classOf[c] = width++;
    for (let c = 0; c < 65536; c++) if (FOLD[c] !== c && this.classOf[FOLD[c]!] !== 0) this.classOf[c] = this.classOf[FOLD[c]!]!;
    this.width = width;

    // Trie.
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    units.forEach((u, id) => {
      let s = 0;
      for (const c of u) {
        const cls = this.classOf[c]!;
        let next = children[s]!.get(cls);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push([]);
          children[s]!.set(cls, next);
        }
        s = next;
      }
      if (u.length > 0) own[s]!.push(id);
    });

    // Failure links, breadth first, folded into a complete transition table.
    const n = children.length;
    const delta = new Int32Array(n * width);
    const fail = new Int32Array(n);
    const outputs: number[][] = own.map((o) => [...o]);
    const queue: number[] = [];
    for (let cls = 1; cls < width; cls++) {
      const next = children[0]!.get(cls);
      if (next !== undefined) {
        delta[cls] = next;
        queue.push(next);
      }
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi]!;
      outputs[s]!.push(...outputs[fail[s]!]!);
      for (let cls = 1; cls < width; cls++) {
        const next = children[s]!.get(cls);
        if (next !== undefined) {
          fail[next] = delta[fail[s]! * width + cls]!;
          delta[s * width + cls] = next;
          queue.push(next);
        } else delta[s * width + cls] = delta[fail[s]! * width + cls]!;
      }
    }
    this.delta = delta;
    this.outStart = new Int32Array(n + 1);
    for (let s = 0; s < n; s++) this.outStart[s + 1] = this.outStart[s]! + outputs[s]!.length;
    this.outIds = Int32Array.from(outputs.flat());
  }

  /**
   * Ids of the literals occurring entirely inside text[start, end), each once, in order of
   * first occurrence. `seen` (one slot per literal, zeroed) is the caller's scratch space.
   */
  present(text: string, start: number, end: number, seen: Uint8Array): number[] {
    const found: number[] = [];
    const { classOf, delta, width, outStart, outIds } = this;
    let s = 0;
    for (let i = start; i < end; i++) {
      s = delta[s * width + classOf[text.charCodeAt(i)]!]!;
      for (let k = outStart[s]!, to = outStart[s + 1]!; k < to; k++) {
        const id = outIds[k]!;
        if (seen[id] === 0) {
          seen[id] = 1;
          found.push(id);
        }
      }
    }
    return found;
  }
}
