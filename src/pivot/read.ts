/**
 * Records read back from chiso's own output (CSV, JSON, JSONL), for `chiso pivot`. Pure: text
 * in, records out. Columns are read by header name; a CSV cell that chiso protected from
 * spreadsheet formulas (`'=…`) gets its text back.
 */
import type { PivotRecord } from './pivot.js';

const NUMERIC = new Set(['value', 'denominator', 'start', 'end', 'line']);

export class RecordsFormatError extends Error {}

/** Whether a JSON object is a chiso record (rather than an article of a scrape). */
export function isRecordObject(o: unknown): boolean {
  return typeof o === 'object' && o !== null && 'value' in o && 'unit' in o && 'indicator' in o;
}

export function recordsFromJson(text: string): PivotRecord[] {
  const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
  if (!Array.isArray(data) || !data.every(isRecordObject)) throw new RecordsFormatError('expected a JSON array of records (chiso extract -f json)');
  return data as PivotRecord[];
}

export function recordFromJsonLine(line: string): PivotRecord {
  const o: unknown = JSON.parse(line);
  if (!isRecordObject(o)) throw new RecordsFormatError('not a record');
  return o as PivotRecord;
}

export function recordsFromCsv(text: string): PivotRecord[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''));
  const header = rows.shift();
  if (!header || !['indicator', 'value', 'unit'].every((c) => header.includes(c))) throw new RecordsFormatError('expected a CSV of records with a header (chiso extract -f csv)');
  return rows.filter((r) => r.length > 1 || r[0] !== '').map((cells) => {
    const rec: Record<string, string | number | null> = {};
    header.forEach((col, i) => {
      let v: string | number | null = cells[i] ?? '';
      if (typeof v === 'string' && /^'[=+\-@\t\r]/.test(v)) v = v.slice(1);
      if (v === '') v = null;
      else if (NUMERIC.has(col)) v = Number(v);
      rec[col] = v;
    });
    return rec as unknown as PivotRecord;
  });
}

/** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks; CRLF or LF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
