/**
 * Record formatters. Each is a streaming sink: `header()` once, `row(record)` per record,
 * `footer()` once; all return strings for the caller to write. Pure: no I/O here.
 */
import { stringify } from 'csv-stringify/sync';
import { Chalk } from 'chalk';
import { RECORD_COLUMNS, type ChisoRecord } from '../records/schema.js';

import type { Format } from './format-names.js';
export { FORMATS, type Format } from './format-names.js';

export interface Formatter {
  header(): string;
  /** One record. A pure function of the record, so worker threads can format rows in parallel. */
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
    case 'jsonl': {
      const json = recordJson();
      return { header: () => '', row: (r) => json(r) + '\n', separator: '', footer: () => '' };
    }
    case 'table': return tableFormatter(opts.color ?? false);
  }
}

/**
 * `JSON.stringify(record)`, byte for byte, with the repeated strings encoded once: the records
 * of an article share its source, title and province, those of a sentence share the sentence
 * (the longest field), and keys, units and statuses come from a small set. Encoding JSON was
 * the largest single cost of writing output. Remembered values never change a row, so the
 * formatter stays a pure function of the record (workers each have their own).
 */
function recordJson(): (r: ChisoRecord) => string {
  const small = new Map<string, string>(); // indicator, unit, qualifier, status, rule: bounded by the rule set
  const str = (v: string | null) => (v === null ? 'null' : JSON.stringify(v));
  const smallStr = (v: string | null) => {
    if (v === null) return 'null';
    let j = small.get(v);
    if (j === undefined) {
      j = JSON.stringify(v);
      if (small.size < 4096) small.set(v, j);
    }
    return j;
  };
  // One remembered value per repeated field.
  const last = (): ((v: string | null) => string) => {
    let value: string | null = null;
    let json = 'null';
    return (v) => {
      if (v !== value) {
        value = v;
        json = str(v);
      }
      return json;
    };
  };
  const [source, sentence, title, published, province, province2025] = [last(), last(), last(), last(), last(), last()];
  const num = (v: number | null) => (v === null ? 'null' : JSON.stringify(v));
  return (r) =>
    `{"source":${source(r.source)},"indicator":${smallStr(r.indicator)},"value":${num(r.value)},"unit":${smallStr(r.unit)},` +
    `"denominator":${num(r.denominator)},"measure":${smallStr(r.measure)},"qualifier":${smallStr(r.qualifier)},"status":${smallStr(r.status)},` +
    `"subject":${str(r.subject)},"text":${str(r.text)},"start":${num(r.start)},"end":${num(r.end)},"line":${num(r.line)},` +
    `"sentence":${sentence(r.sentence)},"rule":${smallStr(r.rule)},"place":${str(r.place)},"as_of":${str(r.as_of)},"period":${str(r.period)},"title":${title(r.title)},"published":${published(r.published)},` +
    `"province":${province(r.province)},"province_2025":${province2025(r.province_2025)}}`;
}

function csvFormatter(bom: boolean): Formatter {
  // CRLF line ends and a quoted header: what Excel and Google Sheets open cleanly. RFC 4180:
  // a field holding any line break (a bare LF or CR too, not only CRLF) is quoted.
  const opts = { record_delimiter: 'windows' as const, quoted_string: false, quoted_match: /[\r\n]/ };
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
  const json = recordJson();
  return {
    header: () => '[',
    row: (r) => `\n  ${json(r)}`,
    separator: ',',
    footer: (rows) => (rows === 0 ? ']\n' : '\n]\n'),
  };
}

const TABLE_COLUMNS: { key: keyof ChisoRecord; width: number }[] = [
  { key: 'source', width: 22 }, { key: 'line', width: 4 }, { key: 'indicator', width: 40 },
  { key: 'value', width: 14 }, { key: 'unit', width: 8 }, { key: 'qualifier', width: 8 },
  { key: 'status', width: 6 }, { key: 'place', width: 20 }, { key: 'as_of', width: 10 }, { key: 'text', width: 60 },
];

// eslint-disable-next-line no-control-regex
const TERMINAL_CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function tableFormatter(color: boolean): Formatter {
  const c = new Chalk({ level: color ? 1 : 0 });
  const fit = (s: string, w: number) => (s.length > w ? s.slice(0, w - 1) + '…' : s.padEnd(w));
  const cell = (r: ChisoRecord, key: keyof ChisoRecord) => {
    if (key === 'value') return r.denominator !== null ? `${r.value}/${r.denominator}` : String(r.value);
    if (key === 'source') return String(r.source).split(/[\\/]/).pop() ?? '';
    return String(r[key] ?? '');
  };
  return {
    header: () => c.bold(TABLE_COLUMNS.map((col) => fit(col.key, col.width)).join('  ')) + '\n',
    row: (r) => {
      // Control characters (terminal escape sequences in an id or a title) are shown as `?`.
      const cells = TABLE_COLUMNS.map((col) => fit(cell(r, col.key).replace(/\s+/g, ' ').replace(TERMINAL_CONTROL, '?'), col.width));
      cells[2] = c.cyan(cells[2]!);
      cells[3] = c.bold(cells[3]!);
      if (r.status === 'target') cells[6] = c.yellow(cells[6]!);
      cells[cells.length - 1] = c.dim(cells[cells.length - 1]!);
      return cells.join('  ') + '\n';
    },
    separator: '',
    footer: () => '',
  };
}
