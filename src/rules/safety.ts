/**
 * Static guard against catastrophic backtracking. JS regexes backtrack; a rule such as
 * `(a+)+$` or `(\d+\s?)*x` can hang a run on an adversarial line. We reject the shapes that
 * cause it — a quantified group whose body can itself repeat (nested quantifiers), and
 * adjacent or alternated repetitions over overlapping characters are bounded by the clause
 * windows rules run on (a clause is cut at 400 characters). Returns a message, or null if safe.
 */
export function checkPatternSafety(source: string): string | null {
  // Walk groups; for each group that is followed by an unbounded quantifier, check whether its
  // body contains an unbounded quantifier too.
  const stack: { start: number; hasUnbounded: boolean }[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      i = skipClass(source, i);
      continue;
    }
    if (ch === '(') {
      stack.push({ start: i, hasUnbounded: false });
      continue;
    }
    if (ch === ')') {
      const g = stack.pop();
      if (!g) continue;
      const q = quantifierAt(source, i + 1);
      if (q === 'unbounded' && g.hasUnbounded) {
        return `nested unbounded repetition at column ${g.start + 1} ("${source.slice(g.start, i + 2)}") can backtrack catastrophically`;
      }
      if (q !== 'none' || g.hasUnbounded) {
        const parent = stack[stack.length - 1];
        if (parent && (q === 'unbounded' || g.hasUnbounded)) parent.hasUnbounded = true;
      }
      continue;
    }
    if (ch === '+' || ch === '*') {
      const top = stack[stack.length - 1];
      if (top) top.hasUnbounded = true;
    }
    if (ch === '{' && /^\{\d+,\}/.test(source.slice(i))) {
      const top = stack[stack.length - 1];
      if (top) top.hasUnbounded = true;
    }
  }
  return null;
}

function skipClass(s: string, i: number): number {
  for (let k = i + 1; k < s.length; k++) {
    if (s[k] === '\\') k++;
    else if (s[k] === ']') return k;
  }
  return s.length;
}

function quantifierAt(s: string, i: number): 'none' | 'bounded' | 'unbounded' {
  const c = s[i];
  if (c === '+' || c === '*') return 'unbounded';
  if (c === '?') return 'bounded';
  if (c === '{') return /^\{\d+,\}/.test(s.slice(i)) ? 'unbounded' : /^\{\d+(,\d+)?\}/.test(s.slice(i)) ? 'bounded' : 'none';
  return 'none';
}
