/** `chiso extract`: inputs → records, streamed to stdout or written atomically to --out. */
import { expandInputs } from '../../io/inputs.js';
import { makeFormatter, type Format } from '../../io/formats.js';
import { atomicFileOutput, PipeClosedError, type Output } from '../../io/output.js';
import { extractArticle } from '../../pipeline/extract.js';
import { buildProvinceMatcher } from '../../article/fields.js';
import type { Encoding } from '../../decode/decode.js';
import { EXIT, type CliIO } from '../context.js';
import { loadRulesOrThrow } from '../rules-loader.js';
import { readArticle } from '../read-article.js';

export interface ExtractOptions {
  format?: Format;
  out?: string;
  rules?: string;
  bom?: boolean;
  dedupe?: boolean;
  all?: boolean;
  encoding: Encoding;
  quiet?: boolean;
  strict?: boolean;
}

export function runExtract(inputs: string[], opts: ExtractOptions, io: CliIO): number {
  const { ruleSet } = loadRulesOrThrow(opts.rules);
  const provinces = buildProvinceMatcher(ruleSet.provinces);
  const format: Format = opts.format ?? (io.stdoutIsTTY && !opts.out ? 'table' : 'csv');
  const color = format === 'table' && io.stdoutIsTTY && !opts.out && !io.env.NO_COLOR;
  const fmt = makeFormatter(format, { bom: opts.bom, color });
  const { files, problems } = expandInputs(inputs);
  let skipped = 0;
  let rejected = 0;
  let recordCount = 0;
  let articles = 0;
  for (const p of problems) {
    io.stderr(`chiso: skipped ${p.path}: ${p.message}`);
    skipped++;
  }

  const out: Output = opts.out ? atomicFileOutput(opts.out) : io.stdout;
  try {
    out.write(fmt.header());
    for (const file of files) {
      const read = readArticle(file, opts.encoding, io.readStdin);
      if (!read.ok) {
        io.stderr(`chiso: skipped ${file}: ${read.message}`);
        skipped++;
        continue;
      }
      if (read.warning) io.stderr(`chiso: warning: ${file}: ${read.warning}`);
      const result = extractArticle(read.article, { ruleSet, provinces, dedupe: opts.dedupe, all: opts.all });
      articles++;
      for (const r of result.rejected) {
        io.stderr(`chiso: rejected a record from ${file}:${r.line} [${r.rule}]: ${r.message}`);
        rejected++;
      }
      for (const rec of result.records) {
        out.write(fmt.row(rec));
        recordCount++;
      }
    }
    out.write(fmt.footer());
    out.commit();
  } catch (e) {
    out.abort();
    if (e instanceof PipeClosedError) return EXIT.ok;
    throw e;
  }
  // The summary is for people watching a terminal; scripts read the exit code.
  if (!opts.quiet && io.stderrIsTTY) {
    io.stderr(`chiso: ${articles} article(s), ${recordCount} record(s), ${skipped} skipped input(s)${rejected ? `, ${rejected} rejected record(s)` : ''}`);
  }
  if (skipped > 0 || rejected > 0) return EXIT.partial;
  return EXIT.ok;
}
