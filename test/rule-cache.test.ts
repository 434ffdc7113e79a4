/**
 * The rule cache (src/rules/cache.ts, src/cli/rules-cache.ts) and lazy start-up: a cache is
 * used only when it holds exactly the rule set the files would give, and a stale, damaged or
 * unwritable cache changes nothing but the time a run takes. No test here depends on timing:
 * whether a run parsed the rules is read from the modules it loaded (YAML is loaded only to
 * parse them).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ARTICLES_DIR, ROOT, RULES_DIR } from './helpers.js';
import { buildRuleSet, readRuleSources } from '../src/rules/load.js';
import { decodeRuleSet, encodeRuleSet, ruleCacheKey, sameValue } from '../src/rules/cache.js';
import type { RuleSet } from '../src/rules/ruleset.js';

const BIN = join(ROOT, 'bin', 'chiso');
// Every folder this file makes is inside one, removed at the end.
const TMP = mkdtempSync(join(tmpdir(), 'chiso-rule-cache-test-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));
const tempDir = (prefix: string) => mkdtempSync(join(TMP, prefix));
const MODULE_LOG = join(ROOT, 'test', 'support', 'module-log.mjs');

/** Runs the built CLI; `modules`: the URLs of the modules it loaded. */
function chiso(args: string[], opts: { input?: string; env?: Record<string, string> } = {}) {
  const log = join(tempDir('chiso-modules-'), 'modules.txt');
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', MODULE_LOG, BIN, ...args], {
    cwd: ROOT, input: opts.input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CHISO_MODULE_LOG: log, ...opts.env },
  });
  const modules = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, modules, loaded: (part: string) => modules.some((m) => m.includes(part)) };
}

const parsedRules = (r: { loaded: (part: string) => boolean }) => r.loaded('/node_modules/yaml/');

/** A small rule folder of its own: the bundled catalog, lexicon and provinces, and one rule. */
function ruleFolder(ruleId: string): string {
  const dir = tempDir('chiso-rules-');
  for (const f of ['indicators.yaml', 'lexicon.yaml', 'provinces.yaml']) writeFileSync(join(dir, f), readFileSync(join(RULES_DIR, f)));
  writeRule(dir, ruleId);
  return dir;
}

function writeRule(dir: string, id: string): void {
  writeFileSync(join(dir, 'infra.yaml'), `rules:\n  - id: ${id}\n    indicator: infra.mobile_base_stations\n    units: [count]\n    after: 'trạm BTS'\n`);
}

const SENTENCE = 'Toàn tỉnh có 1.200 trạm BTS.\n';
const ruleOf = (stdout: string) => stdout.trim().split('\n').map((l) => (JSON.parse(l) as { rule: string }).rule);

function fresh(dir = RULES_DIR): { ruleSet: RuleSet; sources: ReturnType<typeof readRuleSources> } {
  const sources = readRuleSources(dir);
  const { ruleSet, diagnostics } = buildRuleSet(sources, { checkSafety: false });
  expect(diagnostics).toEqual([]);
  return { ruleSet, sources };
}

describe('rule cache format', () => {
  const { ruleSet, sources } = fresh();
  const key = ruleCacheKey({ sources, checkSafety: false, version: 'test', code: 'test' })!;
  const text = encodeRuleSet(ruleSet, sources, key)!;

  it('decodes the bundled rules to an exact copy, regular expressions included', () => {
    expect(text).not.toBeNull();
    expect(sameValue(decodeRuleSet(text, key, (name) => join(RULES_DIR, name)), ruleSet)).toBe(true);
    // Built on first use, then a plain property; structured cloning (worker threads) builds them too.
    const back = decodeRuleSet(text, key, (name) => join(RULES_DIR, name))!;
    const withAfter = ruleSet.rules.findIndex((r) => r.after);
    expect(Object.getOwnPropertyDescriptor(back.rules[withAfter], 'after')!.get).toBeDefined();
    expect(back.rules[withAfter]!.after).toEqual(ruleSet.rules[withAfter]!.after);
    expect(back.rules[withAfter]!.after).toBe(back.rules[withAfter]!.after);
    expect(Object.getOwnPropertyDescriptor(back.rules[withAfter], 'after')!.value).toBeInstanceOf(RegExp);
    expect(sameValue(structuredClone(decodeRuleSet(text, key, (name) => join(RULES_DIR, name))), ruleSet)).toBe(true);
  });

  it('stores file names, not paths: a moved folder gets its own paths', () => {
    const back = decodeRuleSet(text, key, (name) => join('/elsewhere', name))!;
    expect(back.rules[0]!.file).toBe(join('/elsewhere', ruleSet.rules[0]!.file.split('/').pop()!));
  });

  it('the key changes with any file, the build option, the version and the code', () => {
    const edited = sources.map((s, i) => (i === 0 ? { ...s, text: `${s.text} ` } : s));
    const keys = [
      key,
      ruleCacheKey({ sources: edited, checkSafety: false, version: 'test', code: 'test' }),
      ruleCacheKey({ sources: sources.slice(1), checkSafety: false, version: 'test', code: 'test' }),
      ruleCacheKey({ sources, checkSafety: true, version: 'test', code: 'test' }),
      ruleCacheKey({ sources, checkSafety: false, version: 'other', code: 'test' }),
      ruleCacheKey({ sources, checkSafety: false, version: 'test', code: 'other' }),
    ];
    expect(new Set(keys).size).toBe(keys.length);
    expect(ruleCacheKey({ sources: [...sources, { file: 'x.yaml', text: '', problem: 'permission denied' }], checkSafety: false, version: 'test', code: 'test' })).toBeNull();
  });

  it('a stale, damaged or foreign file decodes to nothing', () => {
    const at = (name: string) => join(RULES_DIR, name);
    expect(decodeRuleSet(text, key.replace(/^./, (c) => (c === '0' ? '1' : '0')), at)).toBeNull();
    const nl = text.indexOf('\n');
    const flipped = text.slice(0, nl + 100) + (text[nl + 100] === 'a' ? 'b' : 'a') + text.slice(nl + 101);
    expect(decodeRuleSet(flipped, key, at)).toBeNull();
    expect(decodeRuleSet(text.slice(0, text.length / 2), key, at)).toBeNull();
    expect(decodeRuleSet('', key, at)).toBeNull();
    expect(decodeRuleSet('garbage\n{', key, at)).toBeNull();
    expect(decodeRuleSet('\u0000\u00ff'.repeat(100), key, at)).toBeNull();
  });

  it('a rule set the format cannot reproduce exactly is not cached', () => {
    const odd = (extra: object) => encodeRuleSet({ ...ruleSet, ...extra } as RuleSet, sources, key);
    expect(odd({ extra: new (class Thing {})() })).toBeNull();
    expect(odd({ extra: Number.NaN })).toBeNull();
    expect(odd({ extra: -0 })).toBeNull();
    expect(odd({ extra: undefined })).toBeNull();
    expect(odd({ extra: () => 1 })).toBeNull();
    expect(odd({ a: ruleSet.lexicon })).toBeNull(); // shared: would come back as two objects
    const withTag = odd({ extra: { $re: ['x', 'g'], $map: 1 } });
    expect(withTag).not.toBeNull();
    expect((decodeRuleSet(withTag!, key, (n) => join(RULES_DIR, n)) as unknown as { extra: unknown }).extra).toEqual({ $re: ['x', 'g'], $map: 1 });
  });
});

describe('the CLI and its caches', () => {
  it('--version and --help load no rules, pipeline, YAML, zod or HTML parser', () => {
    for (const args of [['--version'], ['--help'], ['extract', '--help'], ['pivot', '--help']]) {
      const r = chiso(args);
      expect(r.code).toBe(0);
      expect(r.modules.length).toBeGreaterThan(0);
      for (const part of ['/node_modules/yaml/', '/node_modules/zod/', '/node_modules/htmlparser2/', '/node_modules/iconv-lite/', '/node_modules/csv-stringify/', '/dist/rules/', '/dist/pipeline/', '/dist/cli/commands/']) {
        expect(r.loaded(part), `${args.join(' ')} loads ${part}`).toBe(false);
      }
    }
  });

  it('the bundled rules start from the build’s cache, with the records a parse gives', () => {
    expect(existsSync(join(ROOT, 'dist', 'rules-cache.json'))).toBe(true);
    const cached = chiso(['extract', ARTICLES_DIR, '--format', 'json', '-q']);
    const parsed = chiso(['extract', ARTICLES_DIR, '--format', 'json', '-q'], { env: { CHISO_CACHE: '0' } });
    expect(cached.code).toBe(0);
    expect(parsedRules(cached)).toBe(false);
    expect(parsedRules(parsed)).toBe(true);
    expect(cached.stdout.length).toBeGreaterThan(1000);
    expect(cached.stdout).toBe(parsed.stdout);
  });

  it('a --rules folder is cached per user; an edited file is parsed again; a damaged cache is ignored', () => {
    const home = tempDir('chiso-cache-home-');
    const dir = ruleFolder('a.one');
    const run = () => chiso(['extract', '-', '--rules', dir, '--format', 'jsonl'], { input: SENTENCE, env: { XDG_CACHE_HOME: home } });
    const cacheFiles = () => (existsSync(join(home, 'chiso')) ? readdirSync(join(home, 'chiso')) : []);

    const first = run();
    expect(first.code).toBe(0);
    expect(ruleOf(first.stdout)).toEqual(['a.one']);
    expect(parsedRules(first)).toBe(true);
    expect(cacheFiles()).toHaveLength(1);

    const second = run();
    expect(parsedRules(second)).toBe(false);
    expect(second.stdout).toBe(first.stdout);

    writeRule(dir, 'a.two'); // the cache is now stale
    const third = run();
    expect(parsedRules(third)).toBe(true);
    expect(ruleOf(third.stdout)).toEqual(['a.two']);
    expect(cacheFiles()).toHaveLength(2);

    for (const f of cacheFiles()) writeFileSync(join(home, 'chiso', f), 'not a cache\n{{{');
    const fourth = run();
    expect(fourth.code).toBe(0);
    expect(parsedRules(fourth)).toBe(true);
    expect(fourth.stdout).toBe(third.stdout);
    expect(run().stdout).toBe(third.stdout); // rewritten by the fourth run, and read back
  });

  it('an unusable cache folder never fails a run', () => {
    const dir = ruleFolder('a.one');
    const asFile = join(tempDir('chiso-cache-file-'), 'file');
    writeFileSync(asFile, '');
    const open = tempDir('chiso-cache-open-');
    mkdirSync(join(open, 'chiso'));
    chmodSync(join(open, 'chiso'), 0o777); // others could plant a cache: not used
    for (const home of [asFile, open, '/proc/nonexistent']) {
      const r = chiso(['extract', '-', '--rules', dir, '--format', 'jsonl'], { input: SENTENCE, env: { XDG_CACHE_HOME: home } });
      expect(r.code, home).toBe(0);
      expect(ruleOf(r.stdout)).toEqual(['a.one']);
    }
    expect(readdirSync(join(open, 'chiso'))).toEqual([]);
  });

  it('invalid rules are never cached: each run reports them from a parse', () => {
    const home = tempDir('chiso-cache-home-');
    const dir = ruleFolder('a.one');
    writeFileSync(join(dir, 'infra.yaml'), 'rules:\n  - id: a.one\n    indicator: no.such_key\n    units: [count]\n    after: trạm\n');
    const runs = [1, 2].map(() => chiso(['extract', '-', '--rules', dir], { input: SENTENCE, env: { XDG_CACHE_HOME: home } }));
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/infra\.yaml:2:5 {2}unknown indicator key "no\.such_key"/);
    }
    expect(runs[1]!.stderr).toBe(runs[0]!.stderr);
    expect(existsSync(join(home, 'chiso')) ? readdirSync(join(home, 'chiso')) : []).toEqual([]);
  });
});
