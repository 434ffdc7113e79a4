/**
 * Issue 15, input side: nothing blocks, nothing is read twice or lost, encodings are decoded
 * as a careful reader would (items 4, 6, 14, 16, 18 (stdin, file names)).
 */
import { spawn } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, RULES_DIR, chiso, extract, run } from './helpers.js';
import { expandInputs } from '../src/io/inputs.js';
import { ARTICLE_EXTENSIONS, jsonlLineToArticle, readInput, readRegularFile, readWhole } from '../src/io/articles.js';
import { decodeBytes } from '../src/decode/decode.js';
import { readStdinSync } from '../src/io/stdin.js';
import { buildRuleSet, readRuleSources } from '../src/rules/load.js';

const GOOD = join(ROOT, 'fixtures', 'articles', 'kon-tum-chuyen-doi.txt');
const tmp = () => mkdtempSync(join(tmpdir(), 'chiso-hostile-in-'));
/** false where there is no mkfifo (the test then has nothing to check). */
const mkfifo = (p: string) => run('mkfifo', [p]).then((r) => r.code === 0, () => false);
const jsonlCount = (stdout: string) => stdout.trim().split('\n').filter(Boolean).length;
const goodRecords = extract(readFileSync(GOOD, 'utf8')).records.length;

describe('item 4: FIFOs and devices never block or eat memory', () => {
  it('a FIFO named *.txt or *.jsonl in an input folder, and a *.txt symlink to /dev/zero, are skipped; the run goes on', async () => {
    const d = tmp();
    writeFileSync(join(d, 'good.txt'), readFileSync(GOOD));
    if (!(await mkfifo(join(d, 'pipe.txt'))) || !(await mkfifo(join(d, 'pipe.jsonl')))) return;
    symlinkSync('/dev/zero', join(d, 'zero.txt'));
    const r = await chiso(['extract', d, '-f', 'jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`chiso: skipped ${join(d, 'pipe.txt')}: not a regular file (a FIFO)`);
    expect(r.stderr).toContain(`chiso: skipped ${join(d, 'pipe.jsonl')}: not a regular file (a FIFO)`);
    expect(r.stderr).toContain(`chiso: skipped ${join(d, 'zero.txt')}: not a regular file (a device)`);
    expect(jsonlCount(r.stdout)).toBe(goodRecords);
  });

  it('a FIFO named *.yaml in --rules is a diagnostic, not a hang', async () => {
    const d = tmp();
    for (const f of ['indicators.yaml', 'lexicon.yaml', 'provinces.yaml']) writeFileSync(join(d, f), readFileSync(join(RULES_DIR, f)));
    if (!(await mkfifo(join(d, 'wait.yaml')))) return;
    const r = await chiso(['rules', 'check', '--rules', d]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/wait\.yaml:1:1 +is not a regular file \(a FIFO\); not read/);
  });

  it('a FIFO named on the command line is read as a stream (as `<(cmd)` is)', async () => {
    const d = tmp();
    const fifo = join(d, 'in.txt');
    if (!(await mkfifo(fifo))) return;
    const child = chiso(['extract', fifo, '-f', 'jsonl']);
    await run('sh', ['-c', `printf 'Toàn tỉnh có 1.200 trạm BTS.\\n' > "${fifo}"`]);
    const r = await child;
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ value: 1200, indicator: 'infra.mobile_base_stations' });
  });

  it('the size limit is checked on the bytes read, not on what stat says', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.txt'), 'x'.repeat(5000));
    expect(readRegularFile(join(d, 'a.txt'), 1000)).toMatchObject({ ok: false });
    expect(readRegularFile('/dev/zero', 1000)).toEqual({ ok: false, message: 'not a regular file (a device)' });
    const ok = readRegularFile(join(d, 'a.txt'), 10_000);
    expect(ok.ok && ok.bytes.length).toBe(5000);
  });
});

describe('item 6: deep folder trees are walked in linear time, without recursion', () => {
  it('a tree 1,500 folders deep yields its one file (and a symlink loop inside is reported once)', async () => {
    const d = tmp();
    const parts = Array.from({ length: 1500 }, () => 'd');
    const deepest = join(d, ...parts);
    mkdirSync(deepest, { recursive: true });
    writeFileSync(join(deepest, 'a.txt'), 'Toàn tỉnh có 1.200 trạm BTS.');
    symlinkSync(join(d, 'd'), join(d, 'd', 'd', 'loop'));
    const t0 = Date.now();
    const { files, problems } = expandInputs([d], ARTICLE_EXTENSIONS);
    expect(files).toEqual([join(deepest, 'a.txt')]);
    expect(problems).toEqual([{ path: join(d, 'd', 'd', 'loop'), message: 'symlink loop: this folder is already being read' }]);
    expect(Date.now() - t0).toBeLessThan(60_000); // was over a minute (quadratic realpath per folder)
    const r = await chiso(['extract', d, '-f', 'jsonl']);
    expect(jsonlCount(r.stdout)).toBe(1);
  });
});

describe('item 14: encodings', () => {
  const cp1258 = (s: string) => iconv.encode(s.normalize('NFD'), 'windows1258');

  it('a file with one UTF-8 line and one Windows-1258 line decodes each line as what it is', () => {
    const bytes = Buffer.concat([Buffer.from('Toàn tỉnh có 1.200 trạm BTS.\n'), cp1258('Tỉnh có 45 trạm BTS phát sóng.\n')]);
    const d = decodeBytes(bytes, 'auto');
    expect(d.text.normalize('NFC')).toBe('Toàn tỉnh có 1.200 trạm BTS.\nTỉnh có 45 trạm BTS phát sóng.\n');
    expect(d.warning).toMatch(/1 line\(s\) not UTF-8; decoded as Windows-1258/);
    expect(extract(d.text).records.map((r) => r.value)).toEqual([1200, 45]);
  });

  it('a legacy-encoded HTML page is decoded as its <meta charset> says', () => {
    const html = Buffer.concat([Buffer.from('<html><head><meta charset="windows-1258"><title>x</title></head><body><article><p>'), cp1258('Toàn tỉnh có 1.200 trạm BTS và nhiều nơi khác.'), Buffer.from('</p></article></body></html>')]);
    const d = decodeBytes(html, 'auto');
    expect(d.encoding).toBe('windows-1258');
    expect(d.text.normalize('NFC')).toContain('Toàn tỉnh có 1.200 trạm BTS');
  });

  it('BOM-less UTF-16 is read with --encoding utf16le, and recognised with auto', () => {
    const d = tmp();
    writeFileSync(join(d, 'a.txt'), Buffer.from('Toàn tỉnh có 1.200 trạm BTS.', 'utf16le'));
    for (const encoding of ['utf16le', 'auto'] as const) {
      const r = readWhole(join(d, 'a.txt'), { encoding, readStdin: () => Buffer.alloc(0) });
      expect(r.ok && r.text, encoding).toBe('Toàn tỉnh có 1.200 trạm BTS.');
    }
  });

  it('UTF-32 (with its BOM) is read as UTF-32, not silently as UTF-16', () => {
    const text = 'Toàn tỉnh có 1.200 trạm BTS.';
    const le = Buffer.alloc(4 + 4 * [...text].length);
    le.writeUInt32LE(0xfeff, 0);
    [...text].forEach((c, i) => le.writeUInt32LE(c.codePointAt(0)!, 4 + 4 * i));
    expect(decodeBytes(le, 'auto')).toMatchObject({ text, encoding: 'utf-32le (BOM)' });
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 4) be.writeUInt32BE(le.readUInt32LE(i), i);
    expect(decodeBytes(be, 'auto').text).toBe(text);
  });

  it('a UTF-8 page with a lone × close button or © line is not "repaired" as TCVN3', () => {
    const page = 'Toàn tỉnh có 1.200 trạm BTS.\n×\n© 2024 Báo X\nĐóng ×\n';
    const d = decodeBytes(Buffer.from(page), 'auto');
    expect(d.text).toBe(page);
    expect(d.warning).toBeUndefined();
    // Real mojibake is still repaired.
    const moji = iconv.decode(iconv.encode('Khắc phục khó khăn trong chuyển đổi số', 'tcvn'), 'windows-1252');
    expect(decodeBytes(Buffer.from(moji), 'auto').warning).toMatch(/repaired 1 line/);
  });
});

describe('item 16: JSONL fields, big ids, overlapping inputs', () => {
  it('a wrongly typed optional field ("title": 123) keeps the article, with a warning', () => {
    const line = Buffer.from('{"id":"a","title":123,"published":["x"],"url":5,"text":"Toàn tỉnh có 1.200 trạm BTS."}');
    const ev = jsonlLineToArticle(line, 'f.jsonl', 3);
    expect(ev.kind).toBe('article');
    if (ev.kind !== 'article') return;
    expect(ev.article.text).toBe('Toàn tỉnh có 1.200 trạm BTS.');
    expect(ev.article.title).toBeUndefined();
    expect(ev.warning).toMatch(/ignored "url" \(number\), "title" \(number\), "published" \(array\)/);
  });

  it('a numeric id beyond 2^53 keeps every digit', () => {
    const ev = jsonlLineToArticle(Buffer.from('{"meta":{"id":1},"id": 123456789012345678901 ,"text":"x"}'), 'f.jsonl', 1);
    expect(ev.kind === 'article' && ev.article.source).toBe('123456789012345678901');
    const small = jsonlLineToArticle(Buffer.from('{"id":42,"text":"x"}'), 'f.jsonl', 1);
    expect(small.kind === 'article' && small.article.source).toBe('42');
  });

  it('overlapping inputs (a folder and its subfolder, a file twice) are read once, with a warning', async () => {
    const d = tmp();
    mkdirSync(join(d, 'sub'));
    writeFileSync(join(d, 'sub', 'a.txt'), readFileSync(GOOD));
    const r = await chiso(['extract', d, join(d, 'sub'), join(d, 'sub', 'a.txt'), '-f', 'jsonl']);
    expect(r.code).toBe(0);
    expect(jsonlCount(r.stdout)).toBe(goodRecords);
    expect(r.stderr).toContain(`chiso: warning: ${join(d, 'sub', 'a.txt')} is the same file as ${join(d, 'sub', 'a.txt')} (named twice, or in overlapping folders); read once`);
  });
});

describe('item 18: standard input and file names', () => {
  it('stdin on a slow non-blocking pipe is waited for (no EAGAIN)', async () => {
    const d = tmp();
    const fifo = join(d, 'slow');
    if (!(await mkfifo(fifo))) return;
    const reader = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writer = openSync(fifo, constants.O_WRONLY);
    const producer = spawn('sh', ['-c', "printf 'Toàn tỉnh có 1.200 '; sleep 1; printf 'trạm BTS.\\n'"], { stdio: ['ignore', writer, 'inherit'] });
    closeSync(writer);
    const child = spawn(process.execPath, [BIN, 'explain', '-'], { stdio: [reader, 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    closeSync(reader);
    let out = '';
    let err = '';
    child.stdout!.on('data', (b) => (out += String(b)));
    child.stderr!.on('data', (b) => (err += String(b)));
    const code = await new Promise((r) => child.on('close', r));
    await new Promise((r) => (producer.exitCode !== null ? r(null) : producer.on('close', r)));
    expect(err).not.toMatch(/EAGAIN/);
    expect(code).toBe(0);
    expect(out).toMatch(/1\.200/);
  });

  it('stdin is read only up to the limit (plus one byte), never whole', () => {
    const d = tmp();
    writeFileSync(join(d, 'big'), Buffer.alloc(3 * 1024 * 1024, 0x61));
    const fd = openSync(join(d, 'big'), 'r');
    try {
      expect(readStdinSync(100_000, fd).length).toBe(100_001);
    } finally {
      closeSync(fd);
    }
  });

  it('file names that are not UTF-8 are read, in folders and as arguments', async () => {
    const d = tmp();
    const raw = Buffer.concat([Buffer.from(join(d, 'caf')), Buffer.from([0xe9]), Buffer.from('.txt')]);
    writeFileSync(raw, 'Toàn tỉnh có 1.200 trạm BTS.');
    const walked = await chiso(['extract', d, '-f', 'jsonl']);
    expect(walked.stderr).toBe('');
    expect(jsonlCount(walked.stdout)).toBe(1);
    const named = await run('sh', ['-c', `exec "${process.execPath}" "${BIN}" extract "$(printf '${d}/caf\\351.txt')" -f jsonl`]);
    expect(named.stderr).toBe('');
    expect(jsonlCount(named.stdout)).toBe(1);
  });

  it('in-process readers never throw on a directory or a missing file', async () => {
    const events = [];
    for await (const ev of readInput(tmp(), { encoding: 'auto', inputFormat: 'auto', readStdin: () => Buffer.alloc(0) })) events.push(ev);
    expect(events).toEqual([expect.objectContaining({ kind: 'skip', message: 'is a directory, expected a file' })]);
    expect(buildRuleSet(readRuleSources(RULES_DIR)).diagnostics).toEqual([]);
  });
});
