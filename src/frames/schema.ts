/** zod schemas of `rules/concepts.yaml` and `rules/frames.yaml`. */
import { z } from 'zod';
import { UNITS } from '../candidates/types.js';

const conceptName = z.string().regex(/^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)?$/, 'concept names are lower-case words joined by _ (cues: cue.<name>)');

/** `name: [form, form, …]`. */
export const ConceptsSchema = z.record(conceptName, z.array(z.string().min(1)).min(1));

/** One slot: a concept, or a list of concepts any of which fills it. */
const slot = z.union([conceptName, z.array(conceptName).min(1)]).transform((v) => (Array.isArray(v) ? v : [v]));

export const FrameSchema = z.strictObject({
  /** The catalog key this frame yields. */
  key: z.string().regex(/^[a-z]+\.[a-z0-9_]+$/),
  /** What is counted, or what a share is of: right after the number, after `tỷ lệ`/`số`, or a label. */
  counted: slot.optional(),
  /** What it has, uses or does: each slot must be filled somewhere in the number's statement. */
  with: z.array(slot).default([]),
  /** Concepts that must not be in the statement (a more specific key's mark). */
  without: z.array(conceptName).default([]),
  /** The statement is a deficit (`chưa`, `không`): required when true, forbidden when false. */
  deficit: z.boolean().default(false),
  /** Units this frame reads (a subset of the catalog's units for the key); default: all of them. */
  units: z.array(z.enum(UNITS)).min(1).optional(),
  /** Reads a bare number (`DTI đạt 0,5120`, nothing after it) as this unit, as a rule's `as:` does. */
  as: z.enum(['score', 'rank']).optional(),
  note: z.string().optional(),
}).refine((f) => f.counted !== undefined || f.with.length > 0, { message: 'a frame needs `counted` or `with`' });

export type FrameSpec = z.output<typeof FrameSchema>;
