/**
 * Pages nested absurdly deep (issue 15): no tree walk in src/html recurses, and the parser's
 * stack of open elements costs O(1) per tag, so depth changes neither the result nor the exit
 * code, in one thread or with workers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { ROOT, chiso } from './helpers.js';
import { extractHtml } from '../src/html/extract.js';
import { parseHtml } from '../src/html/parse.js';

const BODY = '<p>Toàn tỉnh có 1.245 trạm BTS, phủ sóng 4G đến 99,2% thôn, bản.</p><p>Tỷ lệ hồ sơ trực tuyến đạt 61,2%.</p>';

/** A page whose article sits `depth` elements deep (div, span, section … in turn), with a related box as deep beside it. */
function deepPage(depth: number): string {
  const tags = ['div', 'section', 'span', 'div', 'b'];
  const open = Array.from({ length: depth }, (_, i) => `<${tags[i % tags.length]}>`).join('');
  const close = Array.from({ length: depth }, (_, i) => `</${tags[(depth - 1 - i) % tags.length]}>`).join('');
  return `<html><head><title>Trang sâu</title></head><body><h1>Trang sâu</h1>${open}<div class="detail-content">${BODY}</div><div class="box-tinlienquan"><a href="/x">Tỉnh khác có 77% hồ sơ trực tuyến</a></div>${close}</body></html>`;
}

const flat = extractHtml(`<html><head><title>Trang sâu</title></head><body><h1>Trang sâu</h1><div class="detail-content">${BODY}</div></body></html>`);

describe('deeply nested HTML', () => {
  for (const depth of [5_000, 50_000]) {
    it(`a page nested ${depth.toLocaleString('en')} deep reads as the same page flat`, () => {
      const page = extractHtml(deepPage(depth));
      expect(page.text).toBe(flat.text);
      expect(page.text).toContain('1.245 trạm BTS');
      expect(page.text).not.toContain('77%');
      expect(page.title).toBe('Trang sâu');
    });

    it(`a page nested ${depth.toLocaleString('en')} deep: the run completes with the same records, exit code and --out with --jobs 1 and 2`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'chiso-deep-'));
      writeFileSync(join(dir, 'a-deep.html'), deepPage(depth));
      writeFileSync(join(dir, 'b-good.txt'), 'Toàn tỉnh có 58/71 tổ công nghệ số cộng đồng cấp xã.\n');
      const runs = [];
      for (const jobs of [1, 2]) {
        const out = join(mkdtempSync(join(tmpdir(), 'chiso-deep-out-')), 'out.jsonl');
        const r = await chiso(['extract', dir, '-f', 'jsonl', '-q', '--jobs', String(jobs), '--out', out]);
        runs.push({ ...r, out: readFileSync(out, 'utf8') });
      }
      for (const r of runs) {
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const recs = r.out.trim().split('\n').map((l) => JSON.parse(l));
        expect(recs.filter((x) => x.source.endsWith('a-deep.html')).map((x) => x.value)).toEqual([1245, 99.2, 61.2]);
        expect(recs.filter((x) => x.source.endsWith('b-good.txt')).map((x) => x.value)).toEqual([58]);
      }
      expect(runs[1]!.out).toBe(runs[0]!.out);
    });
  }
});

/** Every node as a line (depth, type, name, attributes, text): two parses compared whole. */
function shape(nodes: ChildNode[]): string[] {
  const out: string[] = [];
  const stack: [ChildNode, number][] = nodes.map((n) => [n, 0] as [ChildNode, number]).reverse();
  while (stack.length) {
    const [n, d] = stack.pop()!;
    if ('children' in n && 'name' in n) {
      out.push(`${d} ${n.type} ${n.name} ${JSON.stringify(n.attribs)}`);
      for (let i = n.children.length - 1; i >= 0; i--) stack.push([n.children[i]!, d + 1]);
    } else out.push(`${d} ${n.type} ${JSON.stringify('data' in n ? n.data : '')}`);
  }
  return out;
}

describe('the parser with an O(1) stack', () => {
  it('builds the same tree as htmlparser2 does: implied ends, stray and missing end tags, void and foreign elements', () => {
    const cases = [
      '<p>một<p>hai<div>ba</div><li>a<li>b</ul></span></p>',
      '<table><tr><td>a<td>b<tr><td>c</table><select><option>x<option>y</select>',
      '<div><svg><path d="M0"/><circle/></svg><br/><img src=a><br></br></div><p>',
      '<html><body><div><span><b>không đóng',
      '<dl><dt>a<dd>b<dt>c</dl><h1>x<h2>y</h1></h2></x></y><p></p></p>',
      '<!doctype html><!-- chú thích --><script>if (a < b) {}</script><style>p{}</style><textarea><p></textarea>',
      deepPage(300),
      ...['column-sidebar', 'table-layout-2015', 'ticker-wrapper'].map((n) => readFileSync(join(ROOT, 'fixtures', 'html', `${n}.html`), 'utf8')),
    ];
    for (const html of cases) {
      const stock = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
      expect(shape(parseHtml(html).children), html.slice(0, 60)).toEqual(shape(stock.children));
    }
  });
});
