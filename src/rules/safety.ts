/**
 * Static guard against catastrophic backtracking. JS regexes backtrack; a rule such as
 * `(?:a|aa)*b`, `(?:a?){40}a{40}` or six `[^;]*` in a row can hang a run on a 60-byte line.
 *
 * The pattern is parsed and every node gets an upper bound on the number of ways the
 * backtracking engine can match it from one start position (`ways`), computed structurally:
 *   - a character: 1 way; a sequence: the product of its parts;
 *   - an alternation: the sum, or the largest part when the alternatives cannot start with the
 *     same character (then at most one of them gets past its first character);
 *   - `x?`: 1 + ways(x), or ways(x) when what follows can never start like `x` (the choice is
 *     decided by the next character);
 *   - a repetition `x{m,n}`, `x*`, `x+`: rejected when `x` can match the empty string, when `x`
 *     itself matches in more than one way (the iterations could split a text in many ways:
 *     exponential), or when n is huge; otherwise 1 way when what follows cannot start like `x`,
 *     else the number of iteration counts (`*` and `+` count as the 400-character window a
 *     pattern runs on).
 * Look-arounds are bounded like groups (their work counts as if matched in sequence); back-
 * references are refused. A pattern whose bound passes MAX_WAYS is rejected. The bound is
 * loose (it ignores what the text must contain), so a pattern it accepts runs in time linear
 * in the text times a constant the rule author controls; the bundled rules stay far below it.
 *
 * Character sets are compared on probes: every character the pattern names (both cases), the
 * ends of its ranges, and one representative of each common class (digit, space, Vietnamese
 * letter, other letter, punctuation). Two sets that share no probe are treated as disjoint.
 */

/** Largest repetition bound allowed (`{0,60}` gaps are fine; `{1,65535}` is not). */
export const MAX_REPEAT = 1000;
/** The window a pattern runs on: `*` and `+` can iterate at most this often. */
const WINDOW = 400;
/** Largest accepted bound on backtracking paths from one start position. */
export const MAX_WAYS = 1e6;

type Node =
  | { t: 'char'; src: string }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; body: Node; look: boolean }
  | { t: 'rep'; body: Node; min: number; max: number; at: number }
  | { t: 'assert' };

class Unsafe extends Error {}

/** Something unknown follows (set per check: all probes). */
let UNKNOWN: Pre = { sets: [], ids: [], complete: false };

/** Returns a message when the pattern can backtrack catastrophically, else null. */
export function checkPatternSafety(source: string): string | null {
  return patternRisk(source).problem;
}

/** The check, and the bound it computed (for tests and tuning). */
export function patternRisk(source: string): { problem: string | null; ways: number } {
  let ast: Node;
  try {
    ast = new Parser(source).parse();
  } catch (e) {
    if (e instanceof Unsafe) return { problem: e.message, ways: Infinity };
    return { problem: null, ways: 0 }; // not parseable here: the RegExp constructor reports syntax errors
  }
  const probes = probeSet(source);
  const sets = new Map<string, bigint>();
  const charSet = (src: string): bigint => {
    let s = sets.get(src);
    if (s !== undefined) return s;
    s = 0n;
    let re: RegExp | null = null;
    try {
      re = new RegExp(`^(?:${src})$`, 'iu');
    } catch {
      re = null;
    }
    probes.forEach((p, i) => {
      if (!re || re.test(p)) s! |= 1n << BigInt(i);
    });
    sets.set(src, s);
    return s;
  };
  const ALL = (1n << BigInt(probes.length)) - 1n;
  try {
    UNKNOWN = { sets: [ALL], ids: [-1], complete: false };
    idOf.clear();
    const w = analyze(ast, [UNKNOWN], charSet).ways;
    if (w > MAX_WAYS) return { ways: w, problem: `can backtrack in about ${w === Infinity ? 'unboundedly many' : w.toExponential(0).replace('e+', 'e')} ways at one position (the limit is ${MAX_WAYS.toExponential(0).replace('e+', 'e')}): remove overlapping repetitions such as adjacent gaps or quantified alternatives` };
    return { problem: null, ways: w };
  } catch (e) {
    if (e instanceof Unsafe) return { problem: e.message, ways: Infinity };
    throw e;
  }
}

/** A possible beginning of a match: the character sets of its first (at most K) characters. */
interface Pre {
  sets: bigint[];
  /** A number per set, to compare beginnings quickly. */
  ids: number[];
  /** The whole match is exactly these characters (else it goes on past K). */
  complete: boolean;
}
/** Characters of look-ahead used to tell choices apart, and how many beginnings are tracked. */
const K = 6;
const MAX_PRES = 48;

interface Info {
  nullable: boolean;
  first: bigint;
  ways: number;
  /** Shortest match, in characters. */
  minLen: number;
  pres: Pre[];
}

const EMPTY: Pre = { sets: [], ids: [], complete: true };

/** Every beginning of `a` followed by every beginning of `b`, cut at K characters. */
function concat(a: Pre[], b: Pre[]): Pre[] {
  const out: Pre[] = [];
  const seen = new Set<string>();
  for (const x of a) {
    const ext = x.complete && x.sets.length < K ? b : [EMPTY];
    for (const y of ext) {
      const sets = x.complete ? [...x.sets, ...y.sets].slice(0, K) : x.sets;
      const pids = x.complete ? [...x.ids, ...y.ids].slice(0, K) : x.ids;
      const complete = x.complete && y.complete && x.sets.length + y.sets.length <= K;
      const key = (complete ? 'c' : 'o') + pids.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ sets, ids: pids, complete });
      if (out.length > MAX_PRES) return coarse(out);
    }
  }
  return out;
}

let nextId = 0;
const idOf = new Map<string, number>();
function srcId(src: string): number {
  let id = idOf.get(src);
  if (id === undefined) idOf.set(src, (id = nextId++));
  return id;
}

/** Too many beginnings: keep only the first character of each (a safe over-approximation). */
function coarse(pres: Pre[]): Pre[] {
  let first = 0n;
  let empty = false;
  for (const p of pres) {
    if (p.sets.length === 0) empty = true;
    else first |= p.sets[0]!;
  }
  return [...(first ? [{ sets: [first], ids: [nextId++], complete: false }] : []), ...(empty ? [EMPTY] : [])];
}

/**
 * Whether no text can begin both like one of `xs` and like one of `ys` (each already followed by
 * what comes after): some character position tells every pair apart.
 */
function exclusive(xs: Pre[], ys: Pre[]): boolean {
  for (const x of xs) {
    for (const y of ys) {
      const n = Math.min(x.sets.length, y.sets.length);
      let apart = false;
      for (let i = 0; i < n && !apart; i++) if ((x.sets[i]! & y.sets[i]!) === 0n) apart = true;
      if (!apart) return false;
    }
  }
  return true;
}

function analyze(n: Node, follow: Pre[], set: (src: string) => bigint): Info {
  switch (n.t) {
    case 'assert':
      return { nullable: true, first: 0n, ways: 1, minLen: 0, pres: [EMPTY] };
    case 'char': {
      const s = set(n.src);
      return { nullable: false, first: s, ways: 1, minLen: 1, pres: [{ sets: [s], ids: [srcId(n.src)], complete: true }] };
    }
    case 'group': {
      if (n.look) {
        // A look-around runs its body on its own; its work adds to the path it sits on.
        const b = analyze(n.body, [UNKNOWN], set);
        return { nullable: true, first: 0n, ways: b.ways, minLen: 0, pres: [EMPTY] };
      }
      return analyze(n.body, follow, set);
    }
    case 'seq': {
      // Right to left: each item is followed by the beginnings of the rest of the sequence.
      const infos: Info[] = [];
      let f = follow;
      let rest: Pre[] = [EMPTY];
      for (let i = n.items.length - 1; i >= 0; i--) {
        const info = analyze(n.items[i]!, f, set);
        infos[i] = info;
        f = concat(info.pres, f);
        rest = concat(info.pres, rest);
      }
      let nullable = true;
      let first = 0n;
      let ways = 1;
      let minLen = 0;
      for (const info of infos) {
        if (nullable) first |= info.first;
        nullable &&= info.nullable;
        ways *= info.ways;
        minLen += info.minLen;
      }
      return { nullable, first, ways, minLen, pres: rest };
    }
    case 'alt': {
      const infos = n.alts.map((a) => analyze(a, follow, set));
      let first = 0n;
      for (const i of infos) first |= i.first;
      // Alternatives that can begin alike are all tried: their ways add up; else at most
      // one of them gets past its first few characters.
      const followed = infos.map((i) => concat(i.pres, follow));
      let apart = true;
      for (let a = 0; a < infos.length && apart; a++) for (let b = a + 1; b < infos.length && apart; b++) apart = exclusive(followed[a]!, followed[b]!);
      const ways = apart ? Math.max(...infos.map((i) => i.ways)) : infos.reduce((s, i) => s + i.ways, 0);
      let pres: Pre[] = [];
      for (const i of infos) pres = pres.concat(i.pres);
      return { nullable: infos.some((i) => i.nullable), first, ways, minLen: Math.min(...infos.map((i) => i.minLen)), pres: pres.length > MAX_PRES ? coarse(pres) : pres };
    }
    case 'rep': {
      if (n.max > MAX_REPEAT && n.max !== Infinity) throw new Unsafe(`repetition bound ${n.max} at column ${n.at + 1} is too large (at most ${MAX_REPEAT}; a pattern never sees more than ${WINDOW} characters)`);
      if (n.max === 0) return { nullable: true, first: 0n, ways: 1, minLen: 0, pres: [EMPTY] };
      const loops = n.max > 1;
      const once = analyze(n.body, follow, set);
      // Inside a loop the body is followed by itself as well as by what follows the loop.
      const body = loops ? analyze(n.body, [...concat(once.pres, follow), ...follow], set) : once;
      if (loops && body.nullable) throw new Unsafe(`repetition at column ${n.at + 1} of something that can match the empty string can backtrack catastrophically`);
      if (loops && body.ways > 1) throw new Unsafe(`repetition at column ${n.at + 1} of something that can match in ${body.ways} ways (nested or overlapping repetition, or alternatives that begin alike) can backtrack catastrophically`);
      // Beginnings of 0…K iterations.
      let pres: Pre[] = n.min === 0 ? [EMPTY] : [];
      let cur = body.pres;
      for (let k = 1; k <= Math.min(n.max, K); k++) {
        if (k >= n.min) pres = pres.concat(cur);
        cur = concat(cur, body.pres);
      }
      if (n.min > K) pres = pres.concat(cur.map((p) => ({ ...p, complete: false })));
      if (n.max > K) pres = pres.concat(cur.filter((p) => !p.complete || p.sets.length >= K).map((p) => ({ ...p, complete: false })));
      // Going on or stopping: decided by the next characters, or every count is tried.
      const decided = exclusive(concat(body.pres, follow), follow);
      const counts = Math.min(n.max, Math.floor(WINDOW / Math.max(1, body.minLen))) - n.min + 1;
      const ways = decided ? body.ways : body.ways * Math.max(1, counts);
      return { nullable: n.min === 0, first: body.first, ways, minLen: n.min * body.minLen, pres: pres.length > MAX_PRES ? coarse(pres) : pres };
    }
  }
}

/** Characters to test character sets on (see the module comment). */
function probeSet(source: string): string[] {
  const chars = new Set<string>(['0', '5', '9', ' ', '\t', '\n', ';', ',', '.', ':', '-', '/', '%', '(', ')', '_', 'a', 'z', 'A', 'Z', 'đ', 'ă', 'ệ', 'ж', '中', '§', '!', '\u00a0', '\u0000', '\uffff', '😀']);
  for (const ch of source) {
    chars.add(ch);
    chars.add(ch.toLowerCase());
    chars.add(ch.toUpperCase());
  }
  // Escaped code points (`\u00e0`, `\x41`) name characters too.
  for (const m of source.matchAll(/\\u\{([0-9a-f]+)\}|\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/giu)) {
    const cp = parseInt(m[1] ?? m[2] ?? m[3]!, 16);
    if (cp <= 0x10ffff) chars.add(String.fromCodePoint(cp));
  }
  return [...chars];
}

/** A small parser for the JavaScript regular-expression syntax (with the `u` flag). */
class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const n = this.alt();
    if (this.i < this.s.length) throw new Error('unbalanced )');
    return n;
  }

  private alt(): Node {
    const alts = [this.seq()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.seq());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private seq(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const at = this.i;
      let atom = this.atom();
      for (;;) {
        const q = this.quantifier();
        if (!q) break;
        if (atom.t === 'assert') continue; // a quantified anchor matches nothing more
        atom = { t: 'rep', body: atom, min: q.min, max: q.max, at };
      }
      items.push(atom);
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private quantifier(): { min: number; max: number } | null {
    const c = this.s[this.i];
    let q: { min: number; max: number } | null = null;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return null;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length;
      if (this.s[this.i] === '?') this.i++;
      return { min, max };
    }
    if (!q) return null;
    this.i++;
    if (this.s[this.i] === '?') this.i++; // lazy: the same paths, tried in another order
    return q;
  }

  private atom(): Node {
    const s = this.s;
    const c = s[this.i]!;
    if (c === '(') {
      this.i++;
      let look = false;
      if (s.startsWith('?:', this.i)) this.i += 2;
      else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) {
        this.i += 2;
        look = true;
      } else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) {
        this.i += 3;
        look = true;
      } else if (s.startsWith('?<', this.i)) {
        const end = s.indexOf('>', this.i);
        if (end === -1) throw new Error('bad group name');
        this.i = end + 1;
      }
      const body = this.alt();
      if (s[this.i] !== ')') throw new Error('missing )');
      this.i++;
      return { t: 'group', body, look };
    }
    if (c === '[') {
      const start = this.i;
      this.i++;
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      if (this.i >= s.length) throw new Error('missing ]');
      this.i++;
      return { t: 'char', src: s.slice(start, this.i) };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { t: 'assert' };
    }
    if (c === '\\') {
      const rest = s.slice(this.i);
      if (/^\\[bB]/.test(rest)) {
        this.i += 2;
        return { t: 'assert' };
      }
      if (/^\\(?:[1-9]|k<)/.test(rest)) throw new Unsafe(`back-references (column ${this.i + 1}) are not allowed in rule patterns`);
      const m = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z]|0|[^])/u.exec(rest);
      if (!m) throw new Error('bad escape');
      this.i += m[0].length;
      return { t: 'char', src: m[0] };
    }
    // One code point (a surrogate pair stays whole).
    const cp = s.codePointAt(this.i)!;
    const ch = String.fromCodePoint(cp);
    this.i += ch.length;
    return { t: 'char', src: /[.*+?(){}[\]|^$\\/]/.test(ch) && ch !== '.' ? `\\${ch}` : ch };
  }
}
