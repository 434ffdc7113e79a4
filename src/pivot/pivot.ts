/**
 * `chiso pivot`: records → one row per place × indicator × period (and status, measure, unit,
 * which are different facts), holding the latest record's value and how many records agree
 * with it. Pure: records in, rows out.
 */
import type { ChisoRecord } from '../records/schema.js';
import type { Gazetteer } from '../places/gazetteer.js';
import { normalizeText } from '../normalize/normalize.js';

import type { PivotBy } from './by.js';
export { PIVOT_BY, type PivotBy } from './by.js';

/** The fields a pivot reads; records read back from CSV or JSON may lack the others. */
export type PivotRecord = Pick<ChisoRecord, 'source' | 'indicator' | 'value' | 'unit' | 'denominator' | 'measure' | 'qualifier' | 'status' | 'place' | 'as_of' | 'period' | 'published' | 'province' | 'province_2025'> & { line?: number | null; text?: string | null };

export const PIVOT_COLUMNS = [
  'place', 'indicator', 'as_of', 'period', 'value', 'unit', 'denominator', 'measure', 'qualifier', 'status',
  'agree', 'records', 'source', 'line', 'published', 'reported_in',
] as const;

export interface PivotRow {
  /** The place, province or 2025 unit the figure is about (empty: the article did not say which province). */
  place: string;
  indicator: string;
  as_of: string | null;
  /** The words of the latest record that state the period. */
  period: string | null;
  value: number;
  unit: string;
  denominator: number | null;
  measure: string;
  qualifier: string;
  status: string;
  /** Records in the cell with the value shown (value, denominator and qualifier equal). */
  agree: number;
  /** Records in the cell. */
  records: number;
  /** The latest record's source, line and publication date. */
  source: string;
  line: number | null;
  published: string | null;
  /** The province of the article the latest record comes from: the place itself, or another. */
  reported_in: string | null;
}

export interface PivotOptions {
  by: PivotBy;
  /** Keep only the most recent period of each place × indicator (× status, measure, unit). */
  latest?: boolean;
  gazetteer: Gazetteer;
}

export interface PivotResult {
  rows: PivotRow[];
  /** Records left out: without a key (`--all` statistics), or (by province) about another kind of place. */
  skipped: { unkeyed: number; notProvince: number };
}

export function pivot(records: Iterable<PivotRecord>, opts: PivotOptions): PivotResult {
  const cells = new Map<string, { key: string; recs: { r: PivotRecord; order: number }[] }>();
  const skipped = { unkeyed: 0, notProvince: 0 };
  let order = 0;
  for (const r of records) {
    order++;
    if (!r.indicator) {
      skipped.unkeyed++;
      continue;
    }
    const key = keyOf(r, opts);
    if (key === null) {
      skipped.notProvince++;
      continue;
    }
    const id = [key, r.indicator, r.as_of ?? '', r.status, r.measure, r.unit].join('\u0000');
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = { key, recs: [] }));
    cell.recs.push({ r, order });
  }
  let rows: PivotRow[] = [...cells.values()].map(({ key, recs }) => {
    // The latest: the most recently published article, then the last read.
    const latest = recs.reduce((a, b) => (newer(b, a) ? b : a)).r;
    const agree = recs.filter(({ r }) => r.value === latest.value && (r.denominator ?? null) === (latest.denominator ?? null) && r.qualifier === latest.qualifier).length;
    return {
      place: key, indicator: latest.indicator!, as_of: latest.as_of ?? null, period: latest.period ?? null,
      value: latest.value, unit: latest.unit, denominator: latest.denominator ?? null, measure: latest.measure,
      qualifier: latest.qualifier, status: latest.status, agree, records: recs.length,
      source: latest.source, line: latest.line ?? null, published: latest.published ?? null, reported_in: latest.province ?? null,
    };
  });
  if (opts.latest) {
    const best = new Map<string, PivotRow>();
    for (const row of rows) {
      const id = [row.place, row.indicator, row.status, row.measure, row.unit].join('\u0000');
      const cur = best.get(id);
      if (!cur || recency(row) > recency(cur)) best.set(id, row);
    }
    rows = [...best.values()];
  }
  rows.sort((a, b) => a.place.localeCompare(b.place, 'vi') || a.indicator.localeCompare(b.indicator) || (a.as_of ?? '').localeCompare(b.as_of ?? '') ||
    a.status.localeCompare(b.status) || a.measure.localeCompare(b.measure) || a.unit.localeCompare(b.unit));
  return { rows, skipped };
}

function newer(a: { r: PivotRecord; order: number }, b: { r: PivotRecord; order: number }): boolean {
  const pa = a.r.published ?? '';
  const pb = b.r.published ?? '';
  return pa !== pb ? pa > pb : a.order > b.order;
}

/**
 * How recent a cell's period is, for `--latest`: the end of its `as_of` (`2024` ends on 2024-12-31);
 * an undated cell ("hiện nay") is as recent as the article that states it was published.
 */
function recency(row: PivotRow): string {
  const a = row.as_of;
  if (!a) return `${row.published ?? ''}~`;
  return a.length === 4 ? `${a}-12-31~dated` : a.length === 7 ? `${a}-31~dated` : `${a}~dated`;
}

const PREFIX = /^(huyện|quận|thị xã|thành phố|tp\.?|thị trấn|xã|phường|tỉnh|sở|bộ)(?=\s)/iu;

/** The row key of a record: its place, else the article's province; by province, only figures of a province. */
function keyOf(r: PivotRecord, opts: PivotOptions): string | null {
  const province = r.place ? provinceNamed(r.place, opts.gazetteer) : r.province ?? '';
  if (opts.by === 'place') return province ?? r.place!.replace(/\s+/g, ' ').trim().replace(PREFIX, (p) => p.toLowerCase());
  if (province === null) return null;
  if (opts.by === 'province') return province;
  if (!r.place && r.province_2025) return r.province_2025;
  return province ? opts.gazetteer.provinceNow(province) ?? province : '';
}

/** The canonical province a place names (`tỉnh Quảng Ninh`, `TP.HCM`), or null when it names another kind of place. */
function provinceNamed(place: string, g: Gazetteer): string | null {
  const text = normalizeText(place.trim()).text;
  const ms = g.mentions(text);
  if (ms.length !== 1) return null;
  const m = ms[0]!;
  if (m.kind !== 'province' || !m.province) return null;
  const rest = (text.slice(0, m.start) + text.slice(m.end)).replace(/^(?:tỉnh|thành phố|tp\.?)\s*/iu, '').trim();
  return rest === '' ? m.province : null;
}
