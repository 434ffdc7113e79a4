// The hand-written record check on the hot path (src/records/check.ts) and the zod schema at
// the boundaries (src/records/schema.ts) give the same verdict on every record.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordProblem } from '../src/records/check.js';
import { GENERIC_RULE, RecordSchema, type ChisoRecord } from '../src/records/schema.js';
import { MEASURES, UNITS } from '../src/candidates/types.js';
import { QUALIFIERS, STATUSES } from '../src/rules/schema.js';

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const str = fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 6 }));
const num = fc.oneof(fc.double({ noNaN: false }), fc.integer({ min: -3, max: 2000 }), fc.constantFrom(0, 1, 100, 1000, 1000.5, Infinity, NaN));
const dateish = fc.oneof(fc.constantFrom('2024', '2024-06', '2024-06-30', '2024-13', '2024-6-1', '24', '2024-02-31', '2024-00'), str);

const record: fc.Arbitrary<ChisoRecord> = fc.record({
  source: str,
  indicator: maybe(str),
  value: num,
  unit: fc.oneof(fc.constantFrom(...UNITS), fc.constant('metre')),
  denominator: maybe(num),
  measure: fc.oneof(fc.constantFrom(...MEASURES), fc.constant('flat')),
  qualifier: fc.oneof(fc.constantFrom(...QUALIFIERS), fc.constant('maybe')),
  status: fc.oneof(fc.constantFrom(...STATUSES), fc.constant('draft')),
  subject: maybe(str),
  text: str,
  start: num,
  end: num,
  line: num,
  sentence: str,
  rule: fc.oneof(str, fc.constant(GENERIC_RULE)),
  place: maybe(str),
  as_of: maybe(dateish),
  period: maybe(str),
  title: maybe(fc.string({ maxLength: 3 })),
  published: maybe(dateish),
  province: maybe(fc.string({ maxLength: 3 })),
  province_2025: maybe(fc.string({ maxLength: 3 })),
}) as fc.Arbitrary<ChisoRecord>;

describe('record check', () => {
  it('agrees with the zod schema on arbitrary records', () => {
    fc.assert(fc.property(record, (r) => {
      expect(recordProblem(r) === null).toBe(RecordSchema.safeParse(r).success);
    }), { numRuns: 5000, seed: 20261129 });
  });
  it('passes a well-formed record and names the field of a broken one', () => {
    const ok: ChisoRecord = {
      source: 'a.txt', indicator: 'gov.online_services_full', value: 62.87, unit: 'percent', denominator: null, measure: 'level', qualifier: 'exact',
      status: 'actual', subject: null, text: '62,87%', start: 3, end: 9, line: 1, sentence: 'Đạt 62,87%.', rule: 'r', place: null, as_of: '2024-06',
      period: null, title: null, published: '2024-07-01', province: null, province_2025: null,
    };
    expect(recordProblem(ok)).toBeNull();
    expect(recordProblem({ ...ok, unit: 'fraction' })).toMatch(/denominator/);
    expect(recordProblem({ ...ok, as_of: '2024-13' })).toMatch(/^as_of/);
  });
});
