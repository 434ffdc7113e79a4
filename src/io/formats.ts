/**
 * Record formatters. Each is a streaming sink: `header()` once, `row(record)` per record,
 * `footer()` once; all return strings for the caller to write. Pure: no I/O here.
 */
import { stringify } from 'csv-stringify/sync';
import { Chalk } from 'chalk';
import { RECORD_COLUMNS, type ChisoRecord } from '../records/schema.js';

export const FORMATS = ['csv', 'json', 'jsonl', 'table'] as const;
export type Format = (typeof FORMATS)[number];

export interface Formatter {
  header(): string;
  /** One record. Pure (no state), so worker threads can format rows in parallel. */
  row(r: ChisoRecord): string;
  /** Written between two consecutive rows (JSON's comma; empty for line formats). */
  separator: string;
  /** `rows`: how many rows were written (JSON closes an empty array differently). */
  footer(rows: number): string;
}

export function makeFormatter(format: Format, opts: { bom?: boolean; color?: boolean } = {}): Formatter {
  switch (format) {
    case 'csv': return csvFormatter(opts.bom ?? false);
    case 'json': return jsonFormatter();
    case 'jsonl': return { header: () => '', row: (r) => JSON.stringify(r) + '\n', separator: '', footer: () => '' };
    case 'table': return tableFormatter(opts.color ?? false);
  }
}

function csvFormatter(bom: boolean): Formatter {
  // CRLF line ends and a quoted header: what Excel and Google Sheets open cleanly.
  const opts = { record_delimiter: 'windows' as const, quoted_string: false };
  return {
    header: () => (bom ? '\uFEFF' : '') + stringify([[...RECORD_COLUMNS]], opts),
    row: (r) => stringify([RECORD_COLUMNS.map((c) => csvCell(r[c]))], opts),
    separator: '',
    footer: () => '',
  };
}

/** Excel runs cells that start with = + - @ as formulas: prefix them (CSV injection). */
function csvCell(v: unknown): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function jsonFormatter(): Formatter {
  return {
    header: () => '[',
    row: (r) => `\n  ${JSON.stringify(r)}`,
    separator: ',',
    footer: (rows) => (rows === 0 ? ']\n' : '\n]\n'),
  };
}

const TABLE_COLUMNS: { key: keyof ChisoRecord; width: number }[] = [
  { key: 'source', width: 22 }, { key: 'line', width: 4 }, { key: 'indicator', width: 40 },
  { key: 'value', width: 14 }, { key: 'unit', width: 8 }, { key: 'qualifier', width: 8 },
  { key: 'status', width: 6 }, { key: 'text', width: 60 },
];

function tableFormatter(color: boolean): Formatter {
  const c = new Chalk({ level: color ? 1 : 0 });
  const fit = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + '…' : s.padEnd(w));
  const cell = (r: ChisoRecord, key: keyof ChisoRecord) => {
    if (key === 'value') return r.unit === 'fraction' ? `${r.value}/${r.denominator}` : String(r.value);
    if (key === 'source') return String(r.source).split(/[\\/]/).pop() ?? '';
    return String(r[key] ?? '');
  };
  return {
    header: () => c.bold(TABLE_COLUMNS.map((col) => fit(col.key, col.width)).join('  ')) + '\n',
    row: (r) => {
      const cells = TABLE_COLUMNS.map((col) => fit(cell(r, col.key).replace(/\s+/g, ' '), col.width));
      cells[2] = c.cyan(cells[2]!);
      cells[3] = c.bold(cells[3]!);
      if (r.status === 'target') cells[6] = c.yellow(cells[6]!);
      cells[7] = c.dim(cells[7]!);
      return cells.join('  ') + '\n';
    },
    separator: '',
    footer: () => '',
  };
}
