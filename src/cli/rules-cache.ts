/**
 * Where rule caches live and how they are read and written (the format is src/rules/cache.ts).
 *
 * - The bundled rules' cache, `dist/rules-cache.json`, is written by `npm run build`
 *   (scripts/build-rules-cache.mjs).
 * - Any other rule set that loads without problems (a `--rules DIR`, or the bundled rules
 *   edited since the build) is cached per user, in `$XDG_CACHE_HOME/chiso` (else
 *   `~/.cache/chiso`): a folder of our own (created 0700; not used when another user owns it or
 *   can write to it), one file per rule set, the 16 most recent kept.
 *
 * `CHISO_CACHE=0` turns both off. Every failure here (a missing, foreign, stale or damaged file,
 * a folder that cannot be written) only means the rules are parsed as without a cache; none
 * is reported and none fails the run.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync,
} from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeRuleSet, encodeRuleSet, ruleCacheKey } from '../rules/cache.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { RuleSource } from '../rules/sources.js';

/** The bundled rules' cache: beside the compiled code (`dist/`). */
export const BUNDLED_CACHE = fileURLToPath(new URL('../rules-cache.json', import.meta.url));

/** Per-user cache files kept (the oldest beyond this are removed when a new one is written). */
const KEEP = 16;
/** Largest cache file read (the bundled rules' is about 0.4 MB). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

type Env = Record<string, string | undefined>;

export interface CacheContext {
  key: string;
  dir: string;
  sources: RuleSource[];
  env: Env;
  /** The bundled rules: their build-time cache is looked at first. */
  bundled: boolean;
}

/** The cache key of a rule folder's files, or null when they cannot be cached. */
export function cacheKeyOf(sources: RuleSource[], checkSafety: boolean, version: string, env: Env): string | null {
  if (env.CHISO_CACHE === '0') return null;
  const code = codeFingerprint();
  // Patterns are normalized and lower-cased with the runtime's Unicode data: its version is part of the code.
  return code === null ? null : ruleCacheKey({ sources, checkSafety, version, code: `${code} unicode ${process.versions.unicode}` });
}

/** The cached rule set for these files: the bundled cache first, then the user's. */
export function readCachedRuleSet(ctx: CacheContext): RuleSet | null {
  const fileOf = (name: string) => join(ctx.dir, name);
  for (const file of [ctx.bundled ? BUNDLED_CACHE : null, userCacheFile(ctx)]) {
    if (!file) continue;
    const text = readCacheFile(file, file !== BUNDLED_CACHE);
    const ruleSet = text === null ? null : decodeRuleSet(text, ctx.key, fileOf);
    if (ruleSet) return ruleSet;
  }
  return null;
}

/** Caches a rule set just built from these files, for the user's next runs. Never throws. */
export function writeUserCache(ctx: CacheContext, ruleSet: RuleSet): void {
  try {
    const file = userCacheFile(ctx, true);
    if (!file) return;
    const text = encodeRuleSet(ruleSet, ctx.sources, ctx.key);
    if (text === null) return;
    writeAtomically(file, text, 0o600);
    prune(dirname(file));
  } catch {
    /* a cache that cannot be written is no cache */
  }
}

/** `dist/rules-cache.json` for the bundled rules (the build's last step). Returns why not, when not written. */
export function writeBundledCache(ruleSet: RuleSet, sources: RuleSource[], key: string): string | null {
  const text = encodeRuleSet(ruleSet, sources, key);
  if (text === null) return 'the rule set holds values the cache format cannot reproduce exactly';
  writeAtomically(BUNDLED_CACHE, text, 0o644);
  return null;
}

/** The per-user cache folder, when it is usable (created on `create`). */
function userCacheDir(env: Env, create: boolean): string | null {
  if (env.CHISO_CACHE === '0') return null;
  let base = env.XDG_CACHE_HOME;
  if (!base || !isAbsolute(base)) {
    const home = env.HOME;
    if (!home || !isAbsolute(home)) return null;
    base = join(home, '.cache');
  }
  const dir = join(base, 'chiso');
  try {
    // One level at a time, never `recursive` (which loops forever under /proc in Node 20).
    if (create) for (const d of [base, dir]) if (!existsSync(d)) mkdirSync(d, { mode: 0o700 });
    const st = statSync(dir);
    // Ours, and nobody else can put a file in it.
    if (!st.isDirectory() || (process.getuid && st.uid !== process.getuid()) || (st.mode & 0o022) !== 0) return null;
    return dir;
  } catch {
    return null;
  }
}

function userCacheFile(ctx: CacheContext, create = false): string | null {
  const dir = userCacheDir(ctx.env, create);
  return dir === null ? null : join(dir, `rules-${ctx.key.slice(0, 40)}.json`);
}

/** A cache file's text; null when absent, not a regular file, too large, or (`own`) not the user's. */
function readCacheFile(file: string, own: boolean): string | null {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | (own ? constants.O_NOFOLLOW : 0));
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_CACHE_BYTES) return null;
    if (own && process.getuid && st.uid !== process.getuid()) return null;
    const buf = Buffer.alloc(st.size);
    let len = 0;
    for (let got = 1; got > 0 && len < buf.length; len += got) got = readSync(fd, buf, len, buf.length - len, null);
    return buf.subarray(0, len).toString('utf8');
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Written to a fresh temporary file beside `file`, then renamed over it: readers see the old file or the new one. */
function writeAtomically(file: string, text: string, mode: number): void {
  const tmp = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, text, { flag: 'wx', mode });
    renameSync(tmp, file);
  } catch (e) {
    try {
      unlinkSync(tmp);
    } catch {
      /* not created */
    }
    throw e;
  }
}

function prune(dir: string): void {
  const files = readdirSync(dir)
    .filter((n) => /^rules-[0-9a-f]+\.json$/.test(n))
    .map((n) => {
      try {
        return { path: join(dir, n), mtime: statSync(join(dir, n)).mtimeMs };
      } catch {
        return null;
      }
    })
    .filter((f) => f !== null)
    .sort((a, b) => b.mtime - a.mtime);
  for (const f of files.slice(KEEP)) {
    try {
      unlinkSync(f.path);
    } catch {
      /* gone already */
    }
  }
}

let fingerprint: string | null | undefined;

/**
 * A hash of the code a rule set is built by: `rules/load` and every module it imports,
 * transitively (their text), and the name and version of each package among them. Any change
 * to that code changes the key, so a cache never outlives the code that wrote it (a rebuilt
 * `dist/`, a source checkout run by the tests). Null when the code cannot be read.
 */
export function codeFingerprint(): string | null {
  if (fingerprint !== undefined) return fingerprint;
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const h = createHash('sha256');
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    // A specifier the scan misread (in a comment, a string) names no file: hashed as missing.
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '\0missing';
    h.update(`${file.slice(root.length)}\0${text}\0`);
    for (const m of text.matchAll(/\b(?:from|import)\s*\(?\s*['"]([^'"\n]+)['"]/g)) {
      const spec = m[1]!;
      if (spec.startsWith('node:')) continue;
      if (spec.startsWith('.')) {
        let target = resolve(dirname(file), spec);
        if (!existsSync(target) && ext === '.ts') target = target.replace(/\.js$/, '.ts');
        visit(target);
      } else packages.add(packageVersion(spec, dirname(file)));
    }
  };
  try {
    visit(join(root, 'rules', `load${ext}`));
    visit(fileURLToPath(import.meta.url));
    h.update([...packages].sort().join('\0'));
    fingerprint = h.digest('hex');
  } catch {
    fingerprint = null;
  }
  return fingerprint;
}

/** `name@version` of the package a bare import names, found as Node finds it (node_modules upwards). */
function packageVersion(spec: string, from: string): string {
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  for (let dir = from; ; dir = dirname(dir)) {
    const pkg = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(pkg)) return `${name}@${(JSON.parse(readFileSync(pkg, 'utf8')) as { version?: string }).version}`;
    if (dirname(dir) === dir) return `${name}@?`;
  }
}
