import { describe, expect, it } from 'vitest';
import { parseNumeral } from '../src/numbers/parse.js';
import { detectNumberStyle } from '../src/numbers/style.js';
import { findCandidates } from '../src/candidates/find.js';

describe('parseNumeral (Vietnamese style)', () => {
  it.each([
    ['2.424', 2424], ['358.354', 358354], ['50,65', 50.65], ['99,7', 99.7], ['02', 2], ['1.023.456', 1023456],
    ['0,4872', 0.4872], ['465,68', 465.68], ['1.5', 1.5],
  ])('%s → %d', (raw, value) => expect(parseNumeral(raw, 'vi')).toBe(value));
});

describe('parseNumeral (English style)', () => {
  it.each([['2,424', 2424], ['50.65', 50.65], ['1,023,456', 1023456]])('%s → %d', (raw, value) =>
    expect(parseNumeral(raw, 'en')).toBe(value));
});

describe('detectNumberStyle', () => {
  it('votes Vietnamese on decimal commas and dotted thousands', () => {
    expect(detectNumberStyle('đạt 50,65% và 1.023.456 hồ sơ').style).toBe('vi');
  });
  it('votes English on decimal points and comma thousands', () => {
    expect(detectNumberStyle('reached 50.65% and 1,023,456 files, 12.5 points').style).toBe('en');
  });
  it('does not count versions as votes', () => {
    expect(detectNumberStyle('phiên bản 2.0 và 3.0').enVotes).toBe(0);
  });
});

describe('findCandidates readings', () => {
  const read = (t: string) => findCandidates(t, 'vi').map((c) => ({ v: c.value, u: c.unit, d: c.denominator, x: c.excluded ?? null }));
  it.each<[string, { v: number; u: string; d: number | null; x: string | null }]>([
    ['đạt 50,65%', { v: 50.65, u: 'percent', d: null, x: null }],
    ['58/71 tổ', { v: 58, u: 'fraction', d: 71, x: null }],
    ['313.890/324.898 tài khoản', { v: 313890, u: 'fraction', d: 324898, x: null }],
    ['khoảng 2.000 tỷ đồng', { v: 2e12, u: 'vnd', d: null, x: null }],
    ['820 triệu đồng', { v: 820e6, u: 'vnd', d: null, x: null }],
    ['1,5 triệu văn bản', { v: 1.5e6, u: 'count', d: null, x: null }],
    ['1,02 triệu tài khoản', { v: 1020000, u: 'count', d: null, x: null }],
    ['xếp thứ 16 về chuyển đổi số', { v: 16, u: 'rank', d: null, x: null }],
    ['xếp thứ 12/63', { v: 12, u: 'rank', d: null, x: null }],
    ['đạt 465,68 điểm', { v: 465.68, u: 'score', d: null, x: null }],
    ['47 trên tổng số 53 dịch vụ', { v: 47, u: 'fraction', d: 53, x: null }],
    ['ngày 28/9/2021', { v: NaN, u: 'count', d: null, x: 'date' }],
    ['tháng 4/2024', { v: 4, u: 'count', d: null, x: 'date' }],
    ['09-NQ/TU', { v: 9, u: 'count', d: null, x: 'document' }],
    ['1061/QĐ-UBND', { v: 1061, u: 'count', d: null, x: 'document' }],
    ['4G/5G', { v: 4, u: 'count', d: null, x: 'code' }],
    ['Covid-19', { v: 19, u: 'count', d: null, x: 'code' }],
    ['lúc 8h30', { v: 8, u: 'count', d: null, x: 'time' }],
    ['năm 2025', { v: 2025, u: 'count', d: null, x: 'year' }],
    ['lần thứ 13', { v: 13, u: 'count', d: null, x: 'ordinal' }],
    ['trước thời hạn 7 tháng', { v: 7, u: 'count', d: null, x: 'duration' }],
    ['3 trụ cột', { v: 3, u: 'count', d: null, x: 'structure' }],
    ['phiên bản 2.0', { v: 2, u: 'count', d: null, x: 'version' }],
    ['118 thuê bao/100 dân', { v: 118, u: 'density', d: 100, x: null }],
    ['tăng 12 bậc', { v: 12, u: 'count', d: null, x: null }], // measure: increase (test/kinds.test.ts)
    ['số 0914.123.456', { v: 914123456, u: 'count', d: null, x: 'phone' }],
    ['Mỗi cơ quan có ít nhất 1 công chức', { v: 1, u: 'count', d: null, x: 'density' }],
  ])('%s', (text, want) => {
    const got = read(text)[0]!;
    expect(got.u).toBe(want.u);
    expect(got.x).toBe(want.x);
    if (!Number.isNaN(want.v)) expect(got.v).toBe(want.v);
    expect(got.d).toBe(want.d);
  });

  it('does not read a scale word from the next line (`650.000` then `Tỷ lệ …`)', () => {
    const c = findCandidates('Số tài khoản: 650.000\nTỷ lệ hộ: 72%', 'vi');
    expect(c.map((x) => [x.value, x.unit])).toEqual([[650000, 'count'], [72, 'percent']]);
  });

  it('reads a phone number written in groups as one excluded number', () => {
    const c = findCandidates('Hotline: 0256 3822 345 - Email', 'vi');
    expect(c.map((x) => [x.excluded, x.start, x.end])).toEqual([['phone', 9, 22]]);
  });

  it('reads a range as two ends', () => {
    const c = findCandidates('từ 45% đến 78%', 'vi');
    expect(c.map((x) => [x.value, x.range])).toEqual([[45, 'low'], [78, 'high']]);
    const d = findCandidates('70-80% hộ', 'vi');
    expect(d.map((x) => [x.value, x.unit, x.range])).toEqual([[70, 'percent', 'low'], [80, 'percent', 'high']]);
  });
});
