/**
 * `chiso extract`: inputs → records, streamed as they are produced to stdout, or written to
 * --out through a temporary file that is renamed into place only when the run completes.
 */
import { closeSync, constants, mkdirSync, openSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describeFsError, expandInputs } from '../../io/inputs.js';
import { makeFormatter, type Format } from '../../io/formats.js';
import { atomicFileOutput, OutputError, PipeClosedError, type Output } from '../../io/output.js';
import { ARTICLE_EXTENSIONS, readInput, type InputFormat } from '../../io/articles.js';
import { OrderedRunner } from '../ordered-runner.js';
import type { WorkResult } from '../work.js';
import { buildProvinceMatcher } from '../../article/fields.js';
import type { Encoding } from '../../decode/decode.js';
import { EXIT, type CliIO } from '../context.js';
import { loadRulesOrThrow } from '../rules-loader.js';
import { Progress } from '../progress.js';

export interface ExtractOptions {
  format?: Format;
  out?: string;
  rules?: string;
  bom?: boolean;
  dedupe?: boolean;
  all?: boolean;
  encoding: Encoding;
  inputFormat: InputFormat;
  emitText?: string;
  quiet?: boolean;
  strict?: boolean;
  /** Worker threads; 1 runs in-process. */
  jobs?: number;
}

// Break-even measured on 2 cores: workers pay off from about 10 MB of input; with more cores sooner.
const WORKERS_FROM_BYTES = 8 * 1024 * 1024;

export class StrictFailure extends Error {}

export async function runExtract(inputs: string[], opts: ExtractOptions, io: CliIO): Promise<number> {
  const { ruleSet } = await loadRulesOrThrow(opts.rules, io.env);
  const provinces = buildProvinceMatcher(ruleSet.provinces);
  const format: Format = opts.format ?? (io.stdoutIsTTY && !opts.out ? 'table' : 'csv');
  const color = format === 'table' && io.stdoutIsTTY && !opts.out && !io.env.NO_COLOR;
  const fmt = makeFormatter(format, { bom: opts.bom, color });
  const { files, problems, duplicates, raw, folders } = expandInputs(inputs, ARTICLE_EXTENSIONS, io.rawArg);
  // The output first: a path chiso must not replace, or cannot write, stops the run before any
  // work starts (and before any worker thread does).
  const out: Output = opts.out ? atomicFileOutput(opts.out, { files, folders, extensions: ARTICLE_EXTENSIONS }) : io.stdout;
  if (opts.out && 'removedStale' in out) for (const p of out.removedStale as string[]) io.stderr(`chiso: removed ${p}, a temporary file left by an interrupted run`);
  const progress = new Progress(io, !opts.quiet && io.stderrIsTTY, files);
  let skipped = 0;
  let rejected = 0;
  let records = 0;
  let articles = 0;
  const report = (line: string) => {
    progress.clear();
    io.stderr(line);
  };
  const fail = (line: string) => {
    report(line);
    if (opts.strict) throw new StrictFailure(line);
  };

  // More workers than cores only adds memory (each is a V8 isolate of up to ~110 MB).
  const cores = availableParallelism();
  if (opts.jobs !== undefined && opts.jobs > cores && !opts.quiet) io.stderr(`chiso: --jobs ${opts.jobs} is more than the ${cores} cores here; using ${cores}`);
  const jobs = Math.max(1, Math.min(opts.jobs ?? cores, cores));
  const emitTextDir = opts.emitText;
  const emitter = emitTextDir !== undefined ? textEmitter(emitTextDir) : null;
  let rowsWritten = 0;
  const warnedFiles = new Set<string>();
  const writeResult = (r: WorkResult) => {
    if (r.skip !== undefined) {
      skipped++;
      fail(`chiso: skipped ${r.origin}: ${r.skip}`);
      progress.tick(r.bytes);
      return;
    }
    articles++;
    if (r.warning) report(`chiso: warning: ${r.origin}: ${r.warning}`);
    const file = r.origin.replace(/:\d+$/, '');
    if (r.decodeWarning && !warnedFiles.has(file)) {
      warnedFiles.add(file);
      report(`chiso: warning: ${r.origin}: ${r.decodeWarning} (reported once per file)`);
    }
    if (r.emit && emitter) {
      const problem = emitter(r.emit.source, r.emit.text);
      if (problem) {
        skipped++;
        fail(`chiso: --emit-text: ${r.origin}: ${problem}`);
      }
    }
    for (const x of r.rejected) {
      rejected++;
      fail(`chiso: rejected a record from ${r.origin}:${x.line} [${x.rule}]: ${x.message}`);
    }
    if (r.records > 0) {
      if (rowsWritten > 0 && fmt.separator) out.write(fmt.separator);
      out.write(r.rows);
      rowsWritten += r.records;
    }
    records += r.records;
    progress.tick(r.bytes);
  };
  // `--jobs N`: N worker threads extract; this thread only reads, batches and writes (measured:
  // faster, and less resident memory, than also extracting here). By default workers start
  // once the input proves large: known sizes up front, stdin and pipes once 8 MB were read.
  const emit = emitTextDir !== undefined;
  const runner = new OrderedRunner({
    jobs,
    startAfterBytes: opts.jobs !== undefined || (progress.totalBytes ?? 0) >= WORKERS_FROM_BYTES ? 0 : WORKERS_FROM_BYTES,
    setup: { ruleSet, format, bom: opts.bom, color, dedupe: opts.dedupe, all: opts.all, emitText: emit },
    local: { ruleSet, provinces, fmt, dedupe: opts.dedupe, all: opts.all, emitText: emit },
    onResult: writeResult,
    onWorkerLost: () => report('chiso: warning: a worker thread stopped; its articles were redone on the main thread'),
  });

  try {
    for (const p of problems) {
      skipped++;
      fail(`chiso: skipped ${p.path}: ${p.message}`);
    }
    for (const d of duplicates) report(`chiso: warning: ${d.path} is the same file as ${d.first} (named twice, or in overlapping folders); read once`);
    out.write(fmt.header());
    for (const file of files) {
      for await (const ev of readInput(file, { deferParsing: true, encoding: opts.encoding, inputFormat: opts.inputFormat, readStdin: io.readStdin, stdinStream: io.stdinStream, rawPath: (p) => raw.get(p) })) {
        if (ev.kind === 'warning') {
          report(`chiso: warning: ${ev.where}: ${ev.message}`);
          continue;
        }
        if (ev.kind === 'skip') {
          skipped++;
          fail(`chiso: skipped ${ev.where}: ${ev.message}`);
          continue;
        }
        // Articles, raw JSONL lines and HTML pages are work items as they come.
        await runner.submit(ev, ev.kind === 'jsonl-line' ? ev.bytes.length + 1 : ev.bytes);
      }
    }
    await runner.finish();
    out.write(fmt.footer(rowsWritten));
    out.commit();
  } catch (e) {
    out.abort();
    progress.clear();
    await runner.close();
    if (e instanceof PipeClosedError) return EXIT.ok;
    if (e instanceof StrictFailure) {
      io.stderr(`chiso: --strict: stopped at the first problem${opts.out ? `; ${opts.out} was not written` : ''}`);
      return EXIT.partial;
    }
    if (e instanceof OutputError) {
      io.stderr(`chiso: ${e.message}`);
      return EXIT.output;
    }
    throw e;
  }
  await runner.close();
  progress.clear();
  if (!opts.quiet && io.stderrIsTTY) {
    io.stderr(`chiso: ${articles} article(s), ${records} record(s), ${skipped} skipped input(s)${rejected ? `, ${rejected} rejected record(s)` : ''}, ${progress.elapsed()}`);
  }
  return skipped > 0 || rejected > 0 ? EXIT.partial : EXIT.ok;
}

/**
 * `--emit-text DIR`: the text the offsets refer to, one file per article, named after its source
 * (at most 200 bytes, so a long id never fails with ENAMETOOLONG). Two articles whose names would
 * collide get `~2`, `~3` … (`~` never occurs in a name made from a source). Files are opened
 * without following symlinks. Returns a problem to report, or null.
 */
function textEmitter(dir: string): (source: string, text: string) => string | null {
  const used = new Set<string>();
  let made = false;
  return (source, text) => {
    let base = source.replace(/^[a-z]+:\/\//i, '').replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_');
    while (Buffer.byteLength(base) > 200) base = base.slice(Math.max(1, base.length - 200)).replace(/^[\udc00-\udfff]/, '');
    if (!base) base = 'article';
    let name = `${base}.txt`;
    for (let n = 2; used.has(name); n++) name = `${base}~${n}.txt`;
    used.add(name);
    const path = join(dir, name);
    try {
      if (!made) mkdirSync(dir, { recursive: true });
      made = true;
      const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o666);
      try {
        writeSync(fd, text);
      } finally {
        closeSync(fd);
      }
      return null;
    } catch (e) {
      return `cannot write ${path} (${(e as NodeJS.ErrnoException).code === 'ELOOP' ? 'it is a symlink' : describeFsError(e)})`;
    }
  };
}
