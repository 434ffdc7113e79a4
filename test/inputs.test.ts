/** JSONL from scrapers and saved HTML pages, alone and mixed in one run. */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, chiso, type RunResult } from './helpers.js';
import { extractHtml } from '../src/html/extract.js';

const INPUTS = join(ROOT, 'fixtures', 'inputs');
const jsonl = (s: string) => s.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

describe('JSONL input', () => {
  let r: RunResult;
  let recs: ReturnType<typeof jsonl>;
  beforeAll(async () => {
    r = await chiso(['extract', join(INPUTS, 'scrape.jsonl'), '-f', 'jsonl']);
    recs = jsonl(r.stdout);
  });

  it('source is the id, else the url, else file:line; title and published come from the line', () => {
    expect(recs.map((x) => x.source)).toEqual(['bd-001', 'bd-001', 'https://example.vn/b', 'page-1', 'fixtures/inputs/scrape.jsonl:8'.replace('fixtures', join(ROOT, 'fixtures'))].map((s) => (s.startsWith('/') ? s : s)));
    expect(recs[0]).toMatchObject({ title: 'Bình Định đẩy mạnh chuyển đổi số', published: '2024-03-08', province: 'Bình Định', province_2025: 'Gia Lai' });
  });

  it('reports each bad line with file:line and reason, keeps the good ones, exits 1', () => {
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/scrape\.jsonl:3: not valid JSON/);
    expect(r.stderr).toMatch(/scrape\.jsonl:4: has neither "text" nor "html"/);
    expect(r.stderr).toMatch(/scrape\.jsonl:5: not a JSON object/);
    expect(r.stderr.trim().split('\n')).toHaveLength(3); // the blank line 6 is not an error
    expect(recs.map((x) => x.indicator)).toContain('gov.health_facilities_chip_id');
  });

  it('html inside JSONL is extracted, with page metadata', () => {
    expect(recs.find((x) => x.source === 'page-1')).toMatchObject({ indicator: 'gov.online_dossiers', value: 52, title: 'Trang tin', published: '2024-05-01' });
  });

  it('reads JSONL from stdin with --input-format jsonl', async () => {
    const s = await chiso(['extract', '-', '--input-format', 'jsonl', '-f', 'jsonl'], '{"id":"x","text":"Có 12 trạm BTS."}\n');
    expect(jsonl(s.stdout)).toMatchObject([{ source: 'x', value: 12 }]);
  });
});

describe('HTML input', () => {
  it('drops scripts, styles, navigation, share buttons, comments and footers', () => {
    const page = extractHtml(readFileSync(join(INPUTS, 'page.html'), 'utf8'));
    expect(page.title).toBe('Kon Tum: chuyển đổi số');
    expect(page.published).toBe('2022-09-15');
    for (const junk of ['views', 'Trang chủ', '0914', 'Chia sẻ', 'Tin liên quan', 'Bình luận', 'Giấy phép', 'width']) expect(page.text).not.toContain(junk);
    expect(page.text).toContain('5.528 máy tính');
  });

  it('drops the related-news boxes of Vietnamese news sites', () => {
    const body = '<p>Toàn tỉnh có 1.200 trạm BTS, phủ sóng 99% dân số và 100% thôn, bản trên địa bàn tỉnh.</p>'.repeat(3);
    for (const box of ['box-tinlienquan', 'tin-khac', 'list-news', 'xem-them', 'other-news', 'box-news-relate', 'box-tinkhac']) {
      const page = extractHtml(`<html><body><article class="detail-content">${body}<div class="${box}"><a>Tỉnh đứng thứ 14 về DTI</a></div></article></body></html>`);
      expect(page.text, box).toContain('1.200 trạm BTS');
      expect(page.text, box).not.toContain('thứ 14');
    }
  });

  it('records from the HTML page equal those from the same article as plain text', async () => {
    const fromHtml = jsonl((await chiso(['extract', join(INPUTS, 'page.html'), '-f', 'jsonl'])).stdout);
    const fromText = jsonl((await chiso(['extract', join(INPUTS, 'page.txt'), '-f', 'jsonl'])).stdout);
    const key = (x: { indicator: string; value: number; unit: string; denominator: number | null; qualifier: string; status: string }) =>
      `${x.indicator} ${x.value} ${x.unit} ${x.denominator} ${x.qualifier} ${x.status}`;
    expect(fromHtml.length).toBeGreaterThan(3);
    expect(fromHtml.map(key)).toEqual(fromText.map(key));
  });

  it('--emit-text writes the text the offsets refer to', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-text-'));
    const recs = jsonl((await chiso(['extract', join(INPUTS, 'page.html'), '-f', 'jsonl', '--emit-text', dir])).stdout);
    const [file] = readdirSync(dir);
    const text = readFileSync(join(dir, file!), 'utf8');
    for (const r of recs) expect(text.slice(r.start, r.end)).toBe(r.text);
  });

  it('a mix of JSONL, HTML and text in one run', async () => {
    const r = await chiso(['extract', INPUTS, join(ROOT, 'fixtures', 'articles', 'kon-tum-chuyen-doi.txt'), '-f', 'jsonl']);
    const sources = new Set(jsonl(r.stdout).map((x) => x.source.split('/').pop()));
    for (const s of ['bd-001', 'page.html', 'page.txt', 'kon-tum-chuyen-doi.txt']) expect(sources).toContain(s);
    expect(r.code).toBe(1); // the bad JSONL lines
  });
});

describe('--jobs', () => {
  // Workers parse the JSONL lines and format the rows: every format, every message and the exit
  // code must come out as they do in-process.
  for (const format of ['jsonl', 'json', 'csv']) {
    it(`${format}: output and messages are byte-identical in one thread and with workers`, async () => {
      const args = ['extract', join(ROOT, 'fixtures', 'articles'), INPUTS, '-f', format, '-q'];
      const one = await chiso([...args, '--jobs', '1']);
      const three = await chiso([...args, '--jobs', String(Math.max(2, availableParallelism()))]);
      expect(three.stdout).toBe(one.stdout);
      expect(three.stderr).toBe(one.stderr);
      expect(three.code).toBe(one.code);
      expect(one.stdout.length).toBeGreaterThan(1000);
      expect(one.stderr).toMatch(/scrape\.jsonl:3: not valid JSON/);
    });
  }

  it('--emit-text writes the same texts from workers as in-process', async () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'chiso-emit-')), mkdtempSync(join(tmpdir(), 'chiso-emit-'))];
    await chiso(['extract', INPUTS, '-f', 'jsonl', '--emit-text', a, '--jobs', '1']);
    await chiso(['extract', INPUTS, '-f', 'jsonl', '--emit-text', b, '--jobs', '2']);
    const names = readdirSync(a).sort();
    expect(names.length).toBeGreaterThan(3);
    expect(readdirSync(b).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(b, n), 'utf8')).toBe(readFileSync(join(a, n), 'utf8'));
  });

  it('reports decoding warnings in input order, the same with workers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-mixed-'));
    writeFileSync(join(dir, 'a-broken.txt'), Buffer.concat([Buffer.from('Toàn tỉnh có 35 hệ thống thông tin \xff.\n', 'utf8'), Buffer.from([0xff, 0xfe, 0x41])]));
    copyFileSync(join(INPUTS, 'page.html'), join(dir, 'b-page.html'));
    copyFileSync(join(INPUTS, 'scrape.jsonl'), join(dir, 'c-scrape.jsonl'));
    const args = ['extract', dir, '-f', 'csv', '-q'];
    const one = await chiso([...args, '--jobs', '1']);
    const two = await chiso([...args, '--jobs', String(Math.max(2, availableParallelism()))]);
    expect(one.stderr).toMatch(/a-broken\.txt: .*UTF-8/);
    expect(two.stderr).toBe(one.stderr);
    expect(two.stdout).toBe(one.stdout);
  });

  it('asks for no more workers than cores', async () => {
    const r = await chiso(['extract', join(INPUTS, 'page.txt'), '-f', 'jsonl', '--jobs', '999']);
    expect(r.stderr).toContain(`--jobs 999 is more than the ${availableParallelism()} cores here; using ${availableParallelism()}`);
    expect(r.stdout.length).toBeGreaterThan(0);
  });

  it('json with workers is one valid array, also when no article has a record', async () => {
    const args = ['extract', join(ROOT, 'fixtures', 'articles'), '-f', 'json', '--jobs', '2'];
    expect(JSON.parse((await chiso(args)).stdout).length).toBeGreaterThan(100);
    expect(JSON.parse((await chiso(['extract', '-', '-f', 'json', '--jobs', '2'], 'Không có số liệu.\n')).stdout)).toEqual([]);
  });
});

describe('standard input without --input-format', () => {
  it('is read as JSONL when it starts with {, line by line with stdin:line for bad lines', async () => {
    const r = await chiso(['extract', '-', '-f', 'jsonl'], readFileSync(join(INPUTS, 'scrape.jsonl'), 'utf8'));
    const file = await chiso(['extract', join(INPUTS, 'scrape.jsonl'), '-f', 'jsonl']);
    expect(jsonl(r.stdout).map((x) => x.value)).toEqual(jsonl(file.stdout).map((x) => x.value));
    expect(r.stderr).toMatch(/stdin:3: not valid JSON/);
  });

  it('is read as an HTML page when it starts like one, as text otherwise', async () => {
    const html = await chiso(['extract', '-', '-f', 'jsonl'], readFileSync(join(INPUTS, 'page.html'), 'utf8'));
    const file = await chiso(['extract', join(INPUTS, 'page.html'), '-f', 'jsonl']);
    const strip = (s: string) => jsonl(s).map(({ source: _s, ...rest }) => rest);
    expect(strip(html.stdout)).toEqual(strip(file.stdout));
    const text = await chiso(['extract', '-', '-f', 'jsonl'], 'Toàn tỉnh có 35 hệ thống thông tin.\n');
    expect(jsonl(text.stdout)).toMatchObject([{ source: 'stdin', value: 35 }]);
  });
});
