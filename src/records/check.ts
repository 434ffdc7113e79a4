/**
 * The record's invariants, checked by hand on every record the pipeline builds: the same rules
 * as `RecordSchema` (schema.ts), which stays the reference at the boundaries (tests, `--strict`)
 * but costs a zod parse per record on the hot path. `test/record-check.test.ts` holds the two
 * to the same verdicts.
 */
import { MEASURES, UNITS } from '../candidates/types.js';
import { QUALIFIERS, STATUSES } from '../rules/schema.js';
import { GENERIC_RULE, type ChisoRecord } from './schema.js';

const units: ReadonlySet<string> = new Set(UNITS);
const measures: ReadonlySet<string> = new Set(MEASURES);
const qualifiers: ReadonlySet<string> = new Set(QUALIFIERS);
const statuses: ReadonlySet<string> = new Set(STATUSES);
const AS_OF = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const text = (v: unknown) => typeof v === 'string' && v.length > 0;
const textOrNull = (v: unknown) => v === null || text(v);
const stringOrNull = (v: unknown) => v === null || typeof v === 'string';
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const int = (v: unknown, min: number) => finite(v) && Number.isInteger(v) && v >= min;

/** Null when the record holds every invariant; otherwise `field: what is wrong`. */
export function recordProblem(r: ChisoRecord): string | null {
  if (!text(r.source)) return 'source: empty';
  if (!textOrNull(r.indicator)) return 'indicator: empty';
  if (!finite(r.value)) return 'value: not a finite number';
  if (!units.has(r.unit)) return `unit: unknown unit ${String(r.unit)}`;
  if (r.denominator !== null && !(finite(r.denominator) && r.denominator > 0)) return 'denominator: not a positive number';
  if (!measures.has(r.measure)) return 'measure: unknown';
  if (!qualifiers.has(r.qualifier)) return 'qualifier: unknown';
  if (!statuses.has(r.status)) return 'status: unknown';
  if (!textOrNull(r.subject)) return 'subject: empty';
  if (!text(r.text)) return 'text: empty';
  if (!int(r.start, 0)) return 'start: not a non-negative integer';
  if (!int(r.end, 1)) return 'end: not a positive integer';
  if (!int(r.line, 1)) return 'line: not a positive integer';
  if (!text(r.sentence)) return 'sentence: empty';
  if (!text(r.rule)) return 'rule: empty';
  if (!textOrNull(r.place)) return 'place: empty';
  if (r.as_of !== null && !(typeof r.as_of === 'string' && AS_OF.test(r.as_of))) return 'as_of: not YYYY, YYYY-MM or YYYY-MM-DD';
  if (!textOrNull(r.period)) return 'period: empty';
  if (!stringOrNull(r.title)) return 'title: not a string';
  if (r.published !== null && !(typeof r.published === 'string' && DATE.test(r.published))) return 'published: not YYYY-MM-DD';
  if (!stringOrNull(r.province) || !stringOrNull(r.province_2025)) return 'province: not a string';
  if (!(r.end > r.start)) return 'record: end must be after start';
  if ((r.indicator === null) !== (r.rule === GENERIC_RULE)) return 'record: only the generic recognizer leaves the indicator empty';
  if ((r.unit === 'fraction' || r.unit === 'density') !== (r.denominator !== null)) return 'record: fractions and densities, and only they, carry a denominator';
  if (r.unit === 'percent' && !(r.value >= 0 && r.value <= 1000)) return 'record: percentage out of range';
  return null;
}
