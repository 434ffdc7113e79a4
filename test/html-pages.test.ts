/**
 * Full news pages (fixtures/html/*.html, written for the project in the layouts of Vietnamese
 * news sites: a wrapper with a ticker, the lead outside the body, captions, related news inside
 * and beside the body, most-read boxes, ads, comments, footers with phone numbers). Each page
 * has a hand-made reference (`expected/<name>.text`: lead, body, subheadings, in-body fact boxes)
 * and the records chiso makes of that reference with `--all` (`expected/<name>.json`, regenerated from
 * the reference with `UPDATE_FIXTURES=1`). The page must read as its reference: every body
 * statistic, no record from the boxes around it, the lead kept.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, bundledRules, chiso } from './helpers.js';
import { extractHtml } from '../src/html/extract.js';
import { extractArticle } from '../src/pipeline/extract.js';
import { buildProvinceMatcher } from '../src/article/fields.js';

const DIR = join(ROOT, 'fixtures', 'html');
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html')).sort();
const read = (f: string) => readFileSync(join(DIR, f), 'utf8');

function records(text: string, source: string, title: string | null, published: string | null) {
  const ruleSet = bundledRules();
  return extractArticle({ source, text, title, published }, { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces), all: true }).records;
}

/** The lead of each page, where the layout puts it outside the body. */
const LEADS: Record<string, string> = {
  'column-sidebar.html': 'Sau ba năm thực hiện chương trình chuyển đổi số',
  'utility-classes.html': '(Dân trí) - Bình Phước đã cấp 450.000',
  'cms-photo-boxes.html': 'TTO - Năm 2024, Quảng Ninh tiếp nhận',
  'ticker-wrapper.html': 'Doanh thu thương mại điện tử của Đà Nẵng',
  'html5-main.html': 'Hơn 1.200 tổ công nghệ số cộng đồng',
  'table-layout-2015.html': 'TT - Sau hai năm triển khai',
  'plain-classes-split.html': 'Vĩnh Long đã số hóa 85% hồ sơ hộ tịch',
  'div-paragraphs.html': 'Năm 2024, Bắc Giang có thêm 46 doanh nghiệp',
  'short-article-long-comments.html': 'Tỷ lệ hộ dân Cà Mau có tài khoản thanh toán',
};

describe('news pages: the article and its lead, never the boxes around it', () => {
  it('has at least six layouts, each with a reference text and records', () => {
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const p of pages) {
      expect(existsSync(join(DIR, 'expected', p.replace(/\.html$/, '.text'))), p).toBe(true);
      expect(LEADS[p], p).toBeDefined();
    }
  });

  for (const p of pages) {
    const name = p.replace(/\.html$/, '');
    it(`${name}: the text is the reference (lead, body, fact boxes) and gives its records`, () => {
      const page = extractHtml(read(p));
      const reference = read(`expected/${name}.text`).trim();
      expect(page.text).toBe(reference);
      // The lead sits outside the body on these pages; it comes first (after at most a dateline).
      expect(page.text.indexOf(LEADS[p]!)).toBeGreaterThanOrEqual(0);
      expect(page.text.indexOf(LEADS[p]!)).toBeLessThan(60);

      const expectedPath = join(DIR, 'expected', `${name}.json`);
      if (process.env.UPDATE_FIXTURES || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, JSON.stringify(records(reference, p, page.title, page.published), null, 2) + '\n');
      }
      const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
      const got = records(page.text, p, page.title, page.published);
      expect(got.length).toBeGreaterThanOrEqual(4);
      expect(got).toEqual(expected);
      for (const r of got) expect(page.text.slice(r.start, r.end)).toBe(r.text);
    });
  }

  it('keeps numbers of the boxes around the article out of the text', () => {
    // Numbers only the boilerplate of these pages holds (tickers, related news, most read, ads, classifieds, comments, footers).
    const boxes = ['1.268,4', '1.540 tổ công nghệ số cộng đồng với 8.200', '2,3%', '150.000 đồng', '0983.123.456', '850 đồng', '62% doanh nghiệp', '18.000 doanh nghiệp', '6,1%', '4.990.000', '0973.567.890',
      '3.500 hồ sơ', '80% dịch vụ', '4,9%', '1.300 điểm', '120.000 đồng', '30%', '1.265,38', '5.200 tỷ', '11.990.000', '2,1 tỷ', '0912.345.678', '1,8%', '75% người', '870 tổ', '640 tổ', '20%', '50% học phí',
      '21.850', '120 hồ sơ', '2.100 chứng thư', '1.000 đồng', '7.200 đồng', '2.000 trang', '280.000', '560 trường', '120 hộ', '1.500 doanh nghiệp', '65.000 đồng', '0939.111.222', '95% hộ dân',
      '3,85%', '3,5 tỷ USD', '28 tỷ USD', '40.000 công nhân', '369 tỷ USD', '63%', '45 triệu đồng', '0904.222.333', '90% sạp', '25.000 người', '1.900 điểm', '420.000', '500.000 đồng', '120 sạp', '40% hộ', '0911.223.344'];
    const all = pages.map((p) => extractHtml(read(p)).text).join('\n');
    for (const b of boxes) expect(all, b).not.toContain(b);
    // …and they are on the pages.
    const html = pages.map(read).join('\n');
    for (const b of boxes) expect(html, b).toContain(b);
  });

  it('the CLI reads the pages as the library does: records, offsets into --emit-text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-pages-'));
    const r = await chiso(['extract', DIR, '--all', '-f', 'jsonl', '--emit-text', dir]);
    expect(r.code).toBe(0);
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const emitted = readdirSync(dir);
    expect(emitted.length).toBe(pages.length);
    for (const p of pages) {
      const name = p.replace(/\.html$/, '');
      const mine = recs.filter((x) => x.source.endsWith(`/${p}`));
      const expected = JSON.parse(read(`expected/${name}.json`));
      expect(mine.map(({ source: _s, ...rest }) => rest), p).toEqual(expected.map(({ source: _s, ...rest }: { source: string }) => rest));
      const text = readFileSync(join(dir, emitted.find((f) => f.includes(name))!), 'utf8');
      for (const x of mine) expect(text.slice(x.start, x.end)).toBe(x.text);
    }
  });

  it('keeps the lead written in the article\'s own <header> when the <article> is the body', () => {
    const body = '<p>Toàn tỉnh có 1.245 trạm BTS, trong đó 312 trạm phát sóng 5G được lắp mới trong năm nay.</p>'.repeat(4);
    const page = extractHtml(`<html><body><nav><a href="/">Trang chủ</a></nav><article><header><h1>Tin chính</h1><span>Thứ Hai, 14/10/2024</span><p class="sapo">Tỉnh đã phủ sóng 4G đến 99,2% thôn, bản và kết nối cáp quang đến 100% xã trong năm 2024.</p></header>${body}<div class="tin-lien-quan"><a href="/x">Tỉnh bạn có 77% hồ sơ trực tuyến</a></div></article></body></html>`);
    expect(page.text.split('\n\n')[0]).toBe('Tỉnh đã phủ sóng 4G đến 99,2% thôn, bản và kết nối cáp quang đến 100% xã trong năm 2024.');
    expect(page.text.match(/1\.245 trạm BTS/g)).toHaveLength(4);
    expect(page.text).not.toMatch(/Tin chính|Thứ Hai|77%/);
    expect(page.title).toBe('Tin chính');
  });

  it('reads a fragment without <html> or <body> (the html field of a JSONL line) whole', () => {
    expect(extractHtml('<p>Tỷ lệ hồ sơ trực tuyến đạt 52% trong năm nay.</p>').text).toBe('Tỷ lệ hồ sơ trực tuyến đạt 52% trong năm nay.');
    expect(extractHtml('Toàn tỉnh có 12 trạm BTS.').text).toBe('Toàn tỉnh có 12 trạm BTS.');
    expect(extractHtml('<div>Có 12 trạm BTS.</div><p>Tỷ lệ 52%.</p><div class="share">Chia sẻ 15 lượt</div>').text).toBe('Có 12 trạm BTS.\n\nTỷ lệ 52%.');
    expect(extractHtml('<table><tr><td>Tỷ lệ hồ sơ trực tuyến</td><td>61,2%</td></tr></table>').text).toBe('Tỷ lệ hồ sơ trực tuyến | 61,2%');
    expect(extractHtml('').text).toBe('');
  });
});
