/** `chiso rules check`, `eval`, `explain`, `unmatched` — as a rule author uses them. */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, RULES_DIR, chiso, run } from './helpers.js';
import { buildRuleSet, readRuleSources } from '../src/rules/load.js';
import { extractArticle } from '../src/pipeline/extract.js';
import { buildProvinceMatcher } from '../src/article/fields.js';

/** A rule directory with the bundled catalog and one rule file of the test's choosing. */
function ruleDir(ruleFile: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-rules-'));
  for (const f of ['indicators.yaml', 'lexicon.yaml', 'provinces.yaml']) copyFileSync(join(RULES_DIR, f), join(dir, f));
  writeFileSync(join(dir, 'test.yaml'), ruleFile);
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

const GOOD = `rules:
  - id: infra.mobile_base_stations
    indicator: infra.mobile_base_stations
    units: [count]
    after: 'trạm BTS'
    examples:
      - text: 'Có 12 trạm BTS.'
        expect: [{ value: 12, unit: count }]
`;

describe('chiso rules check', () => {
  it('passes the bundled rules (exit 0)', async () => {
    const r = await chiso(['rules', 'check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no problems/);
  });

  it('passes a clean custom directory', async () => {
    expect((await chiso(['rules', 'check', '--rules', ruleDir(GOOD)])).code).toBe(0);
  });

  it.each([
    ['malformed YAML', 'rules:\n  - id: x\n    indicator: [unclosed\n', /test\.yaml:\d+:\d+\s+invalid YAML/],
    ['unknown indicator key', GOOD.replace('indicator: infra.mobile_base_stations', 'indicator: infra.no_such_key'), /test\.yaml:2:5\s+unknown indicator key "infra\.no_such_key"\s+\[infra\.mobile_base_stations\]/],
    ['unit the key does not allow', GOOD.replace('units: [count]', 'units: [count, percent]'), /unit "percent" is not allowed for infra\.mobile_base_stations/],
    ['pattern that does not compile', GOOD.replace("after: 'trạm BTS'", "after: 'trạm (BTS'"), /test\.yaml:2:5\s+after: .*(?:Unterminated group|unterminated)/i],
    ['missing example', GOOD.replace(/    examples:[\s\S]*$/, ''), /rule has no positive example\s+\[infra\.mobile_base_stations\]/],
    ['example that fails', GOOD.replace('value: 12', 'value: 13'), /example "Có 12 trạm BTS\." : expected|example "Có 12 trạm BTS\.": expected infra\.mobile_base_stations 13 count/],
    ['counterexample that matches', GOOD + "    counterexamples: ['Xã có 3 trạm BTS mới.']\n", /counterexample "Xã có 3 trạm BTS mới\." produced/],
    ['catastrophic (a+)+$', GOOD.replace("after: 'trạm BTS'", () => "after: '(a+)+$'"), /unsafe|catastrophic/],
    ['catastrophic (\\d+\\s?)*x', GOOD.replace("after: 'trạm BTS'", () => "after: '(\\d+\\s?)*x'"), /catastrophic/],
  ])('reports %s with file:line:col and exits 1', async (_name, yaml, message) => {
    const r = await chiso(['rules', 'check', '--rules', ruleDir(yaml)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(message);
  });

  it('duplicate ids are reported', async () => {
    const r = await chiso(['rules', 'check', '--rules', ruleDir(GOOD, { 'again.yaml': GOOD })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/duplicate rule id/);
  });

  it('extract refuses a broken rule directory with exit 2 and names the problem', async () => {
    const r = await chiso(['extract', '-', '--rules', ruleDir(GOOD.replace('infra.mobile_base_stations\n    units', 'infra.nope\n    units'))], 'x');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown indicator key "infra\.nope"/);
  });

  it('an adversarial 100 KB line finishes with every bundled rule (no catastrophic backtracking)', () => {
    const { ruleSet } = buildRuleSet(readRuleSources(RULES_DIR));
    const provinces = buildProvinceMatcher(ruleSet.provinces);
    const lines = ['a'.repeat(100_000), 'a'.repeat(100_000) + '!', '1'.repeat(100_000) + 'x', ('12 thôn, bản ' + 'và '.repeat(20)).repeat(1_500),
      '9'.repeat(100_000) + '%', 'xã '.repeat(33_000) + '5', ('hồ sơ trực tuyến ' + 'ký số, '.repeat(10)).repeat(700) + '5%'];
    for (const line of lines) {
      const t0 = performance.now();
      extractArticle({ source: 'adversarial', text: line }, { ruleSet, provinces });
      // A tripwire, not a benchmark: each takes well under a second on a quiet machine;
      // catastrophic backtracking takes minutes. The bound leaves room for a loaded CI machine.
      expect(performance.now() - t0, line.slice(0, 30)).toBeLessThan(15_000);
    }
  });

  it('a 100 KB line that is nothing but numbers (50 000 of them) stays linear', () => {
    const { ruleSet } = buildRuleSet(readRuleSources(RULES_DIR));
    const t0 = performance.now();
    extractArticle({ source: 'dense', text: '1 '.repeat(50_000) }, { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces) });
    expect(performance.now() - t0).toBeLessThan(30_000); // a tripwire: about a second when quiet, minutes if quadratic
  });
});

describe('chiso eval', () => {
  it('agrees with scripts/score.mjs to three decimals (on a rule set that is not perfect)', async () => {
    const partial = ruleDir('rules: []\n');
    copyFileSync(join(RULES_DIR, 'gov.yaml'), join(partial, 'gov.yaml'));
    copyFileSync(join(RULES_DIR, 'infra.yaml'), join(partial, 'infra.yaml'));
    const ev = JSON.parse((await chiso(['eval', 'fixtures/articles', 'fixtures/gold', '--rules', partial, '--format', 'json'])).stdout);
    const out = join(partial, 'out.json');
    await chiso(['extract', 'fixtures/articles', '--rules', partial, '--format', 'json', '-o', out]);
    const scorer = (await run(process.execPath, [join(ROOT, 'scripts', 'score.mjs'), join(ROOT, 'fixtures/gold/seeds.jsonl'), out])).stdout;
    const m = /strict P=([\d.]+) R=([\d.]+) F1=([\d.]+) \| loose P=([\d.]+) R=([\d.]+) F1=([\d.]+) \| qualifier=([\d.]+) status=([\d.]+)/.exec(scorer)!;
    expect(ev.strict.recall).toBeLessThan(0.9); // the comparison is not trivially 1 = 1
    expect([ev.strict.precision, ev.strict.recall, ev.strict.f1, ev.loose.precision, ev.loose.recall, ev.loose.f1, ev.qualifier, ev.status].map((x: number) => x.toFixed(3)))
      .toEqual(m.slice(1, 9));
  });

  it('prints per-indicator scores and every miss with file:line; --min-f1 guards CI', async () => {
    const partial = ruleDir(GOOD);
    const r = await chiso(['eval', 'fixtures/articles', 'fixtures/gold', '--rules', partial, '--min-f1', '0.9']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^overall\s+strict P=/m);
    expect(r.stdout).toMatch(/infra\.mobile_base_stations\s+[\d.]+/);
    expect(r.stdout).toMatch(/fixtures\/articles\/lang-son-kho-khan\.txt:\d+\s+econ\.ecommerce_orders 6000 count/);
    expect((await chiso(['eval', '--min-f1', '0.95'])).code).toBe(0);
  });
});

describe('chiso explain', () => {
  it('shows records with key and rule, and dropped numbers with their reason', async () => {
    const r = await chiso(['explain', 'fixtures/articles/lang-son-kho-khan.txt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✓ 6\.000 → econ\.ecommerce_orders 6000 count over actual\s+\[frame\.econ\.ecommerce_orders\]/);
    expect(r.stdout).toMatch(/· 28\/9\/2021 — excluded: date/);
    expect(r.stdout).toMatch(/· 01\/2021\/NQ-CP — excluded: document/);
    expect(r.stdout).toMatch(/· 4 — excluded: structure/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
  it('--line limits the view', async () => {
    const r = await chiso(['explain', 'fixtures/articles/lang-son-kho-khan.txt', '--line', '19']);
    expect(r.stdout.match(/^\s+\d+ │/gm)).toHaveLength(1);
  });
  it('says where a key came from when no frame was filled: a catalog phrase, the rank before', async () => {
    const r = await chiso(['explain', '-'], 'Tỷ lệ HSTT đạt 45,5%.\nVề xã hội số, tỉnh vươn lên 7 bậc, từ vị trí 38 lên vị trí 31.\n');
    expect(r.stdout).toMatch(/frames: none filled; gov\.online_dossiers from catalog phrase "HSTT"/);
    expect(r.stdout).toMatch(/frames: none filled; dti\.rank_society from the rank before it/);
  });
});

describe('chiso unmatched', () => {
  it('lists the seed statistics gold marks `other`, and no dates or document numbers', async () => {
    const r = await chiso(['unmatched', 'fixtures/articles', '--format', 'json']);
    const groups = JSON.parse(r.stdout) as { subject: string; example: { text: string } }[];
    const subjects = groups.map((g) => g.subject);
    for (const s of ['kế hoạch', 'quyết định', 'văn bản hành chính', 'thôn']) expect(subjects).toContain(s);
    const texts = groups.map((g) => g.example.text).join(' | ');
    expect(texts).not.toMatch(/\d+\/\d+\/\d{4}|NQ|QĐ|202\d/);
  });
  it('groups by kind as well as subject: ranks, scores, changes, multiples, densities', async () => {
    const r = await chiso(['unmatched', 'fixtures/kinds/kinds.txt', '--format', 'json']);
    const groups = JSON.parse(r.stdout) as { kind: string; subject: string; count: number }[];
    const kinds = new Set(groups.map((g) => g.kind));
    for (const k of ['rank', 'score', 'change', 'multiple', 'density']) expect(kinds).toContain(k);
    expect(groups.find((g) => g.kind === 'multiple' && g.subject === 'doanh nghiệp công nghệ số')).toBeDefined();
    expect(groups.find((g) => g.kind === 'density' && g.subject === 'máy')).toBeDefined();
    const csv = await chiso(['unmatched', 'fixtures/kinds/kinds.txt', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('kind,subject,count,units,example_at,example_text,example_sentence');
  });
});
