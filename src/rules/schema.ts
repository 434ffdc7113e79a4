/** zod schemas for the rule files in `rules/`; the TypeScript types are derived from them. */
import { z } from 'zod';
import { UNITS } from '../candidates/types.js';
import { QUALIFIERS, STATUSES } from './values.js';

export { QUALIFIERS, STATUSES };

export const ExpectedRecordSchema = z.strictObject({
  indicator: z.string().optional(),
  value: z.number(),
  unit: z.enum(UNITS),
  denominator: z.number().nullable().optional(),
  qualifier: z.enum(QUALIFIERS).optional(),
  status: z.enum(STATUSES).optional(),
});
export type ExpectedRecord = z.infer<typeof ExpectedRecordSchema>;

export const ExampleSchema = z.strictObject({
  text: z.string().min(1),
  /** Records the rule must produce from `text` (other rules' records are ignored). */
  expect: z.array(ExpectedRecordSchema).min(1),
});

export const RuleSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_.-]+$/, 'rule ids are lower-case words joined by . _ -'),
    indicator: z.string().min(1),
    units: z.array(z.enum(UNITS)).min(1),
    /** Pattern for the words right after the number (the thing counted), anchored there. */
    after: z.string().min(1).optional(),
    /** Pattern searched in the clause before the number; the nearest match counts. */
    before: z.string().min(1).optional(),
    /** The rule does not apply when this matches right after / before the number. */
    not_after: z.string().min(1).optional(),
    not_before: z.string().min(1).optional(),
    /** Must match somewhere in the number's clause (a topic check: `chuyển đổi số|CĐS|…`). */
    context: z.string().min(1).optional(),
    /** Reads a bare number (`đạt 0,4872`) as this unit. */
    as: z.enum(['score', 'rank']).optional(),
    /** `after` may run past later numbers in the clause (`7/8 huyện … thành lập 100% tổ …`). */
    crosses_numbers: z.boolean().default(false),
    /** With crosses_numbers: numbers inside the evidence belong to this record (default) or keep their own. */
    consumes: z.boolean().default(true),
    /**
     * The indicator is itself a change (a growth rate): the rule also reads numbers the candidate
     * finder set aside as changes (`năng suất lao động tăng 5,8% so với năm trước`).
     */
    reads_change: z.boolean().default(false),
    /** Accent-insensitive matching, for sources that lost their diacritics. */
    fold: z.enum(['none', 'diacritics']).default('none'),
    priority: z.number().int().min(-9).max(9).default(0),
    note: z.string().optional(),
    examples: z.array(ExampleSchema).default([]),
    counterexamples: z.array(z.string().min(1)).default([]),
  })
  .refine((r) => r.after !== undefined || r.before !== undefined, { message: 'a rule needs `after` or `before`' });
export type Rule = z.infer<typeof RuleSchema>;

export const RuleFileSchema = z.strictObject({
  description: z.string().optional(),
  rules: z.array(z.unknown()),
});

export const IndicatorSchema = z.object({
  key: z.string().regex(/^[a-z]+\.[a-z0-9_]+$/),
  label_vi: z.string(),
  label_en: z.string(),
  units: z.array(z.enum(UNITS)).min(1),
  of: z.string().nullable().optional(),
  phrases: z.array(z.string()).default([]),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const LexiconSchema = z.record(z.string().regex(/^[a-z_]+$/), z.string().min(1));

export const ProvinceSchema = z.object({
  name: z.string(),
  now: z.string(),
  aliases: z.array(z.string()).default([]),
});
export type Province = z.infer<typeof ProvinceSchema>;
