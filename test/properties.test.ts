/** Property tests: the extractor never throws and every record it returns is sound. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extract } from './helpers.js';
import { RecordSchema } from '../src/records/schema.js';
import { makeFormatter } from '../src/io/formats.js';

const STATEMENTS = [
  'Toàn tỉnh có 1.200 trạm BTS.', 'Tỷ lệ hồ sơ trực tuyến đạt 52,3%.', 'Đã có 58/71 tổ công nghệ số cộng đồng cấp xã.',
  'Tổng kinh phí thực hiện khoảng 2.000 tỷ đồng.', 'Tỉnh xếp thứ 16 về chuyển đổi số.', 'Có hơn 6.000 đơn hàng giao dịch thành công.',
  'Phấn đấu đến năm 2025, 100% thôn, bản được phủ sóng 4G.',
];
const FILLER = [
  'Hội nghị diễn ra sôi nổi.', 'Ông Nguyễn Văn A phát biểu tại buổi lễ.', 'Ngày 12/3/2024, đoàn công tác làm việc tại huyện.',
  'Thực hiện Quyết định số 06/QĐ-TTg của Thủ tướng.', 'Người dân rất phấn khởi.', 'Sự kiện thu hút đông đảo người tham gia.',
];
const fragment = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...STATEMENTS, ...FILLER, '\n', '; ', ' (', ') ', '%', '/', '.', ',', '\u00a0', '\u0301', 'Ð', '&nbsp;'),
  fc.integer({ min: 0, max: 10_000_000 }).map(String),
);

describe('extraction properties', () => {
  it('never throws; every record satisfies the schema, rests on its span and lies inside the input', () => {
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 25 }), (parts) => {
        const input = parts.join('');
        const { records } = extract(input);
        for (const r of records) {
          expect(RecordSchema.safeParse(r).success).toBe(true);
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(input.length);
          expect(r.text).toBe(input.slice(r.start, r.end));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('JSON rows are JSON.stringify of the record, whatever came before (the formatter remembers repeated strings)', () => {
    const jsonl = makeFormatter('jsonl');
    const json = makeFormatter('json');
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 25 }), fc.constantFrom('a', 'b', '"q"\\'), (parts, source) => {
        const { records } = extract(parts.join(''));
        for (const r0 of records) {
          // Vary the shared fields too, so a remembered value must be replaced.
          const r = { ...r0, source, title: r0.value > 50 ? 'Tiêu đề "x"' : null, province: r0.start % 2 ? 'Lạng Sơn' : null };
          expect(jsonl.row(r)).toBe(JSON.stringify(r) + '\n');
          expect(json.row(r)).toBe(`\n  ${JSON.stringify(r)}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('inserting unrelated sentences between statements does not change the records', () => {
    const reading = (text: string) => extract(text).records.map((r) => `${r.indicator} ${r.value} ${r.unit} ${r.denominator} ${r.qualifier} ${r.status}`);
    fc.assert(
      fc.property(fc.subarray(STATEMENTS, { minLength: 1 }), fc.array(fc.subarray(FILLER), { minLength: 8, maxLength: 8 }), (stmts, fillers) => {
        const plain = stmts.join(' ');
        const padded = stmts.map((s, i) => [...fillers[i]!, s].join(' ')).join(' ');
        expect(reading(padded)).toEqual(reading(plain));
      }),
      { numRuns: 150 },
    );
  });
});
