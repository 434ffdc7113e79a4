/**
 * Where and when: `place`, `as_of` and `period` on fixtures/where-when/ (sentences written for
 * issue 14 in the press's style, each line its own article; and one article with a ranking,
 * carry-over, a list and resets), plus the period expressions one by one.
 *
 * The gold gives each record's key too, for the reader; keys belong to the rules and are
 * scored elsewhere (gold.test.ts), so this test compares value, unit, denominator, status,
 * place, as_of and period.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, bundledRules, readJsonl } from './helpers.js';
import { buildProvinceMatcher } from '../src/article/fields.js';
import { extractArticle } from '../src/pipeline/extract.js';
import { normalizeText } from '../src/normalize/normalize.js';
import { splitSentences } from '../src/text/sentences.js';
import { findPeriods } from '../src/refine/period.js';
import type { ChisoRecord } from '../src/records/schema.js';

const DIR = join(ROOT, 'fixtures', 'where-when');

interface Gold {
  line: number;
  indicator: string | null;
  value: number;
  unit: string;
  denominator: number | null;
  status: string;
  place: string | null;
  as_of: string | null;
  period: string | null;
  province?: string | null;
}

const shape = (r: ChisoRecord | Gold) => ({ value: r.value, unit: r.unit, denominator: r.denominator, status: r.status, place: r.place, as_of: r.as_of, period: r.period });
const run = (text: string) => {
  const ruleSet = bundledRules();
  return extractArticle({ source: 'where-when', text }, { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces), all: true }).records;
};

describe.each(['places', 'periods'])('fixtures/where-when/%s.txt, one article per line', (name) => {
  const lines = readFileSync(join(DIR, `${name}.txt`), 'utf8').split('\n');
  const gold = readJsonl<Gold>(join(DIR, `${name}.gold.jsonl`));
  const cases = lines.map((text, i) => [i + 1, text] as const).filter(([, t]) => t.trim());
  it('has at least 40 sentences', () => expect(cases.length).toBeGreaterThanOrEqual(40));
  it.each(cases)('line %i: %s', (line, text) => {
    expect(run(text).map(shape)).toEqual(gold.filter((g) => g.line === line).map(shape));
  });
});

describe('a ranking article (fixtures/where-when/report.txt)', () => {
  const text = readFileSync(join(DIR, 'report.txt'), 'utf8');
  const gold = readJsonl<Gold>(join(DIR, 'report.gold.jsonl'));
  const records = run(text);

  it('reads place, as_of and period of every record', () => {
    expect(records.map((r) => ({ line: r.line, ...shape(r) }))).toEqual(gold.map((g) => ({ line: g.line, ...shape(g) })));
  });

  it('takes the province the article is about, not the one its ranking names most', () => {
    expect(new Set(records.map((r) => r.province))).toEqual(new Set(['Bắc Kạn']));
    // The plain count of mentions says Quảng Ninh: named four times, Bắc Kạn once.
    const plain = buildProvinceMatcher(bundledRules().provinces).find(normalizeText(text).text, null);
    expect(plain?.province).toBe('Quảng Ninh');
  });
});

describe('an article about a district', () => {
  it('gives the district as the place of the numbers that name no other (seed: Bảo Lâm, Cao Bằng)', () => {
    const records = run(readFileSync(join(ROOT, 'fixtures', 'articles', 'bao-lam-cao-bang.txt'), 'utf8'));
    expect(new Set(records.map((r) => `${r.place} / ${r.province}`))).toEqual(new Set(['huyện Bảo Lâm / Cao Bằng']));
  });
  it('but `toàn tỉnh` is the province, and a province article keeps null', () => {
    const district = 'Mường Tè: đẩy mạnh chuyển đổi số\nUBND huyện Mường Tè cho biết, toàn huyện có 14/14 xã có cáp quang. Huyện đã có 2.310 tài khoản định danh điện tử. Toàn tỉnh có 96 trạm BTS.';
    expect(run(district).map((r) => r.place)).toEqual(['huyện Mường Tè', 'huyện Mường Tè', null]);
    const province = 'Lai Châu đẩy mạnh chuyển đổi số\nToàn tỉnh có 96 trạm BTS. Riêng huyện Mường Tè có 14/14 xã có cáp quang. Tỉnh đã có 2.310 tài khoản định danh điện tử.';
    expect(run(province).map((r) => r.place)).toEqual([null, 'huyện Mường Tè', null]);
  });
});

describe('period expressions', () => {
  const periods = (s: string) => {
    const t = normalizeText(s).text;
    return findPeriods(t, splitSentences(t)).map((p) => ({ text: t.slice(p.start, p.end), asOf: p.asOf, kind: p.kind }));
  };
  it.each([
    ['Trong 6 tháng đầu năm 2024, tỉnh …', '6 tháng đầu năm 2024', '2024-06'],
    ['Tính đến hết tháng 9/2024, …', 'Tính đến hết tháng 9/2024', '2024-09'],
    ['Trong quý I/2025, …', 'quý I/2025', '2025-03'],
    ['quý 4 năm 2023', 'quý 4 năm 2023', '2023-12'],
    ['Tính đến ngày 20/8/2024, …', 'Tính đến ngày 20/8/2024', '2024-08-20'],
    ['Giai đoạn 2021-2024, …', 'Giai đoạn 2021-2024', '2024'],
    ['Năm học 2023 - 2024, …', 'Năm học 2023 - 2024', '2024'],
    ['Phấn đấu đến năm 2030, …', 'đến năm 2030', '2030'],
    ['Theo kết quả DTI 2023, …', 'DTI 2023', '2023'],
    ['chín tháng năm 2022', 'chín tháng năm 2022', '2022-09'],
    ['6 tháng cuối năm 2023', '6 tháng cuối năm 2023', '2023-12'],
    ['Tính đến ngày 31/5, …', 'Tính đến ngày 31/5', null],
    ['Tính đến ngày 30-9-2024, …', 'Tính đến ngày 30-9-2024', '2024-09-30'],
    ['Trong tháng 9-2024, …', 'tháng 9-2024', '2024-09'],
  ])('%s → %s', (s, text, asOf) => {
    expect(periods(s)).toEqual([{ text, asOf, kind: 'period' }]);
  });
  it.each([
    ['tăng 5% so với năm 2022', 'comparison'],
    ['so với cùng kỳ năm 2023', 'comparison'],
    ['Kế hoạch chuyển đổi số năm 2024 của tỉnh', 'ignored'],
    ['kể từ năm 2021', 'ignored'],
  ])('%s is no period (%s)', (s, kind) => {
    expect(periods(s).map((p) => p.kind)).toEqual([kind]);
  });
  it.each(['Hiện nay, …', 'Đến nay, …', 'Từ đầu năm 2024 đến nay, …', 'Tỉnh hiện có …', 'Hiện tỉnh có …'])('%s resets', (s) => {
    expect(periods(s).map((p) => p.kind)).toEqual(['reset']);
  });
  it('`thực hiện có` is not `hiện có`', () => expect(periods('Tỉnh thực hiện có hiệu quả')).toEqual([]));
});
