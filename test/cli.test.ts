/** The real binary, spawned: one run per output format, errors, exit codes, atomic --out. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, chiso } from './helpers.js';

const ARTICLES = join(ROOT, 'fixtures', 'articles');

describe('chiso extract', () => {
  it('json: an array of records, ordered by source then offset', async () => {
    const r = await chiso(['extract', ARTICLES, '--format', 'json', '-q']);
    expect(r.code).toBe(0);
    const recs = JSON.parse(r.stdout) as { source: string; start: number; value: number }[];
    expect(recs.length).toBeGreaterThan(100);
    const sorted = [...recs].sort((a, b) => a.source.localeCompare(b.source) || a.start - b.start);
    expect(recs).toEqual(sorted);
  });

  it('jsonl: one record a line, numbers as numbers', async () => {
    const r = await chiso(['extract', join(ARTICLES, 'lang-son-kho-khan.txt'), '--format', 'jsonl', '-q']);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(10);
    expect(typeof lines[0].value).toBe('number');
    expect(lines.find((l: { text: string }) => l.text.includes('hơn 6.000'))).toMatchObject({
      indicator: 'econ.ecommerce_orders', value: 6000, unit: 'count', qualifier: 'over', status: 'actual',
    });
  });

  it('csv: fixed header, CRLF rows, BOM on request', async () => {
    const r = await chiso(['extract', join(ARTICLES, 'kon-tum-chuyen-doi.txt'), '--format', 'csv', '--bom', '-q']);
    expect(r.stdout.startsWith('\uFEFFsource,indicator,value,unit,denominator,measure,qualifier,status,subject,text,start,end,line,sentence,rule,place,as_of,period,title,published,province,province_2025\r\n')).toBe(true);
    expect(r.stdout.split('\r\n').length).toBeGreaterThan(30);
  });

  it('csv is the default on a pipe; table can be asked for', async () => {
    expect((await chiso(['extract', join(ARTICLES, 'kon-tum-chuyen-doi.txt'), '-q'])).stdout.startsWith('source,indicator')).toBe(true);
    const t = await chiso(['extract', join(ARTICLES, 'kon-tum-chuyen-doi.txt'), '--format', 'table', '-q']);
    expect(t.stdout).toMatch(/^source\s+line\s+indicator/);
    expect(t.stdout).not.toMatch(/\u001b\[/); // NO_COLOR / not a TTY: no escape codes
  });

  it('reads stdin with -', async () => {
    const r = await chiso(['extract', '-', '--format', 'jsonl', '-q'], 'Toàn tỉnh có 1.200 trạm BTS.');
    expect(JSON.parse(r.stdout)).toMatchObject({ source: 'stdin', indicator: 'infra.mobile_base_stations', value: 1200 });
  });

  it('--dedupe drops repeated statements within an article', async () => {
    const all = (await chiso(['extract', join(ARTICLES, 'bao-lam-cao-bang.txt'), '--format', 'jsonl', '-q'])).stdout.trim().split('\n');
    const dedup = (await chiso(['extract', join(ARTICLES, 'bao-lam-cao-bang.txt'), '--format', 'jsonl', '--dedupe', '-q'])).stdout.trim().split('\n');
    expect(dedup.length).toBeLessThan(all.length);
  });

  it('a missing input: one line on stderr, exit 1, other inputs still processed', async () => {
    const r = await chiso(['extract', 'no/such/file.txt', join(ARTICLES, 'kon-tum-chuyen-doi.txt'), '--format', 'jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('chiso: skipped no/such/file.txt: no such file or directory');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(r.stdout.trim().split('\n').length).toBeGreaterThan(30);
  });

  it('usage errors exit 2', async () => {
    expect((await chiso(['extract', ARTICLES, '--format', 'xml'])).code).toBe(2);
    expect((await chiso(['frobnicate'])).code).toBe(2);
    expect((await chiso(['extract', ARTICLES, '--rules', '/nonexistent'])).code).toBe(2);
  });

  it('--help shows examples and --version works', async () => {
    expect((await chiso(['extract', '--help'])).stdout).toContain('Examples:');
    expect((await chiso(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('--out writes the file atomically and leaves no temp file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-'));
    const out = join(dir, 'out.csv');
    writeFileSync(out, 'previous');
    const r = await chiso(['extract', ARTICLES, '--format', 'csv', '-o', out, '-q']);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('source,')).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(existsSync(out)).toBe(true);
  });
});
