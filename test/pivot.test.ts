/**
 * `chiso pivot`: end to end on the seed articles and on a scrape of three articles that report
 * the same indicators for different periods (fixtures/where-when/scrape.jsonl); records read
 * back from each output format pivot the same as the articles they came from.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, bundledRules, chiso as chisoProcess } from './helpers.js';
import { run } from '../src/cli/program.js';
import { render } from '../src/cli/commands/pivot.js';
import { memoryOutput } from '../src/io/output.js';
import { pivot, type PivotRecord } from '../src/pivot/pivot.js';
import { gazetteerFor } from '../src/places/gazetteer.js';
import { parseCsv } from '../src/pivot/read.js';

const SCRAPE = join(ROOT, 'fixtures', 'where-when', 'scrape.jsonl');
const ARTICLES = join(ROOT, 'fixtures', 'articles');

async function chiso(args: string[]) {
  const stdout = memoryOutput();
  const stderr: string[] = [];
  const code = await run(args, { stdout, stderr: (l) => void stderr.push(l), readStdin: () => Buffer.alloc(0), stdoutIsTTY: false, stderrIsTTY: false, env: {} });
  return { code, stdout: stdout.text(), stderr };
}
const jsonl = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const pick = (rows: Record<string, unknown>[], place: string, indicator: string) =>
  rows.filter((r) => r.place === place && r.indicator === indicator).map((r) => ({ as_of: r.as_of, value: r.value, agree: r.agree, records: r.records, source: r.source, reported_in: r.reported_in }));

describe('chiso pivot on a scrape: two articles of one province, two periods', () => {
  it('one row per place × indicator × period, the latest record and how many agree', async () => {
    const r = await chiso(['pivot', SCRAPE, '-f', 'jsonl']);
    expect(r.code).toBe(0);
    const rows = jsonl(r.stdout);
    expect(pick(rows, 'Lào Cai', 'gov.online_dossiers')).toEqual([
      { as_of: '2023', value: 58.4, agree: 1, records: 1, source: 'lao-cai-2023', reported_in: 'Lào Cai' },
      // Lào Cai's own article, and Yên Bái's ranking (published later) that names Lào Cai.
      { as_of: '2024-06', value: 71.2, agree: 2, records: 2, source: 'yen-bai-2024-h1', reported_in: 'Yên Bái' },
    ]);
    expect(pick(rows, 'Lào Cai', 'society.community_tech_teams').map((x) => [x.as_of, x.value])).toEqual([['2023', 1520], ['2024-06', 1610]]);
    // Undated (`hiện nay`) district figures of two articles: one cell, the later article's value shown.
    expect(pick(rows, 'huyện Si Ma Cai', 'gov.online_dossiers')).toEqual([{ as_of: null, value: 44.5, agree: 1, records: 2, source: 'lao-cai-2024-h1', reported_in: 'Lào Cai' }]);
    expect(rows[0]).toMatchObject({ unit: 'percent', qualifier: 'exact', status: 'actual', measure: 'level' });
  });

  it('--latest keeps the most recent period of each place and indicator', async () => {
    const rows = jsonl((await chiso(['pivot', SCRAPE, '-f', 'jsonl', '--latest'])).stdout);
    expect(pick(rows, 'Lào Cai', 'gov.online_dossiers').map((x) => x.as_of)).toEqual(['2024-06']);
    expect(pick(rows, 'Lào Cai', 'society.community_tech_teams').map((x) => x.value)).toEqual([1610]);
  });

  it('--by province leaves out districts; --by province_2025 joins Yên Bái to Lào Cai', async () => {
    const byProvince = jsonl((await chiso(['pivot', SCRAPE, '-f', 'jsonl', '--by', 'province'])).stdout);
    expect(new Set(byProvince.map((r) => r.place))).toEqual(new Set(['Hà Giang', 'Lào Cai', 'Yên Bái']));
    const by2025 = jsonl((await chiso(['pivot', SCRAPE, '-f', 'jsonl', '--by', 'province_2025'])).stdout);
    expect(new Set(by2025.map((r) => r.place))).toEqual(new Set(['Tuyên Quang', 'Lào Cai']));
    // Lào Cai's 71,2% (twice) and Yên Bái's 65,3%: the latest shown, the others counted.
    expect(pick(by2025, 'Lào Cai', 'gov.online_dossiers').find((x) => x.as_of === '2024-06')).toMatchObject({ records: 3 });
  });

  it.each(['csv', 'json', 'jsonl'])('records written as %s pivot like the articles', async (format) => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-pivot-'));
    const file = join(dir, `records.${format}`);
    expect((await chiso(['extract', SCRAPE, '-f', format, '-o', file, '-q'])).code).toBe(0);
    expect((await chiso(['pivot', file, '-f', 'jsonl'])).stdout).toBe((await chiso(['pivot', SCRAPE, '-f', 'jsonl'])).stdout);
  });
});

describe('chiso pivot on the seed articles', () => {
  it('csv through the real binary, written atomically with --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-pivot-'));
    const out = join(dir, 'sheet.csv');
    expect((await chisoProcess(['pivot', ARTICLES, '-o', out, '--bom'])).code).toBe(0); // execFile's promise, used here before, rejected on any other exit
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFFplace,indicator,as_of,period,value,unit,denominator,measure,qualifier,status,agree,records,source,line,published,reported_in\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(text.slice(1).trimEnd());
    const at = (r: string[], c: string) => r[header!.indexOf(c)];
    expect(new Set(rows.map((r) => at(r, 'reported_in')))).toEqual(new Set(['Cao Bằng', 'Đắk Nông', 'Kon Tum', 'Lạng Sơn']));
    const row = rows.find((r) => at(r, 'indicator') === 'gov.essential_procedures_online')!;
    expect([at(row, 'place'), at(row, 'as_of'), at(row, 'value'), at(row, 'denominator'), at(row, 'period')]).toEqual(['Đắk Nông', '2024-04', '25', '25', 'Đến tháng 4/2024']);
    expect(rows.some((r) => at(r, 'place') === 'phường Quảng Thành')).toBe(true);
  });

  it('a province named in another article joins that province\'s own cell', () => {
    const rules = bundledRules();
    const recs: PivotRecord[] = [
      { source: 'a', indicator: 'gov.online_dossiers', value: 50, unit: 'percent', denominator: null, measure: 'level', qualifier: 'exact', status: 'actual', place: 'tỉnh Quảng Ninh', as_of: '2024', period: 'năm 2024', published: '2024-05-01', province: 'Bắc Kạn', province_2025: 'Thái Nguyên' },
      { source: 'b', indicator: 'gov.online_dossiers', value: 52, unit: 'percent', denominator: null, measure: 'level', qualifier: 'exact', status: 'actual', place: null, as_of: '2024', period: 'Năm 2024', published: '2024-03-01', province: 'Quảng Ninh', province_2025: 'Quảng Ninh' },
    ];
    const { rows } = pivot(recs, { by: 'place', gazetteer: gazetteerFor(rules) });
    // `tỉnh Quảng Ninh` named in Bắc Kạn's article and Quảng Ninh's own figure are one cell; the later article wins.
    expect(rows).toEqual([expect.objectContaining({ place: 'Quảng Ninh', value: 50, agree: 1, records: 2, source: 'a', reported_in: 'Bắc Kạn' })]);
  });

  it('a table: one line per row, agreement as agree/records', () => {
    const { rows } = pivot([{ source: 'x/a.txt', line: 3, indicator: 'gov.online_dossiers', value: 41, unit: 'percent', denominator: null, measure: 'level', qualifier: 'exact', status: 'actual', place: 'huyện Mường Tè', as_of: null, period: null, published: null, province: 'Lai Châu', province_2025: 'Lai Châu' }], { by: 'place', gazetteer: gazetteerFor(bundledRules()) });
    const lines = render(rows, 'table').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^huyện Mường Tè\s+gov\.online_dossiers\s+41\s+percent\s+exact\s+actual\s+1\/1\s+a\.txt:3/);
  });

  it('skips what it cannot read and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-pivot-'));
    writeFileSync(join(dir, 'bad.csv'), 'a,b\n1,2\n');
    const r = await chiso(['pivot', join(dir, 'bad.csv'), join(dir, 'missing.json'), '-f', 'csv']);
    expect(r.code).toBe(1);
    expect(r.stderr.join('\n')).toMatch(/bad\.csv: expected a CSV of records/);
    expect(r.stderr.join('\n')).toMatch(/missing\.json/);
  });
});
