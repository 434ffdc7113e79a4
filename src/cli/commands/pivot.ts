/**
 * `chiso pivot`: articles (extracted here) or records (chiso's CSV, JSON or JSONL output) → one
 * row per place × indicator × period; CSV or JSONL, or a table on a terminal.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createInterface } from 'node:readline';
import { stringify } from 'csv-stringify/sync';
import { Chalk } from 'chalk';
import { expandInputs, describeFsError } from '../../io/inputs.js';
import { ARTICLE_EXTENSIONS, readInput } from '../../io/articles.js';
import { atomicFileOutput, PipeClosedError, type Output } from '../../io/output.js';
import { buildProvinceMatcher } from '../../article/fields.js';
import { extractArticle } from '../../pipeline/extract.js';
import { gazetteerFor } from '../../places/gazetteer.js';
import { PIVOT_COLUMNS, pivot, type PivotBy, type PivotRecord, type PivotRow } from '../../pivot/pivot.js';
import { isRecordObject, recordFromJsonLine, recordsFromCsv, recordsFromJson } from '../../pivot/read.js';
import type { Encoding } from '../../decode/decode.js';
import { EXIT, type CliIO } from '../context.js';
import { loadRulesOrThrow } from '../rules-loader.js';
import { PIVOT_FORMATS } from '../../pivot/by.js';

export { PIVOT_FORMATS };

export interface PivotCliOptions {
  by: PivotBy;
  latest?: boolean;
  format?: (typeof PIVOT_FORMATS)[number];
  out?: string;
  rules?: string;
  bom?: boolean;
  encoding: Encoding;
  quiet?: boolean;
}

export async function runPivot(inputs: string[], opts: PivotCliOptions, io: CliIO): Promise<number> {
  const { ruleSet } = await loadRulesOrThrow(opts.rules, io.env);
  const provinces = buildProvinceMatcher(ruleSet.provinces);
  const { files, problems } = expandInputs(inputs, [...ARTICLE_EXTENSIONS, '.csv', '.json']);
  let skippedInputs = problems.length;
  for (const p of problems) io.stderr(`chiso: skipped ${p.path}: ${p.message}`);
  const skip = (where: string, message: string) => {
    skippedInputs++;
    io.stderr(`chiso: skipped ${where}: ${message}`);
  };
  const records: PivotRecord[] = [];
  for (const file of files) {
    const ext = file === '-' ? '' : extname(file).toLowerCase();
    try {
      if (ext === '.csv') {
        records.push(...recordsFromCsv(readFileSync(file, 'utf8')));
        continue;
      }
      if (ext === '.json') {
        records.push(...recordsFromJson(readFileSync(file, 'utf8')));
        continue;
      }
      if ((ext === '.jsonl' || ext === '.ndjson') && (await holdsRecords(file))) {
        let n = 0;
        for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
          n++;
          if (!line.trim()) continue;
          try {
            records.push(recordFromJsonLine(line));
          } catch (e) {
            skip(`${file}:${n}`, (e as Error).message);
          }
        }
        continue;
      }
    } catch (e) {
      skip(file, (e as NodeJS.ErrnoException).code ? describeFsError(e) : (e as Error).message);
      continue;
    }
    for await (const ev of readInput(file, { encoding: opts.encoding, inputFormat: 'auto', readStdin: io.readStdin, stdinStream: io.stdinStream })) {
      if (ev.kind === 'skip') skip(ev.where, ev.message);
      else if (ev.kind === 'warning') io.stderr(`chiso: warning: ${ev.where}: ${ev.message}`);
      else records.push(...extractArticle(ev.article, { ruleSet, provinces }).records);
    }
  }

  const { rows, skipped } = pivot(records, { by: opts.by, latest: opts.latest, gazetteer: gazetteerFor(ruleSet) });
  const format = opts.format ?? (io.stdoutIsTTY && !opts.out ? 'table' : 'csv');
  const out: Output = opts.out ? atomicFileOutput(opts.out) : io.stdout;
  try {
    out.write(render(rows, format, { bom: opts.bom, color: format === 'table' && io.stdoutIsTTY && !opts.out && !io.env.NO_COLOR }));
    out.commit();
  } catch (e) {
    out.abort();
    if (e instanceof PipeClosedError) return EXIT.ok;
    throw e;
  }
  if (!opts.quiet && io.stderrIsTTY) {
    const left = [skipped.unkeyed ? `${skipped.unkeyed} without a key` : '', skipped.notProvince ? `${skipped.notProvince} about places other than a province` : ''].filter(Boolean);
    io.stderr(`chiso: ${records.length} record(s) → ${rows.length} row(s)${left.length ? ` (left out: ${left.join(', ')})` : ''}`);
  }
  return skippedInputs > 0 ? EXIT.partial : EXIT.ok;
}

/** A JSONL file of records (chiso's output) rather than of articles: decided by its first line. */
async function holdsRecords(file: string): Promise<boolean> {
  const rl = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      if (!line.trim()) continue;
      try {
        return isRecordObject(JSON.parse(line));
      } catch {
        return false;
      }
    }
    return false;
  } finally {
    rl.close();
  }
}

export function render(rows: PivotRow[], format: (typeof PIVOT_FORMATS)[number], opts: { bom?: boolean; color?: boolean } = {}): string {
  if (format === 'jsonl') return rows.map((r) => JSON.stringify(r) + '\n').join('');
  if (format === 'csv') {
    const cell = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'number' ? v : /^[=+\-@\t\r]/.test(String(v)) ? `'${v}` : String(v));
    return (opts.bom ? '\uFEFF' : '') + stringify([[...PIVOT_COLUMNS], ...rows.map((r) => PIVOT_COLUMNS.map((c) => cell(r[c])))], { record_delimiter: 'windows' });
  }
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const fit = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + '…' : s.padEnd(w));
  const cols: [string, number, (r: PivotRow) => string][] = [
    ['place', 26, (r) => r.place], ['indicator', 40, (r) => r.indicator], ['as_of', 10, (r) => r.as_of ?? ''],
    ['value', 14, (r) => (r.denominator !== null ? `${r.value}/${r.denominator}` : String(r.value))], ['unit', 8, (r) => r.unit],
    ['qualifier', 9, (r) => r.qualifier], ['status', 6, (r) => r.status], ['agree', 7, (r) => `${r.agree}/${r.records}`],
    ['source', 30, (r) => `${String(r.source).split(/[\\/]/).pop()}${r.line ? `:${r.line}` : ''}`],
  ];
  const head = c.bold(cols.map(([name, w]) => fit(name, w)).join('  ')) + '\n';
  return head + rows.map((r) => {
    const cells = cols.map(([, w, get]) => fit(get(r), w));
    cells[1] = c.cyan(cells[1]!);
    cells[3] = c.bold(cells[3]!);
    if (r.agree < r.records) cells[7] = c.yellow(cells[7]!);
    return cells.join('  ') + '\n';
  }).join('');
}
