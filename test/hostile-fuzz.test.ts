/**
 * Issue 15 fuzz test: 10,000 random and mutated inputs — raw bytes, JSONL lines, HTML pages,
 * numbers laced with invisible characters — go through the same in-process path as
 * `chiso extract` (decode → parse → extract → validate → format). Nothing may throw, every
 * record must be valid, and every record's text must be its exact span of the input.
 * A fixed-seed generator keeps failures reproducible (the failing input is printed).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES_DIR, bundledRules, rng } from './helpers.js';
import { extractArticle, type Article } from '../src/pipeline/extract.js';
import { buildProvinceMatcher } from '../src/article/fields.js';
import { RecordSchema } from '../src/records/schema.js';
import { decodeBytes, looksBinary } from '../src/decode/decode.js';
import { jsonlLineToArticle, htmlPageToArticle } from '../src/io/articles.js';
import { makeFormatter } from '../src/io/formats.js';

const rand = rng(0x15c0ffee);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;

const SENTENCES = readdirSync(ARTICLES_DIR)
  .filter((n) => n.endsWith('.txt'))
  .flatMap((n) => readFileSync(join(ARTICLES_DIR, n), 'utf8').split(/(?<=[.;!?])\s+|\n+/))
  .filter((s) => /\d/.test(s) && s.length < 400);

const INVISIBLE = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u00a0', '\u202f', '\u2009', '\u0301', '\u0323', '\u0300', '\r', '\t', '\u2028', '\u001b', '\u0000', '\ud800', '\udc00'];
const NUMBERS = ['1.200', '62,87%', '58/71', '2.000 tỷ đồng', '1.234.567', '0,5', '100%', '12-15', '3/4', '9.999.999.999.999.999', '1e9', '١٢٣', '１２３', '½', '1.', ',5', '5,', '07/2024', '2024'];
const PIECES = ['trạm BTS', 'xã', 'tỷ lệ', 'hộ gia đình', 'đạt', 'khoảng', 'trên', 'lần lượt', ':', '-', ';', '\n', '(', ')', '"', '<b>', '&amp;', '&#x1F600;', 'http://a.vn/1.200', '...', '…'];

/** A text built from real sentences and pieces, with characters inserted, deleted and swapped. */
function mutatedText(): string {
  let s = Array.from({ length: 1 + int(3) }, () => (rand() < 0.7 ? pick(SENTENCES) : `${pick(PIECES)} ${pick(NUMBERS)} ${pick(PIECES)}`)).join(pick([' ', '\n', '\r\n', '']));
  const edits = int(6);
  for (let e = 0; e < edits; e++) {
    const at = int(s.length + 1);
    const op = int(5);
    if (op === 0) s = s.slice(0, at) + pick(INVISIBLE) + s.slice(at);
    else if (op === 1) s = s.slice(0, at) + pick(NUMBERS) + s.slice(at);
    else if (op === 2) s = s.slice(0, at) + s.slice(at + 1 + int(4));
    else if (op === 3) s = s.slice(0, at) + String.fromCharCode(int(0x3000)) + s.slice(at);
    else s = s.slice(0, at) + pick(PIECES) + s.slice(at);
  }
  return s;
}

function randomBytes(): Buffer {
  const base = Buffer.from(mutatedText(), pick(['utf8', 'utf8', 'latin1', 'utf16le'] as const));
  const n = int(8);
  for (let i = 0; i < n && base.length > 0; i++) base[int(base.length)] = int(256);
  return rand() < 0.1 ? Buffer.from(Array.from({ length: int(200) }, () => int(256))) : base;
}

function jsonlLine(): Buffer {
  const obj: Record<string, unknown> = {};
  const fields = ['id', 'url', 'title', 'published', 'text', 'html', 'extra'];
  const values = (): unknown => pick([mutatedText(), int(1e6), 2 ** 60 + int(1000), null, true, [1, 2], { a: 1 }, '', `<p>${mutatedText()}</p>`, '2024-11-19T16:35:00+07:00', '19/11/2024']);
  for (const f of fields) if (rand() < 0.6) obj[f] = f === 'text' && rand() < 0.7 ? mutatedText() : values();
  let line = JSON.stringify(obj);
  if (rand() < 0.1) line = line.slice(0, int(line.length)); // truncated
  if (rand() < 0.05) line = line.replace(/"id":(\d+)/, '"id":123456789012345678901');
  return Buffer.from(line);
}

function htmlPage(): string {
  const body = Array.from({ length: 1 + int(4) }, () => `<${pick(['p', 'div', 'li', 'td', 'span', 'h2'])}${rand() < 0.3 ? ' class="related"' : ''}>${mutatedText()}</${pick(['p', 'div', 'li', 'td', 'b'])}>`).join(pick(['', '\n', '<br>']));
  const page = `${rand() < 0.5 ? '<!doctype html>' : ''}<html><head><title>${mutatedText().slice(0, 60)}</title>${rand() < 0.3 ? '<meta charset="windows-1258">' : ''}</head><body>${rand() < 0.5 ? `<article>${body}</article>` : body}${rand() < 0.3 ? '<script>var x = "1.200 trạm";</script>' : ''}</body></html>`;
  return rand() < 0.1 ? page.slice(0, int(page.length)) : page;
}

describe('fuzz: 10,000 hostile inputs through the pipeline', () => {
  it('never throws; every record is valid and rests on its exact span', () => {
    const ruleSet = bundledRules();
    const provinces = buildProvinceMatcher(ruleSet.provinces);
    const csv = makeFormatter('csv');
    const json = makeFormatter('jsonl');
    let records = 0;
    let articles = 0;
    let inputs = 0;
    const check = (article: Article, label: string) => {
      articles++;
      let out;
      try {
        out = extractArticle(article, { ruleSet, provinces, all: rand() < 0.3 });
      } catch (e) {
        throw new Error(`${label}: threw ${(e as Error).message} on ${JSON.stringify(article.text.slice(0, 500))}`);
      }
      for (const r of out.records) {
        records++;
        if (!RecordSchema.safeParse(r).success || article.text.slice(r.start, r.end) !== r.text) {
          throw new Error(`${label}: bad record ${JSON.stringify(r)} from ${JSON.stringify(article.text.slice(0, 500))}`);
        }
        csv.row(r);
        JSON.parse(json.row(r));
      }
    };
    for (let i = 0; i < 4000; i++, inputs++) check({ source: `t${i}`, text: mutatedText() }, `text #${i}`);
    for (let i = 0; i < 2000; i++, inputs++) {
      const bytes = randomBytes();
      if (looksBinary(bytes)) continue;
      check({ source: `b${i}`, text: decodeBytes(bytes, pick(['auto', 'auto', 'utf8', 'tcvn3', 'vni', 'windows-1258', 'utf16le'] as const)).text }, `bytes #${i}`);
    }
    for (let i = 0; i < 2000; i++, inputs++) {
      const ev = jsonlLineToArticle(jsonlLine(), 'fuzz.jsonl', i + 1);
      if (ev.kind === 'article') check(ev.article, `jsonl #${i}`);
      else expect(ev.message).toBeTruthy();
    }
    for (let i = 0; i < 2000; i++, inputs++) check(htmlPageToArticle(htmlPage(), `h${i}`, 0).article, `html #${i}`);
    expect(inputs).toBe(10_000);
    expect(articles).toBeGreaterThan(8000); // the rest: binary bytes and broken JSONL lines, rejected with a reason
    expect(records).toBeGreaterThan(1000);
  });
});
