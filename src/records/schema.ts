/** The record: what chiso writes, one per stated statistic. See README "Record fields". */
import { z } from 'zod';
import { MEASURES, UNITS } from '../candidates/types.js';
import { QUALIFIERS, STATUSES } from '../rules/values.js';

/** Rule id of statistics that no rule keys (`chiso extract --all`, `chiso unmatched`). */
export const GENERIC_RULE = 'generic';

export type Qualifier = (typeof QUALIFIERS)[number];
export type Status = (typeof STATUSES)[number];

export const RecordSchema = z.strictObject({
  source: z.string().min(1),
  /** A catalog key; null only for `--all` statistics that no rule keys (rule `generic`). */
  indicator: z.string().min(1).nullable(),
  value: z.number().finite(),
  unit: z.enum(UNITS),
  /** Fractions: the whole (`58/71` → 71); densities: the base (`/100 dân` → 100). */
  denominator: z.number().finite().positive().nullable(),
  /** `level`, or a change stated as such: `increase` / `decrease` (the value stays positive). */
  measure: z.enum(MEASURES),
  qualifier: z.enum(QUALIFIERS),
  status: z.enum(STATUSES),
  /** The noun phrase the number counts or describes, as written (whitespace collapsed). */
  subject: z.string().min(1).nullable(),
  text: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  line: z.number().int().positive(),
  sentence: z.string().min(1),
  rule: z.string().min(1),
  /** The unit the number is about when it is not the article's province as a whole, as written. */
  place: z.string().min(1).nullable(),
  /** End of the reference period the text states: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  as_of: z.string().regex(/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/).nullable(),
  /** The words that state that period, as written. */
  period: z.string().min(1).nullable(),
  title: z.string().nullable(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  province: z.string().nullable(),
  province_2025: z.string().nullable(),
})
  .refine((r) => r.end > r.start, { message: 'end must be after start' })
  .refine((r) => (r.indicator === null) === (r.rule === GENERIC_RULE), { message: 'only the generic recognizer leaves the indicator empty' })
  .refine((r) => (r.unit === 'fraction' || r.unit === 'density') === (r.denominator !== null), { message: 'fractions and densities, and only they, carry a denominator' })
  .refine((r) => r.unit !== 'percent' || (r.value >= 0 && r.value <= 1000), { message: 'percentage out of range' });

export type ChisoRecord = z.infer<typeof RecordSchema>;

/** Column order of CSV and table output; stable, documented in the README. */
export const RECORD_COLUMNS = [
  'source', 'indicator', 'value', 'unit', 'denominator', 'measure', 'qualifier', 'status', 'subject', 'text', 'start', 'end',
  'line', 'sentence', 'rule', 'place', 'as_of', 'period', 'title', 'published', 'province', 'province_2025',
] as const satisfies readonly (keyof ChisoRecord)[];
