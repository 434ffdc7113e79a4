import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, chiso, extract } from './helpers.js';
import { buildRuleSet, readRuleSources } from '../src/rules/load.js';
import { extractArticle } from '../src/pipeline/extract.js';
import { buildProvinceMatcher } from '../src/article/fields.js';
import { copyFileSync } from 'node:fs';

describe('chiso normalize', () => {
  const d = mkdtempSync(join(tmpdir(), 'chiso-norm-'));
  const f = join(d, 'a.txt');
  writeFileSync(f, 'Ðảm baỏ chất lựơng\u00a0phòng thí nghịêm hoá học&nbsp;đạt 50,65%\u200b …\r\n');

  it('prints what the matcher sees', async () => {
    expect((await chiso(['normalize', f])).stdout).toBe('Đảm bảo chất lượng phòng thí nghiệm hóa học đạt 50,65% ...\n');
  });
  it('--show-changes lists each change at line:column and the number-style decision', async () => {
    const out = (await chiso(['normalize', f, '--show-changes'])).stdout;
    expect(out).toContain('1:1  Ð (Eth) → Đ  "Ð" → "Đ"');
    expect(out).toContain('1:6  tone mark placed  "aỏ" → "ảo"');
    expect(out).toContain('1:19  space folded  "\\u00a0" → " "');
    expect(out).toContain('zero-width character removed');
    expect(out).toContain('1:63  line end folded');
    expect(out).toMatch(/number style: Vietnamese/);
  });
});

describe('number style per document', () => {
  it('reads an English-style document the English way', () => {
    const { records, style } = extract('Toàn tỉnh có 1,200 trạm BTS. Tỷ lệ hồ sơ trực tuyến đạt 52.35%, hồ sơ giải quyết đúng hạn đạt 98.7%.');
    expect(style.style).toBe('en');
    expect(records.map((r) => r.value)).toEqual([1200, 52.35, 98.7]);
  });
  it('reads the same ambiguous token the Vietnamese way in a Vietnamese document, unless it counts things', () => {
    const { records, style } = extract('Doanh thu thương mại điện tử đạt 1,250 tỷ đồng. Tỷ lệ hồ sơ trực tuyến đạt 52,35%.');
    expect(style.style).toBe('vi');
    expect(records.map((r) => r.value)).toEqual([1.25e9, 52.35]);
    // Things are counted whole: three digits after the mark before a counted noun are a thousands group.
    expect(extract('Toàn tỉnh có 1,200 trạm BTS. Tỷ lệ hồ sơ trực tuyến đạt 52,35%.').records.map((r) => r.value)).toEqual([1200, 52.35]);
  });
});

describe('fold: diacritics', () => {
  it('an accent-insensitive rule matches text that lost its diacritics; rules without it do not', () => {
    const d = mkdtempSync(join(tmpdir(), 'chiso-fold-'));
    for (const n of ['indicators.yaml', 'lexicon.yaml', 'provinces.yaml']) copyFileSync(join(ROOT, 'rules', n), join(d, n));
    writeFileSync(join(d, 'fold.yaml'), `rules:
  - id: society.households_with_computer.ascii
    indicator: society.households_with_computer
    units: [percent]
    fold: diacritics
    before: 'tỷ lệ hộ gia đình có máy tính'
    examples:
      - text: 'Ty le ho gia dinh co may tinh dat 30%.'
        expect: [{ value: 30, unit: percent }]
`);
    const { ruleSet, diagnostics } = buildRuleSet(readRuleSources(d));
    expect(diagnostics).toEqual([]);
    const run = (text: string) => extractArticle({ source: 't', text }, { ruleSet, provinces: buildProvinceMatcher([]) }).records.map((r) => r.value);
    expect(run('Ty le ho gia dinh co may tinh dat 30%.')).toEqual([30]);
    expect(run('Tỷ lệ hộ gia đình có máy tính đạt 31%.')).toEqual([31]);
    expect(extract('Ty le ho gia dinh co may tinh dat 30%.').records).toEqual([]);
  });
});
