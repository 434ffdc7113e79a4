/**
 * Issue 15, output side: nothing is overwritten that should not be, nothing is half-written,
 * output errors are plain messages with their own exit code, signals act at once
 * (items 3, 5, 7, 8, 9, 10, 11, 12, 16 (closed stdout), 18 (environment errors, escapes)).
 */
import { spawn } from 'node:child_process';
import {
  chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, chiso, extract, run } from './helpers.js';
import { atomicFileOutput, OutputError } from '../src/io/output.js';
import { makeFormatter } from '../src/io/formats.js';
import { SENTENCE_REACH } from '../src/text/excerpt.js';
import { buildRuleSet, readRuleSources } from '../src/rules/load.js';
import { buildProvinceMatcher } from '../src/article/fields.js';

const GOOD = join(ROOT, 'fixtures', 'articles', 'kon-tum-chuyen-doi.txt');
const sh = (script: string) => run('sh', ['-c', script]);
const tmp = () => mkdtempSync(join(tmpdir(), 'chiso-hostile-out-'));
const noStack = (stderr: string) => expect(stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);

/** A text article of about `mb` MB (lines well under the 1 MB line limit). */
function bigArticle(dir: string, mb: number): string {
  const src = readFileSync(GOOD, 'utf8');
  const parts: string[] = [];
  for (let size = 0; size < mb * 1024 * 1024; size += src.length + 1) parts.push(src);
  const p = join(dir, 'big.txt');
  writeFileSync(p, parts.join('\n'));
  return p;
}

const waitFor = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 12_000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
};
const exitOf = (child: ReturnType<typeof spawn>) => new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
const tempsIn = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('item 3: the sentence field is bounded, so output grows linearly with the input', () => {
  it('a 47 KB one-sentence list gives records whose sentence is at most 200 characters either side of the number', async () => {
    const items = Array.from({ length: 3400 }, (_, i) => `${100 + i} trạm BTS`);
    const text = `Toàn tỉnh có ${items.join(', ')}.`;
    expect(text.length).toBeGreaterThan(47_000);
    const { records } = extract(text);
    expect(records.length).toBeGreaterThan(2000);
    for (const r of records) {
      expect(r.sentence.length).toBeLessThanOrEqual(2 * SENTENCE_REACH + r.text.length + 2);
      expect(r.sentence).toContain(r.text);
    }
    expect(records[1000]!.sentence.startsWith('…') && records[1000]!.sentence.endsWith('…')).toBe(true);
    const csv = makeFormatter('csv');
    const size = records.reduce((s, r) => s + csv.row(r).length, 0);
    expect(size).toBeLessThan(40 * text.length); // was 277 MB (quadratic)
  });

  it('a short sentence is kept whole, without marks', async () => {
    const { records } = extract('Toàn tỉnh có 1.200 trạm BTS.');
    expect(records[0]!.sentence).toBe('Toàn tỉnh có 1.200 trạm BTS.');
  });
});

describe('item 5 and 18: output problems are messages with exit 4, never an internal error or a hang', () => {
  it('--jobs 2 -o /missing-folder/x.csv exits 4 at once and leaves no worker running', async () => {
    const r = await chiso(['extract', GOOD, '--jobs', '2', '-o', '/missing-folder-chiso/x.csv']);
    expect(r.code).toBe(4);
    expect(r.stderr.trim()).toBe('chiso: --out /missing-folder-chiso/x.csv: the folder /missing-folder-chiso does not exist');
  });

  it('a full disk (/dev/full as standard output) exits 4 with a message', async () => {
    const r = await sh(`exec "${process.execPath}" "${BIN}" extract "${GOOD}" -f csv > /dev/full`);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^chiso: cannot write to standard output \(no space left on the device\)/);
    noStack(r.stderr);
  });

  it('item 16: a closed standard output (>&-) exits 4 instead of 0 with nothing written', async () => {
    const r = await sh(`exec "${process.execPath}" "${BIN}" extract "${GOOD}" -f csv >&-`);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/standard output: it is closed/);
    // Output to a file still works with stdout closed.
    const d = tmp();
    expect((await sh(`exec "${process.execPath}" "${BIN}" extract "${GOOD}" -o "${d}/o.csv" >&-`)).code).toBe(0);
    expect(existsSync(join(d, 'o.csv'))).toBe(true);
  });

  it('a read-only --out folder exits 4 with a message', async () => {
    if (process.getuid?.() === 0) return; // root writes anyway
    const d = tmp();
    chmodSync(d, 0o555);
    const r = await chiso(['extract', GOOD, '-o', join(d, 'o.csv')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/cannot create a file in .*permission denied/);
  });
});

describe('item 8: the --out temporary file cannot be redirected', () => {
  it('its name is unpredictable and a symlink planted at the old predictable name is never followed', async () => {
    const d = tmp();
    const victim = join(d, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(d, `.out.csv.${process.pid}.tmp`)); // the name chiso used to use
    const out = atomicFileOutput(join(d, 'out.csv'));
    const temps = readdirSync(d).filter((n) => /\.chiso-/.test(n));
    expect(temps).toHaveLength(1);
    expect(temps[0]).toMatch(new RegExp(`^\\.out\\.csv\\.chiso-${process.pid}-[0-9a-f]{12}\\.tmp$`));
    expect(lstatSync(join(d, temps[0]!)).isFile()).toBe(true);
    out.write('a,b\r\n');
    out.commit();
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(join(d, 'out.csv'), 'utf8')).toBe('a,b\r\n');
    const again = atomicFileOutput(join(d, 'out.csv'));
    expect(readdirSync(d).filter((n) => /\.chiso-/.test(n))[0]).not.toBe(temps[0]);
    again.abort();
  });
});

describe('item 9: --out never replaces what it must not', () => {
  const refuses = async (target: string, message: RegExp, extra: string[] = []) => {
    const r = await chiso(['extract', GOOD, ...extra, '-o', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    noStack(r.stderr);
  };

  it('a symlink at the path is refused and what it points to is untouched', async () => {
    const d = tmp();
    writeFileSync(join(d, 'other.txt'), 'other');
    symlinkSync(join(d, 'other.txt'), join(d, 'out.csv'));
    await refuses(join(d, 'out.csv'), /is a symlink; chiso only replaces regular files/);
    expect(readFileSync(join(d, 'other.txt'), 'utf8')).toBe('other');
    expect(readlinkSync(join(d, 'out.csv'))).toBe(join(d, 'other.txt'));
  });

  it('a device, a FIFO or a folder is refused (but -o /dev/null discards)', async () => {
    const d = tmp();
    await run('mkfifo', [join(d, 'fifo.csv')]).catch(() => {}); // no mkfifo here: the FIFO case is passed over
    if (existsSync(join(d, 'fifo.csv'))) await refuses(join(d, 'fifo.csv'), /is a FIFO/);
    await refuses('/dev/zero', /is a device/);
    await refuses(d, /is a folder/);
    expect((await chiso(['extract', GOOD, '-o', '/dev/null'])).code).toBe(0);
  });

  it('a file with other hard links is refused', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a.csv'), 'keep');
    linkSync(join(d, 'a.csv'), join(d, 'b.csv'));
    await refuses(join(d, 'a.csv'), /has 2 hard links/);
    expect(readFileSync(join(d, 'b.csv'), 'utf8')).toBe('keep');
  });

  it('one of the inputs is refused, and so is a readable name inside an input folder', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a.txt'), readFileSync(GOOD));
    const r = await chiso(['extract', join(d, 'a.txt'), '-o', join(d, 'a.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is one of the inputs/);
    expect(readFileSync(join(d, 'a.txt'), 'utf8')).toBe(readFileSync(GOOD, 'utf8'));
    const r2 = await chiso(['extract', d, '-f', 'jsonl', '-o', join(d, 'records.jsonl')]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/inside the input folder .* would be read as an input by the next run/);
    expect((await chiso(['extract', d, '-o', join(d, 'records.csv')])).code).toBe(0); // .csv is never read
  });

  it('a replaced file keeps its mode', async () => {
    const d = tmp();
    writeFileSync(join(d, 'o.csv'), 'old');
    chmodSync(join(d, 'o.csv'), 0o640);
    expect((await chiso(['extract', GOOD, '-o', join(d, 'o.csv')])).code).toBe(0);
    expect(statSync(join(d, 'o.csv')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(d, 'o.csv'), 'utf8')).toMatch(/^source,indicator/);
  });
});

describe('item 10: temporary files of killed runs are removed', () => {
  it('stale temp files (their process gone) are removed by the next run; a live one is kept', async () => {
    const d = tmp();
    const dead = 2 ** 22 + 12345; // above the default pid_max
    for (const n of [`.o.csv.chiso-${dead}-0123456789ab.tmp`, `.o.csv.${dead}.tmp`, `.o.csv.chiso-${process.pid}-aaaaaaaaaaaa.tmp`]) writeFileSync(join(d, n), 'partial');
    const r = await chiso(['extract', GOOD, '-o', join(d, 'o.csv')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/removed .*\.o\.csv\.chiso-\d+-0123456789ab\.tmp, a temporary file left by an interrupted run/);
    expect(tempsIn(d)).toEqual([`.o.csv.chiso-${process.pid}-aaaaaaaaaaaa.tmp`]);
  });

  it('after SIGKILL the next run removes the partial file', async () => {
    const d = tmp();
    const big = bigArticle(d, 3);
    const child = spawn(process.execPath, [BIN, 'extract', big, '-o', join(d, 'o.csv')], { stdio: 'ignore' });
    const done = exitOf(child);
    await waitFor(() => tempsIn(d).length > 0, 'the temp file');
    child.kill('SIGKILL');
    await done;
    expect(tempsIn(d)).toHaveLength(1);
    expect((await chiso(['extract', GOOD, '-o', join(d, 'o.csv')])).code).toBe(0);
    expect(tempsIn(d)).toEqual([]);
  });
});

describe('item 7: signals act at once and clean up', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const)('%s during a large article exits %i at once: --out untouched, no temp file left', async (signal, code) => {
    const d = tmp();
    const big = bigArticle(d, 4);
    writeFileSync(join(d, 'o.csv'), 'previous');
    const child = spawn(process.execPath, [BIN, 'extract', big, '-o', join(d, 'o.csv')], { stdio: 'ignore' });
    const done = exitOf(child);
    await waitFor(() => tempsIn(d).length > 0, 'the temp file');
    const t0 = Date.now();
    child.kill(signal);
    const r = await done;
    // Loose bound: extraction of this article takes far longer on the main thread, which used to
    // ignore the signal until it finished.
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(r.code).toBe(code);
    expect(readFileSync(join(d, 'o.csv'), 'utf8')).toBe('previous');
    expect(tempsIn(d)).toEqual([]);
  });

  it('an article over 1 MB is extracted off the main thread (the event loop keeps turning)', async () => {
    const { OrderedRunner } = (await import(pathToFileURL(join(ROOT, 'dist/cli/ordered-runner.js')).href)) as typeof import('../src/cli/ordered-runner.js');
    const { ruleSet } = buildRuleSet(readRuleSources(join(ROOT, 'rules')));
    const fmt = makeFormatter('jsonl');
    const events: string[] = [];
    const runner = new OrderedRunner({
      jobs: 1, startAfterBytes: Infinity,
      setup: { ruleSet, format: 'jsonl' },
      local: { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces), fmt },
      onResult: (r) => events.push(`result ${r.records > 0}`),
      onWorkerLost: () => events.push('lost'),
    });
    const text = readFileSync(bigArticle(tmp(), 1.5), 'utf8');
    const submitted = runner.submit({ kind: 'article', article: { source: 'big', text }, origin: 'big', bytes: text.length }, text.length);
    setImmediate(() => events.push('tick'));
    await submitted;
    await runner.finish();
    await runner.close();
    expect(events).toEqual(['tick', 'result true']);
  });

  it('SIGUSR1 does not open the inspector', async () => {
    const d = tmp();
    const child = spawn(process.execPath, [BIN, 'extract', '-', '-o', join(d, 'o.csv')], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (b) => (stderr += String(b)));
    const done = exitOf(child);
    await waitFor(() => tempsIn(d).length > 0, 'the temp file');
    child.kill('SIGUSR1');
    await new Promise((r) => setTimeout(r, 300));
    child.stdin!.end('Toàn tỉnh có 1.200 trạm BTS.\n');
    const r = await done;
    expect(r.code).toBe(0);
    expect(stderr).not.toMatch(/Debugger listening/);
    expect(readFileSync(join(d, 'o.csv'), 'utf8')).toMatch(/1200/);
  });
});

describe('item 11: --emit-text never crashes on a long id and never overwrites', () => {
  it('a 300-character id and two ids that map to one name give three files', async () => {
    const d = tmp();
    const long = 'bài-viết-'.repeat(40);
    const lines = [{ id: long, text: 'Có 12 trạm BTS.' }, { id: 'a/b', text: 'Có 13 trạm BTS.' }, { id: 'a?b', text: 'Có 14 trạm BTS.' }, { id: 'a/b', text: 'Có 15 trạm BTS.' }];
    writeFileSync(join(d, 'in.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const r = await chiso(['extract', join(d, 'in.jsonl'), '--emit-text', join(d, 'texts'), '-f', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(4);
    const files = readdirSync(join(d, 'texts')).sort();
    expect(files).toHaveLength(4);
    for (const f of files) expect(Buffer.byteLength(f)).toBeLessThanOrEqual(210);
    const contents = files.map((f) => readFileSync(join(d, 'texts', f), 'utf8')).sort();
    expect(contents).toEqual(['Có 12 trạm BTS.', 'Có 13 trạm BTS.', 'Có 14 trạm BTS.', 'Có 15 trạm BTS.']);
    expect(files).toContain('a_b.txt');
    expect(files).toContain('a_b~2.txt');
  });
});

/** A strict RFC 4180 reader: quoted fields may hold anything; unquoted ones no CR, LF or quote. */
function parseRfc4180(s: string): string[][] {
  const rows: string[][] = [];
  let i = 0;
  while (i < s.length) {
    const row: string[] = [];
    for (;;) {
      let field = '';
      if (s[i] === '"') {
        i++;
        for (;;) {
          if (i >= s.length) throw new Error('unterminated quote');
          if (s[i] === '"' && s[i + 1] === '"') { field += '"'; i += 2; } else if (s[i] === '"') { i++; break; } else field += s[i++];
        }
      } else {
        while (i < s.length && s[i] !== ',' && s[i] !== '\r') {
          if (s[i] === '\n' || s[i] === '"') throw new Error(`bare ${JSON.stringify(s[i])} in an unquoted field at ${i}`);
          field += s[i++];
        }
      }
      row.push(field);
      if (s[i] === ',') { i++; continue; }
      if (s[i] === '\r' && s[i + 1] === '\n') { i += 2; break; }
      if (i >= s.length) break;
      throw new Error(`unexpected ${JSON.stringify(s[i])} at ${i}`);
    }
    rows.push(row);
  }
  return rows;
}

describe('item 12: CSV is RFC 4180 even with line breaks in fields', () => {
  it('a bare LF or CR in an id, url or title is quoted', async () => {
    const d = tmp();
    const lines = [
      { id: 'a\nb', title: 'x\ry', text: 'Có 12 trạm BTS.' },
      { url: 'http://e.vn/c\rd', text: 'Có 13 trạm BTS.' },
    ];
    writeFileSync(join(d, 'in.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const r = await chiso(['extract', join(d, 'in.jsonl'), '-f', 'csv']);
    expect(r.code).toBe(0);
    const rows = parseRfc4180(r.stdout);
    expect(rows).toHaveLength(3);
    expect(rows[1]![0]).toBe('a\nb');
    expect(rows[2]![0]).toBe('http://e.vn/c\rd');
    expect(rows.every((row) => row.length === rows[0]!.length)).toBe(true);
  });
});

describe('item 18: terminal escape codes from ids and file names never reach the terminal', () => {
  it('skip messages and warnings show control characters escaped', async () => {
    const d = tmp();
    const evil = join(d, 'evil\u001b]0;pwned\u0007\u001b[2J.jsonl');
    writeFileSync(evil, '{"id":"x\\u001b[31m","title":5,"text":"Có 12 trạm BTS."}\nnot json\n');
    const r = await chiso(['extract', evil, '-f', 'table']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stderr).toContain('evil\\x1b]0;pwned\\x07\\x1b[2J.jsonl:2: not valid JSON');
    expect(r.stdout).not.toMatch(/\u001b/);
  });

  it('a wrongly typed title is reported as ignored, with the file and line', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a.jsonl'), '{"id":"a","title":123,"text":"Có 12 trạm BTS."}\n');
    const r = await chiso(['extract', join(d, 'a.jsonl'), '-f', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/a\.jsonl:1: ignored "title" \(number\): expected a string/);
  });

  it('OutputError has a kind that maps to the documented codes', async () => {
    expect(new OutputError('x', 'refused').kind).toBe('refused');
    expect(() => atomicFileOutput(join(tmp(), 'no', 'x.csv'))).toThrow(/does not exist/);
    const d = tmp();
    mkdirSync(join(d, 'f.csv'));
    expect(() => atomicFileOutput(join(d, 'f.csv'))).toThrow(/is a folder/);
  });
});
