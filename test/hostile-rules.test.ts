/**
 * Issue 15, hostile rules: no rule file can stall a run, crash the loader, or read files
 * outside its folder (items 1, 17, 18).
 */
import { copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES_DIR, chiso } from './helpers.js';
import { buildRuleSet, readRuleSources } from '../src/rules/load.js';
import { checkPatternSafety, patternRisk, MAX_WAYS } from '../src/rules/safety.js';
import { patternBody } from '../src/rules/compile.js';
import { extractArticle } from '../src/pipeline/extract.js';
import { buildProvinceMatcher } from '../src/article/fields.js';

const CATALOG = ['indicators.yaml', 'lexicon.yaml', 'provinces.yaml'].map((f) => ({ file: f, text: readRuleSources(RULES_DIR).find((s) => s.file.endsWith(f))!.text }));

const ruleYaml = (field: string, pattern: string, id = 'evil.rule') => `rules:
  - id: ${id}
    indicator: infra.mobile_base_stations
    units: [count]
    ${field}: '${pattern.replace(/'/g, "''")}'
`;

function load(field: string, pattern: string) {
  return buildRuleSet([...CATALOG, { file: 'evil.yaml', text: ruleYaml(field, pattern) }]);
}

/** A rule directory with the bundled catalog and the given files. */
function ruleDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-hostile-rules-'));
  for (const f of ['indicators.yaml', 'lexicon.yaml', 'provinces.yaml']) copyFileSync(join(RULES_DIR, f), join(dir, f));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

// The patterns of the issue, and classic shapes of the same families.
const PATHOLOGICAL = [
  '(?:a|aa)*b',
  '(?=(?:a|aa)*b)a',
  '(?:a?){40}a{40}',
  '(?:(?:trạm ){1,65535}){1,65535}x',
  '[^;]*[^;]*[^;]*[^;]*[^;]*[^;]*x',
  '(a+)+$',
  '(\\d+\\s?)*x',
  '(?:ab?|b)*c',
  '(?:trạm |trạm trạm )*x',
  '(?:x\\s*)+\\s*y',
  '[^;]*[^;]*[^;]*x',
  '(?:a|a)*b',
  '(a)\\1*b',
];

describe('item 1: patterns that backtrack catastrophically are rejected', () => {
  it.each(PATHOLOGICAL)('the safety check rejects %s', async (p) => {
    expect(checkPatternSafety(p)).toMatch(/backtrack|too large|back-references/);
  });

  it.each(PATHOLOGICAL)('the loader refuses a rule whose after is %s (unsafe-pattern, with file:line)', async (p) => {
    const { ruleSet, diagnostics } = load('after', p);
    expect(ruleSet.rules.find((r) => r.rule.id === 'evil.rule')).toBeUndefined();
    expect(diagnostics.some((d) => d.file === 'evil.yaml' && d.line === 2 && d.code === 'unsafe-pattern'), JSON.stringify(diagnostics)).toBe(true);
  });

  it('every bundled pattern passes, with a bound well below the limit', async () => {
    const { ruleSet, diagnostics } = buildRuleSet(readRuleSources(RULES_DIR));
    expect(diagnostics).toEqual([]);
    let worst = 0;
    for (const r of ruleSet.rules) {
      for (const f of ['after', 'before', 'not_after', 'not_before', 'context'] as const) {
        const src = r.rule[f];
        if (src) worst = Math.max(worst, patternRisk(patternBody(src, ruleSet.lexicon, r.rule.fold)).ways);
      }
    }
    expect(worst).toBeLessThan(MAX_WAYS);
  });

  it('safe shapes stay accepted: bounded gaps, literal lists, optional words', async () => {
    for (const p of ['trạm(?: BTS)?', '(?:xã|phường)(?:,? (?:và )?(?:xã|phường))*', 'hộ[^;\\d]{0,40}?có máy tính', '(?:thôn|bản|buôn|bon)', '\\d+ km']) {
      expect(checkPatternSafety(p), p).toBeNull();
    }
  });

  it('rules check rejects each pathological rule and exits 1, without running it', async () => {
    const files: Record<string, string> = {};
    PATHOLOGICAL.forEach((p, i) => (files[`evil${i}.yaml`] = ruleYaml('after', p, `evil.r${i}`)));
    const r = await chiso(['rules', 'check', '--rules', ruleDir(files)]);
    expect(r.code).toBe(1);
    for (let i = 0; i < PATHOLOGICAL.length; i++) expect(r.stdout).toMatch(new RegExp(`evil${i}\\.yaml:2:5 .*\\[evil\\.r${i}\\]`));
  });

  it('extract with a pathological rule on a 100 KB adversarial line stops at once with exit 2', async () => {
    const dir = ruleDir({ 'evil.yaml': ruleYaml('after', '[^;]*[^;]*[^;]*[^;]*[^;]*[^;]*x') });
    const tmp = mkdtempSync(join(tmpdir(), 'chiso-adv-'));
    const line = Array.from({ length: 5000 }, (_, i) => `${i} trạm aaaaaaaaaaaaaaa`).join(' ').slice(0, 100_000);
    writeFileSync(join(tmp, 'adv.txt'), line);
    const t0 = Date.now();
    const r = await chiso(['extract', join(tmp, 'adv.txt'), '--rules', dir, '-f', 'jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/evil\.yaml:2:5 .*backtrack/);
    expect(Date.now() - t0).toBeLessThan(60_000); // very loose: the rule never runs
  });

  it('the bundled rules and the costliest accepted custom rule finish a 100 KB adversarial line', async () => {
    // A rule at the edge of the limit: three bounded gaps over overlapping characters.
    const edge = 'trạm[^;]{0,90}?trạm[^;]{0,90}?trạm[^;]{0,90}?x';
    expect(patternRisk(edge).problem).toBeNull();
    const { ruleSet, diagnostics } = buildRuleSet([...readRuleSources(RULES_DIR), { file: 'edge.yaml', text: ruleYaml('after', edge, 'edge.rule') }]);
    expect(diagnostics).toEqual([]);
    const line = Array.from({ length: 4000 }, (_, i) => `${i % 97} trạm trạm trạm trạm tỷ lệ xã phường`).join(' ').slice(0, 100_000);
    const t0 = Date.now();
    const out = extractArticle({ source: 'adv', text: line }, { ruleSet, provinces: buildProvinceMatcher([]) });
    expect(out.records.length).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(60_000); // linear by construction; the bound is only a tripwire
  });
});

describe('item 17: a pattern that matches the empty string is refused', () => {
  it.each(['after', 'before', 'context', 'not_after'])('an empty-matching %s is an error', (field) => {
    const other = field === 'after' ? '' : "    after: 'trạm'\n";
    const text = `rules:\n  - id: e.rule\n    indicator: infra.mobile_base_stations\n    units: [count]\n${other}    ${field}: '(?:trạm BTS)?'\n`;
    const { ruleSet, diagnostics } = buildRuleSet([...CATALOG, { file: 'e.yaml', text }]);
    expect(ruleSet.rules.find((r) => r.rule.id === 'e.rule')).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toContain('empty-pattern');
  });

  it('an after pattern like (?:BTS)? no longer keys unrelated numbers', async () => {
    const { ruleSet, diagnostics } = load('after', '(?:trạm BTS)?');
    expect(diagnostics.some((d) => d.code === 'empty-pattern')).toBe(true);
    const out = extractArticle({ source: 't', text: 'Có 45 con mèo.' }, { ruleSet, provinces: buildProvinceMatcher([]) });
    expect(out.records.filter((r) => r.rule === 'evil.rule')).toEqual([]);
  });
});

describe('item 18: rule-file problems are diagnostics with file:line, never crashes', () => {
  it('{constructor} in a pattern is an unknown lexicon entry, not a TypeError', async () => {
    for (const name of ['constructor', '__proto__', '__definegetter__']) {
      const { diagnostics } = load('after', `{${name}} trạm`);
      expect(diagnostics.map((d) => d.message).join('\n')).toContain(`unknown lexicon entry {${name}}`);
    }
  });

  it('a YAML alias bomb is reported at its file:line', async () => {
    const bomb = 'description: x\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nrules: []\n';
    const { diagnostics } = buildRuleSet([...CATALOG, { file: 'bomb.yaml', text: bomb }]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ file: 'bomb.yaml', line: 3, code: 'syntax' });
    const r = await chiso(['rules', 'check', '--rules', ruleDir({ 'bomb.yaml': bomb })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bomb\.yaml:3:\d+ +invalid YAML: Excessive alias count/);
    expect(r.stderr).not.toMatch(/internal error/);
  });

  it('a rule-file symlink to a file outside --rules is not followed, and its content is never echoed', async () => {
    const secretDir = mkdtempSync(join(tmpdir(), 'chiso-secret-'));
    writeFileSync(join(secretDir, 'secret.txt'), 'TOP-SECRET: password123 {{{ not yaml');
    const dir = ruleDir({});
    symlinkSync(join(secretDir, 'secret.txt'), join(dir, 'leak.yaml'));
    const r = await chiso(['rules', 'check', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/leak\.yaml:1:1 +is a symlink to a file outside the rule folder; not read/);
    expect(r.stdout + r.stderr).not.toContain('password123');
    // A symlink inside the folder is fine.
    const ok = ruleDir({});
    mkdirSync(join(ok, 'sub'));
    writeFileSync(join(ok, 'sub', 'r.yaml'), ruleYaml('after', 'trạm BTS', 'ok.rule') + "    examples:\n      - text: 'Có 12 trạm BTS.'\n        expect: [{ value: 12, unit: count }]\n");
    symlinkSync(join(ok, 'sub', 'r.yaml'), join(ok, 'r.yaml'));
    expect((await chiso(['rules', 'check', '--rules', ok])).code).toBe(0);
  });
});

describe('item 1: a time budget per article, so no input can stall a run', () => {
  it('an article over its budget is skipped with a message (a counting clock, no timing)', async () => {
    const { doWork, articleBudgetMs } = await import('../src/cli/work.js');
    const { makeFormatter } = await import('../src/io/formats.js');
    const { ruleSet } = buildRuleSet(readRuleSources(RULES_DIR));
    const ctx = { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces), fmt: makeFormatter('jsonl') };
    const text = Array.from({ length: 50 }, (_, i) => `Có ${i + 1} trạm BTS.`).join(' ');
    const item = { kind: 'article' as const, article: { source: 's', text }, origin: 'slow.txt', bytes: text.length };
    // Each look at the clock advances it by a second: the budget runs out after about 20 numbers.
    let t = 0;
    const slow = doWork(item, { ...ctx, now: () => (t += 1000) });
    expect(slow.skip).toMatch(/^took more than 20 s to extract \(a pathological line\?\); skipped, the run goes on$/);
    expect(slow.records).toBe(0);
    const normal = doWork(item, { ...ctx, now: () => 0 });
    expect(normal.skip).toBeUndefined();
    expect(normal.records).toBe(50);
    expect(articleBudgetMs(64 * 1024 * 1024)).toBeGreaterThan(600_000);
  });
});
