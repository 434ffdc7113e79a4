/**
 * Turns a rule's written patterns into regular expressions. Authors write natural Vietnamese;
 * the pattern goes through the same normalizer as the text (tone placement, Đ, spaces), then:
 *   `{name}`  → the lexicon entry `name` (rules/lexicon.yaml), recursively
 *   `...`     → a short lazy gap inside the clause (up to 60 characters)
 *   ` `       → one space (the text's spaces are collapsed)
 * and is wrapped in Unicode-aware word boundaries (JS `\b` fails next to `đ`).
 */
import { normalizeText } from '../normalize/normalize.js';
import { foldDiacritics } from '../normalize/diacritics.js';

export class PatternError extends Error {
  constructor(message: string, readonly pattern: string) {
    super(message);
  }
}

const GAP = '[^;]{0,60}?';
const EDGE_L = '(?<![\\p{L}\\p{N}])';
const EDGE_R = '(?![\\p{L}\\p{N}])';

export function expandPattern(source: string, lexicon: Record<string, string>, depth = 0): string {
  if (depth > 8) throw new PatternError('lexicon references nest too deeply (a cycle?)', source);
  return source.replace(/\{([a-z_]+)\}/g, (_whole, name: string) => {
    const entry = Object.hasOwn(lexicon, name) ? lexicon[name] : undefined;
    if (typeof entry !== 'string') throw new PatternError(`unknown lexicon entry {${name}}`, source);
    return `(?:${expandPattern(entry, lexicon, depth + 1)})`;
  });
}

export interface CompileOptions {
  lexicon: Record<string, string>;
  fold: 'none' | 'diacritics';
  /**
   * 'anchored': must match at the start of the text (after fillers); 'sticky': the same, at
   * `lastIndex` of a longer text (the matcher's hot path); 'search': anywhere.
   */
  mode: 'anchored' | 'sticky' | 'search';
}

// Words that may stand between a number and its noun without changing what is counted
// (`78% là thuê bao điện thoại thông minh`: `là` says what the share is of).
const FILLERS = '(?:(?:các|những|số|tổng số|toàn bộ|cả|là)\\s)*';

/** The pattern as it will run: lexicon expanded, normalized like the text, `...` as a gap. */
export function patternBody(source: string, lexicon: Record<string, string>, fold: 'none' | 'diacritics'): string {
  let body = normalizeText(expandPattern(source, lexicon)).text;
  if (fold === 'diacritics') body = foldDiacritics(body);
  return body.replace(/\.\.\./g, GAP);
}

export function compilePattern(source: string, opts: CompileOptions): RegExp {
  const body = patternBody(source, opts.lexicon, opts.fold);
  const wrapped = opts.mode === 'search' ? `${EDGE_L}(?:${body})${EDGE_R}` : `${opts.mode === 'anchored' ? '^' : ''}\\s*${FILLERS}(?:${body})${EDGE_R}`;
  try {
    return new RegExp(wrapped, opts.mode === 'search' ? 'giu' : opts.mode === 'sticky' ? 'iuy' : 'iu');
  } catch (e) {
    throw new PatternError((e as Error).message.replace(/^Invalid regular expression: /, ''), source);
  }
}
