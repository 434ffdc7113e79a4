/**
 * The rule cache's format: a checked rule set (what `buildRuleSet` returns when it finds no
 * problem) as JSON, so a run can skip YAML parsing, schema checks and pattern compilation.
 * Pure: the caller reads and writes the files (src/cli/rules-cache.ts).
 *
 * A cache file is two lines: a header `{"chisoRulesCache":FORMAT,"key":…,"sum":…}` and the
 * encoded rule set. `key` hashes everything the rule set is a function of (the rule files'
 * names and text, the build options, the code that builds it); `sum` hashes the second line,
 * so a truncated or damaged file is never decoded. Decoding returns null on any mismatch and
 * the caller parses the files instead: a cache can only ever save time.
 *
 * The encoding is generic (it does not know the rule set's fields): plain objects, arrays,
 * strings, finite numbers, booleans, null, Maps, Sets and RegExps. Anything else (a class
 * instance, a function, undefined, NaN …) makes `encodeRuleSet` return null, as does any
 * value that does not decode to an exact copy of itself, so a rule set the format cannot hold
 * is simply not cached. The rule files' paths are stored by name and joined to the folder the
 * rules are loaded from, so the cache does not depend on where the folder is.
 *
 * Regular expressions are stored as source and flags and built on first use: a property
 * holding one is a getter that builds it once and then becomes the plain value (V8 parses a
 * Unicode pattern when it is constructed, which for the bundled rules costs more than reading
 * the whole cache; a run over one sentence uses a few of them).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { RuleSet } from './ruleset.js';
import type { RuleSource } from './sources.js';

/** Bumped whenever the encoding changes. */
export const CACHE_FORMAT = 1;

export interface CacheKeyInput {
  sources: readonly RuleSource[];
  /** buildRuleSet's option: a set built without the safety analysis never serves one that needs it. */
  checkSafety: boolean;
  /** chiso's version. */
  version: string;
  /** A fingerprint of the code that builds rule sets (see src/cli/rules-cache.ts). */
  code: string;
}

/** The cache key: null when a file could not be read (such a folder is never cached). */
export function ruleCacheKey(input: CacheKeyInput): string | null {
  if (input.sources.some((s) => s.problem !== undefined)) return null;
  const h = createHash('sha256');
  h.update(JSON.stringify({ format: CACHE_FORMAT, version: input.version, code: input.code, checkSafety: input.checkSafety }));
  for (const s of input.sources) h.update(`\0${basename(s.file)}\0${s.text.length}\0${s.text}`);
  return h.digest('hex');
}

class Unencodable extends Error {}

/**
 * The cache file's text for a rule set built from `sources`, or null when the rule set holds
 * something the format cannot reproduce exactly.
 */
export function encodeRuleSet(ruleSet: RuleSet, sources: readonly RuleSource[], key: string): string | null {
  const names = new Map(sources.map((s) => [s.file, basename(s.file)]));
  const seen = new Set<object>();
  const enc = (v: unknown): unknown => {
    if (v === null || typeof v === 'boolean') return v;
    if (typeof v === 'string') return names.has(v) ? { $file: names.get(v) } : v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v) || Object.is(v, -0)) throw new Unencodable('number');
      return v;
    }
    if (typeof v !== 'object') throw new Unencodable(typeof v);
    // Shared objects would come back as copies: not worth a format of references.
    if (seen.has(v)) throw new Unencodable('shared object');
    seen.add(v);
    if (Array.isArray(v)) return v.map(enc);
    if (v instanceof Map) return { $map: [...v].map(([k, x]) => [enc(k), enc(x)]) };
    if (v instanceof Set) return { $set: [...v].map(enc) };
    if (v instanceof RegExp) {
      if (v.lastIndex !== 0 || Object.keys(v).length > 0) throw new Unencodable('regexp state');
      return { $re: [v.source, v.flags] };
    }
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw new Unencodable('class instance');
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = enc(x);
    // A plain object whose keys look like the format's own tags is wrapped.
    return Object.keys(out).some((k) => k.startsWith('$')) ? { $obj: out } : out;
  };
  let body: string;
  try {
    body = JSON.stringify(enc(ruleSet));
  } catch (e) {
    if (e instanceof Unencodable) return null;
    throw e;
  }
  const text = `${JSON.stringify({ chisoRulesCache: CACHE_FORMAT, key, sum: sha256(body) })}\n${body}\n`;
  // The proof: what a later run will decode is an exact copy (same folder, same paths).
  const back = decodeRuleSet(text, key, (name) => [...names].find(([, n]) => n === name)?.[0] ?? name);
  return back !== null && sameValue(back, ruleSet) ? text : null;
}

/**
 * The rule set a cache file holds, when it is intact and was made for `key`; else null.
 * `fileOf(name)` is the path of the rule file `name` in the folder being loaded.
 */
export function decodeRuleSet(text: string, key: string, fileOf: (name: string) => string): RuleSet | null {
  try {
    const nl = text.indexOf('\n');
    if (nl < 0) return null;
    const header = JSON.parse(text.slice(0, nl)) as { chisoRulesCache?: unknown; key?: unknown; sum?: unknown };
    if (header.chisoRulesCache !== CACHE_FORMAT || header.key !== key) return null;
    const body = text.slice(nl + 1).replace(/\n$/, '');
    if (header.sum !== sha256(body)) return null;
    return decodeValue(JSON.parse(body), fileOf) as RuleSet;
  } catch {
    return null;
  }
}

/**
 * Rebuilds what `enc` encoded, in place (JSON.parse's objects are fresh). An object whose first
 * key starts with `$` is a tag: the encoder wraps every plain object that has such a key.
 */
function decodeValue(v: unknown, fileOf: (name: string) => string): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (v[i] !== null && typeof v[i] === 'object') v[i] = decodeValue(v[i], fileOf);
    return v;
  }
  const o = v as Record<string, unknown>;
  let first: string | undefined;
  for (const k in o) {
    first = k;
    break;
  }
  if (first !== undefined && first.startsWith('$')) {
    switch (first) {
      case '$file': return fileOf(expect(o.$file, 'string'));
      case '$map': return new Map((o.$map as [unknown, unknown][]).map(([k, x]) => [decodeValue(k, fileOf), decodeValue(x, fileOf)]));
      case '$set': return new Set((o.$set as unknown[]).map((x) => decodeValue(x, fileOf)));
      case '$re': return regExpOf(o.$re);
      case '$obj': return decodeFields(o.$obj as Record<string, unknown>, fileOf);
      default: throw new Error('malformed rule cache');
    }
  }
  return decodeFields(o, fileOf);
}

function decodeFields(o: Record<string, unknown>, fileOf: (name: string) => string): Record<string, unknown> {
  for (const k in o) {
    const x = o[k];
    if (x === null || typeof x !== 'object') continue;
    if (!Array.isArray(x) && '$re' in x) lazyRegExp(o, k, (x as { $re: unknown }).$re);
    else o[k] = decodeValue(x, fileOf);
  }
  return o;
}

function regExpOf(spec: unknown): RegExp {
  const [source, flags] = spec as [unknown, unknown];
  return new RegExp(expect(source, 'string'), expect(flags, 'string'));
}

/** `out[key]`: the regular expression, built on first read, then a plain data property. */
function lazyRegExp(out: Record<string, unknown>, key: string, spec: unknown): void {
  const [source, flags] = spec as [unknown, unknown];
  expect(source, 'string');
  expect(flags, 'string');
  const settle = (value: unknown) => Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(out, key, {
    enumerable: true,
    configurable: true,
    get() {
      const re = regExpOf(spec);
      settle(re);
      return re;
    },
    set(value: unknown) {
      settle(value);
    },
  });
}

function expect<T extends 'string'>(v: unknown, type: T): string {
  if (typeof v !== type) throw new Error('malformed rule cache');
  return v as string;
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Deep equality that tells apart everything the format could lose: key order, Map and Set order, -0, undefined, prototypes. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof RegExp) return a.source === (b as RegExp).source && a.flags === (b as RegExp).flags && a.lastIndex === (b as RegExp).lastIndex;
  if (a instanceof Map || a instanceof Set) {
    const xs = [...a];
    const ys = [...(b as Map<unknown, unknown> | Set<unknown>)];
    return xs.length === ys.length && xs.every((x, i) => sameValue(x, ys[i]));
  }
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameValue(x, (b as unknown[])[i]));
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i])) return false;
  return ka.every((k) => sameValue((a as Record<PropertyKey, unknown>)[k], (b as Record<PropertyKey, unknown>)[k]));
}
