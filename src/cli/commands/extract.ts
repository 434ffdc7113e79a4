/**
 * `chiso extract`: inputs → records, streamed as they are produced to stdout, or written to
 * --out through a temporary file that is renamed into place only when the run completes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { expandInputs } from '../../io/inputs.js';
import { makeFormatter, type Format } from '../../io/formats.js';
import { atomicFileOutput, PipeClosedError, type Output } from '../../io/output.js';
import { ARTICLE_EXTENSIONS, readInput, type InputFormat } from '../../io/articles.js';
import { extractArticle, type Article } from '../../pipeline/extract.js';
import { ExtractPool, type BatchResult } from '../pool.js';
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

/** Articles per batch sent to a worker, and batches in flight per worker (bounds memory). */
const BATCH_ARTICLES = 32;
const BATCH_BYTES = 1 << 20;
const IN_FLIGHT_PER_WORKER = 3;
const WORKERS_FROM_BYTES = 4 * 1024 * 1024;

export class StrictFailure extends Error {}

export async function runExtract(inputs: string[], opts: ExtractOptions, io: CliIO): Promise<number> {
  const { ruleSet, dir: rulesDir } = loadRulesOrThrow(opts.rules);
  const provinces = buildProvinceMatcher(ruleSet.provinces);
  const format: Format = opts.format ?? (io.stdoutIsTTY && !opts.out ? 'table' : 'csv');
  const color = format === 'table' && io.stdoutIsTTY && !opts.out && !io.env.NO_COLOR;
  const fmt = makeFormatter(format, { bom: opts.bom, color });
  const { files, problems } = expandInputs(inputs, ARTICLE_EXTENSIONS);
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

  // Workers pay off on real corpora; a handful of articles is faster in-process.
  const jobs = Math.max(1, opts.jobs ?? (progress.totalBytes !== null && progress.totalBytes < WORKERS_FROM_BYTES ? 1 : availableParallelism()));
  const pool = jobs > 1 ? new ExtractPool(jobs, { rulesDir, dedupe: opts.dedupe, all: opts.all }) : null;
  type Batch = { origins: string[]; bytes: number[]; result: Promise<BatchResult> };
  const inFlight: Batch[] = [];
  let batch: { articles: Article[]; origins: string[]; bytes: number[]; size: number } = { articles: [], origins: [], bytes: [], size: 0 };
  const writeResults = (origins: string[], bytes: number[], results: BatchResult) => {
    results.forEach((result, k) => {
      articles++;
      for (const r of result.rejected) {
        rejected++;
        fail(`chiso: rejected a record from ${origins[k]}:${r.line} [${r.rule}]: ${r.message}`);
      }
      for (const rec of result.records) out.write(fmt.row(rec));
      records += result.records.length;
      progress.tick(bytes[k]!);
    });
  };
  const drain = async (keep: number) => {
    while (inFlight.length > keep) {
      const b = inFlight.shift()!;
      writeResults(b.origins, b.bytes, await b.result);
    }
  };
  const sendBatch = async () => {
    if (!pool || batch.articles.length === 0) return;
    inFlight.push({ origins: batch.origins, bytes: batch.bytes, result: pool.submit(batch.articles) });
    batch = { articles: [], origins: [], bytes: [], size: 0 };
    await drain(jobs * IN_FLIGHT_PER_WORKER);
  };

  const out: Output = opts.out ? atomicFileOutput(opts.out) : io.stdout;
  try {
    for (const p of problems) {
      skipped++;
      fail(`chiso: skipped ${p.path}: ${p.message}`);
    }
    out.write(fmt.header());
    for (const file of files) {
      for await (const ev of readInput(file, { encoding: opts.encoding, inputFormat: opts.inputFormat, readStdin: io.readStdin, stdinStream: io.stdinStream })) {
        if (ev.kind === 'warning') {
          report(`chiso: warning: ${ev.where}: ${ev.message}`);
          continue;
        }
        if (ev.kind === 'skip') {
          skipped++;
          fail(`chiso: skipped ${ev.where}: ${ev.message}`);
          continue;
        }
        if (ev.warning) report(`chiso: warning: ${ev.origin}: ${ev.warning}`);
        if (opts.emitText) emitText(opts.emitText, ev.article.source, ev.article.text);
        if (pool) {
          batch.articles.push(ev.article);
          batch.origins.push(ev.origin);
          batch.bytes.push(ev.bytes);
          batch.size += ev.bytes;
          if (batch.articles.length >= BATCH_ARTICLES || batch.size >= BATCH_BYTES) await sendBatch();
          continue;
        }
        const result = extractArticle(ev.article, { ruleSet, provinces, dedupe: opts.dedupe, all: opts.all });
        writeResults([ev.origin], [ev.bytes], [result]);
      }
    }
    await sendBatch();
    await drain(0);
    out.write(fmt.footer());
    out.commit();
  } catch (e) {
    out.abort();
    progress.clear();
    await pool?.close();
    if (e instanceof PipeClosedError) return EXIT.ok;
    if (e instanceof StrictFailure) {
      io.stderr(`chiso: --strict: stopped at the first problem${opts.out ? `; ${opts.out} was not written` : ''}`);
      return EXIT.partial;
    }
    throw e;
  }
  await pool?.close();
  progress.clear();
  if (!opts.quiet && io.stderrIsTTY) {
    io.stderr(`chiso: ${articles} article(s), ${records} record(s), ${skipped} skipped input(s)${rejected ? `, ${rejected} rejected record(s)` : ''}, ${progress.elapsed()}`);
  }
  return skipped > 0 || rejected > 0 ? EXIT.partial : EXIT.ok;
}

/** `--emit-text DIR`: the text the offsets refer to, one file per article. */
function emitText(dir: string, source: string, text: string): void {
  mkdirSync(dir, { recursive: true });
  const name = source.replace(/^[a-z]+:\/\//i, '').replace(/[^\p{L}\p{N}._-]+/gu, '_').slice(-120) || 'article';
  writeFileSync(join(dir, `${name}.txt`), text);
}
