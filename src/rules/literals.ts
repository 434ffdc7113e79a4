/**
 * Necessary literals of a pattern: a set of strings such that every match of the pattern
 * contains at least one of them (or null when no such set is known). The matcher uses it as a
 * gate: a rule whose literals do not occur in a clause cannot match there, so its regular
 * expression is never run on that clause. Conservative by construction: anything the analysis
 * does not understand yields null (no gate).
 */
type Req = { kind: 'lit'; s: string } | { kind: 'set'; items: string[] } | { kind: 'any' };

const ANY: Req = { kind: 'any' };

export function requiredLiterals(source: string): string[] | null {
  try {
    const p = new Parser(source);
    const r = p.alternation();
    if (p.i !== source.length) return null;
    const items = r.kind === 'lit' ? [r.s] : r.kind === 'set' ? r.items : null;
    if (!items || items.some((s) => s.trim().length < 2)) return null;
    return [...new Set(items.map((s) => s.toLowerCase()))];
  } catch {
    return null;
  }
}

class Parser {
  i = 0;
  constructor(private readonly s: string) {}

  alternation(): Req {
    const branches = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0]!;
    const items: string[] = [];
    for (const b of branches) {
      if (b.kind === 'any') return ANY;
      items.push(...(b.kind === 'lit' ? [b.s] : b.items));
    }
    return { kind: 'set', items };
  }

  /** A sequence: adjacent literal characters merge; the best mandatory requirement wins. */
  sequence(): Req {
    const mandatory: Req[] = [];
    let lit = '';
    const endLit = () => {
      if (lit) mandatory.push({ kind: 'lit', s: lit });
      lit = '';
    };
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      const q = this.quantifier();
      if (q === 'optional') {
        endLit();
        continue;
      }
      if (atom.kind === 'lit' && q === 'once' && atom.single) lit += atom.s;
      else {
        endLit();
        if (atom.kind === 'lit') mandatory.push({ kind: 'lit', s: atom.s });
        else if (atom.kind === 'set') mandatory.push(atom);
      }
    }
    endLit();
    return best(mandatory);
  }

  atom(): (Req & { single?: boolean }) {
    const c = this.s[this.i]!;
    if (c === '(') {
      this.i++;
      let lookaround = false;
      if (this.s[this.i] === '?') {
        const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_][\w]*>)/.exec(this.s.slice(this.i));
        if (!m) throw new Error('group');
        lookaround = m[0] !== '?:' && !m[0].startsWith('?<') ? true : m[0] === '?<=' || m[0] === '?<!';
        this.i += m[0].length;
      }
      const inner = this.alternation();
      if (this.s[this.i] !== ')') throw new Error('paren');
      this.i++;
      return lookaround ? ANY : inner;
    }
    if (c === '[') {
      this.i++;
      while (this.i < this.s.length && this.s[this.i] !== ']') this.i += this.s[this.i] === '\\' ? 2 : 1;
      this.i++;
      return ANY;
    }
    if (c === '\\') {
      const n = this.s[this.i + 1]!;
      this.i += 2;
      if (/[pPu]/.test(n) && this.s[this.i] === '{') this.i = this.s.indexOf('}', this.i) + 1;
      if (/[.\\/()[\]{}|?*+^$\-:;,%&'"#@!<>=]/.test(n)) return { kind: 'lit', s: n, single: true };
      return ANY;
    }
    this.i++;
    if (c === '.' || c === '^' || c === '$') return ANY;
    return { kind: 'lit', s: c, single: true };
  }

  /** 'once', 'optional' (may match zero times), or 'many' (at least once, maybe more). */
  quantifier(): 'once' | 'optional' | 'many' {
    const c = this.s[this.i];
    let q: 'once' | 'optional' | 'many' = 'once';
    if (c === '?' || c === '*') {
      q = 'optional';
      this.i++;
    } else if (c === '+') {
      q = 'many';
      this.i++;
    } else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.s.slice(this.i));
      if (!m) return 'once';
      this.i += m[0].length;
      q = Number(m[1]) === 0 ? 'optional' : m[2] === undefined && m[1] === '1' ? 'once' : 'many';
    } else return q;
    if (this.s[this.i] === '?') this.i++; // lazy
    return q;
  }
}

/** The most selective requirement: a long literal, or the set whose shortest item is longest. */
function best(reqs: Req[]): Req {
  let chosen: Req = ANY;
  let score = 0;
  for (const r of reqs) {
    const s = r.kind === 'lit' ? r.s.trim().length : r.kind === 'set' ? Math.min(...r.items.map((x) => x.trim().length)) : 0;
    if (s > score) {
      chosen = r;
      score = s;
    }
  }
  return chosen;
}
