/**
 * Bad input never crashes chiso and never loses data: each case gives a one-line message naming
 * the input, the documented exit code, and the good inputs of the same run keep their records.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, chiso, run } from './helpers.js';
import { expandInputs } from '../src/io/inputs.js';
import { readInput } from '../src/io/articles.js';

const GOOD = join(ROOT, 'fixtures', 'articles', 'kon-tum-chuyen-doi.txt');
const tmp = () => mkdtempSync(join(tmpdir(), 'chiso-bad-'));
const recordCount = (stdout: string) => stdout.trim().split('\n').filter(Boolean).length;
let goodCount: number;
beforeAll(async () => {
  goodCount = recordCount((await chiso(['extract', GOOD, '-f', 'jsonl'])).stdout);
});

/** Runs the bad input next to a good article; checks message, exit code and the good records. */
async function expectSkipped(bad: string, message: RegExp, extra: string[] = []) {
  const r = await chiso(['extract', bad, GOOD, '-f', 'jsonl', ...extra]);
  expect(r.code).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines.some((l) => message.test(l)), r.stderr).toBe(true);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  expect(recordCount(r.stdout)).toBe(goodCount);
}

describe('bad inputs are reported and skipped; the run goes on', () => {
  it('missing file', () => expectSkipped('does/not/exist.txt', /^chiso: skipped does\/not\/exist\.txt: no such file or directory$/));

  it('a directory where a file is needed', async () => {
    const r = await chiso(['explain', join(ROOT, 'fixtures')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toMatch(/^chiso: cannot read .*fixtures: is a directory, expected a file$/);
  });

  it('a PNG renamed .txt', async () => {
    const d = tmp();
    writeFileSync(join(d, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]));
    await expectSkipped(join(d, 'photo.txt'), /photo\.txt: not a text file \(looks like a PNG image\)/);
  });

  it('a PDF renamed .txt', async () => {
    const d = tmp();
    writeFileSync(join(d, 'report.txt'), '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\u0000\u0000');
    await expectSkipped(join(d, 'report.txt'), /report\.txt: not a text file \(looks like a PDF document\)/);
  });

  it('an empty file: no records, no error', async () => {
    const d = tmp();
    writeFileSync(join(d, 'empty.txt'), '');
    const r = await chiso(['extract', join(d, 'empty.txt'), GOOD, '-f', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(recordCount(r.stdout)).toBe(goodCount);
  });

  it('invalid UTF-8: decoded with replacement, one warning per file, records kept', async () => {
    const d = tmp();
    const bytes = Buffer.concat([Buffer.from('Toàn tỉnh có 1.200 trạm BTS. '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' Có thêm 30 trạm BTS. '), Buffer.from([0xc0])]);
    writeFileSync(join(d, 'broken.txt'), bytes);
    const r = await chiso(['extract', join(d, 'broken.txt'), '-f', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/warning: .*broken\.txt: invalid UTF-8/)]);
    expect(recordCount(r.stdout)).toBe(2);
  });

  it('a single 50 MB line', async () => {
    const d = tmp();
    const big = join(d, 'oneline.txt');
    writeFileSync(big, 'Tỉnh có 12 trạm BTS. '.repeat(2_000_000).slice(0, 50 * 1024 * 1024));
    await expectSkipped(big, /oneline\.txt:1: line is \d+\.\d MB long; the limit is 1\.0 MB/);
  });

  it('a single 50 MB JSONL line is skipped, the other lines are read', async () => {
    const d = tmp();
    const f = join(d, 'big.jsonl');
    writeFileSync(f, `{"id":"a","text":"Có 7 trạm BTS."}\n{"id":"huge","text":"${'x'.repeat(50 * 1024 * 1024)}"}\n{"id":"b","text":"Có 9 trạm BTS."}\n`);
    const r = await chiso(['extract', f, '-f', 'jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/big\.jsonl:2: line is 50\.0 MB long; the limit is 16\.0 MB/);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).source)).toEqual(['a', 'b']);
  });

  it('a truncated JSONL line', async () => {
    const d = tmp();
    writeFileSync(join(d, 'cut.jsonl'), '{"id":"ok","text":"Có 5 trạm BTS."}\n{"id":"cut","text":"Có 6 tr');
    const r = await chiso(['extract', join(d, 'cut.jsonl'), GOOD, '-f', 'jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cut\.jsonl:2: not valid JSON/);
    expect(recordCount(r.stdout)).toBe(goodCount + 1);
  });

  it('a symlink loop inside an input folder', async () => {
    const d = tmp();
    mkdirSync(join(d, 'sub'));
    writeFileSync(join(d, 'sub', 'a.txt'), 'Tỉnh có 12 trạm BTS.');
    symlinkSync(d, join(d, 'sub', 'loop'));
    const r = await chiso(['extract', d, GOOD, '-f', 'jsonl']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/skipped .*sub\/loop: symlink loop/);
    expect(recordCount(r.stdout)).toBe(goodCount + 1);
  });

  it('a file that disappears between listing and reading', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a.txt'), 'Tỉnh có 12 trạm BTS.');
    writeFileSync(join(d, 'b.txt'), 'Tỉnh có 13 trạm BTS.');
    const { files } = expandInputs([d]);
    unlinkSync(join(d, 'a.txt'));
    const events = [];
    for (const f of files) for await (const ev of readInput(f, { encoding: 'auto', inputFormat: 'auto', readStdin: () => Buffer.alloc(0) })) events.push(ev);
    expect(events.map((e) => e.kind)).toEqual(['skip', 'article']);
    expect(events[0]).toMatchObject({ kind: 'skip', message: 'no such file or directory' });
  });

  it('--strict turns a skipped input into a failure and does not write --out', async () => {
    const d = tmp();
    const out = join(d, 'out.csv');
    const r = await chiso(['extract', 'missing.txt', GOOD, '-o', out, '--strict']);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toMatch(/--strict: stopped at the first problem/);
  });

  it('a record that fails validation is reported with rule and line, and only it is dropped', async () => {
    const r = await chiso(['extract', '-', '-f', 'jsonl'], 'Tỷ lệ DVCTT toàn trình đạt 5.000%.\nTỉnh có 12 trạm BTS.');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rejected a record from stdin:1 \[frame\.gov\.online_services_full\]: .*percentage out of range/);
    expect(recordCount(r.stdout)).toBe(1);
  });
});

describe('output safety', () => {
  it('killing a run with --out leaves the previous file, never a partial one', async () => {
    const d = tmp();
    const corpus = join(d, 'corpus.jsonl');
    const article = readFileSync(GOOD, 'utf8');
    writeFileSync(corpus, Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `a${i}`, text: article })).join('\n'));
    const out = join(d, 'records.csv');
    writeFileSync(out, 'previous\n');
    const child = spawn(process.execPath, [BIN, 'extract', corpus, '-o', out, '-q'], { cwd: ROOT });
    // Wait until the temporary file has content, then kill hard.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const tmpFile = readdirSync(d).find((n) => n.endsWith('.tmp'));
      if (tmpFile && statSync(join(d, tmpFile)).size > 10_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  });

  it('Ctrl-C (SIGINT) removes the temporary file and keeps the previous output', async () => {
    const d = tmp();
    const corpus = join(d, 'corpus.jsonl');
    writeFileSync(corpus, Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `a${i}`, text: readFileSync(GOOD, 'utf8') })).join('\n'));
    const out = join(d, 'records.csv');
    writeFileSync(out, 'previous\n');
    const child = spawn(process.execPath, [BIN, 'extract', corpus, '-o', out, '-q'], { cwd: ROOT });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && !readdirSync(d).some((n) => n.endsWith('.tmp') && statSync(join(d, n)).size > 10_000)) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('exit', (c) => r(c)));
    expect(code).toBe(130);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
    expect(readdirSync(d).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writing into a closed pipe ends quietly with code 0', async () => {
    const r = await run('bash', ['-c', `node ${BIN} extract ${join(ROOT, 'fixtures', 'articles')} -f jsonl | head -n 1; echo "rc=\${PIPESTATUS[0]}"`]);
    expect(r.stdout).toMatch(/rc=0/);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});
