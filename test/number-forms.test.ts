/**
 * Number forms: how a numeral is written (`10k`, `1tr5`, `50.000đ`, `3 vạn`, `2-5 triệu`),
 * year-shaped counts (`có 2000 thuê bao`), the number style decided per token, and invisible
 * or visible garbage inside a numeral.
 */
import { describe, expect, it } from 'vitest';
import { findCandidates } from '../src/candidates/find.js';
import { parseNumeral } from '../src/numbers/parse.js';
import { detectNumberStyle } from '../src/numbers/style.js';
import { bundledRules, extract } from './helpers.js';
import { extractArticle } from '../src/pipeline/extract.js';
import { buildProvinceMatcher } from '../src/article/fields.js';

type Read = { text: string; value: number; unit: string; excluded: string | null; range: string | null };
const read = (t: string, style: 'vi' | 'en' = 'vi'): Read[] =>
  findCandidates(t, style).map((c) => ({ text: t.slice(c.start, c.end), value: c.value, unit: c.unit, excluded: c.excluded ?? null, range: c.range ?? null }));
const live = (t: string, style: 'vi' | 'en' = 'vi') => read(t, style).filter((c) => !c.excluded);

/** Every number of one article with its outcome and original-text span (`chiso explain`'s trace). */
function trace(input: string) {
  const ruleSet = bundledRules();
  const { trace } = extractArticle({ source: 't', text: input }, { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces), trace: true, all: true });
  return trace.map((t) => ({ text: input.slice(t.start, t.end), value: t.candidate.value, excluded: t.candidate.excluded ?? null }));
}

describe('number forms of the press and social posts', () => {
  it.each<[string, string, number, string]>([
    ['Giá cước chỉ 10k đồng/tháng.', '10k đồng', 10_000, 'vnd'],
    ['Giá vé chỉ 10k/người.', '10k', 10_000, 'vnd'],
    ['Trang có 10k người theo dõi.', '10k', 10_000, 'count'],
    ['Thu nhập 1tr5 mỗi tháng.', '1tr5', 1_500_000, 'vnd'],
    ['Lương 1tr25 một tháng.', '1tr25', 1_250_000, 'vnd'],
    ['Được hỗ trợ 2tr đồng.', '2tr đồng', 2_000_000, 'vnd'],
    ['Video đạt 2tr lượt xem.', '2tr', 2_000_000, 'count'],
    ['Giá vé 50.000đ.', '50.000đ', 50_000, 'vnd'],
    ['Giá vé 50.000 đ.', '50.000 đ', 50_000, 'vnd'],
    ['Giá vé 50.000VNĐ.', '50.000VNĐ', 50_000, 'vnd'],
    ['Giá vé 50.000 VND.', '50.000 VND', 50_000, 'vnd'],
    ['Có 2.252 đồng bào tham gia.', '2.252', 2252, 'count'],
    ['Tổng kinh phí 5tỷ đồng.', '5tỷ đồng', 5e9, 'vnd'],
    ['Có 3 vạn người tham gia.', '3 vạn', 30_000, 'count'],
    ['Kinh phí 1,5 tỷ đồng.', '1,5 tỷ đồng', 1.5e9, 'vnd'],
    ['Có 1,5 triệu tài khoản.', '1,5 triệu', 1.5e6, 'count'],
  ])('%s → %s = %d %s', (t, text, value, unit) => {
    expect(live(t)).toEqual([{ text, value, unit, excluded: null, range: null }]);
  });

  it.each<[string, [string, number, string][]]>([
    ['Mức hỗ trợ 2tr-5tr mỗi hộ.', [['2tr', 2e6, 'vnd'], ['5tr', 5e6, 'vnd']]],
    ['Hỗ trợ 2-5 triệu đồng cho mỗi hộ.', [['2', 2e6, 'vnd'], ['5 triệu đồng', 5e6, 'vnd']]],
    ['Có từ 2 đến 3 vạn người tham gia.', [['2', 2e4, 'count'], ['3 vạn', 3e4, 'count']]],
    ['Giá từ 10k - 20k đồng.', [['10k', 1e4, 'vnd'], ['20k đồng', 2e4, 'vnd']]],
    ['Vốn 1,5 tỷ - 2 tỷ đồng.', [['1,5 tỷ', 1.5e9, 'vnd'], ['2 tỷ đồng', 2e9, 'vnd']]],
  ])('a range %s gives two ends', (t, ends) => {
    expect(live(t).map((c) => [c.text, c.value, c.unit, c.range])).toEqual(ends.map(([s, v, u], i) => [s, v, u, i ? 'high' : 'low']));
  });

  it.each<[string, string, number, number, string]>([
    ['Doanh thu thương mại điện tử đạt 2-5 tỷ đồng.', 'econ.ecommerce_sales', 2e9, 5e9, 'vnd'],
    ['Doanh thu thương mại điện tử đạt từ 1,5 tỷ đến 2 tỷ đồng.', 'econ.ecommerce_sales', 1.5e9, 2e9, 'vnd'],
    ['Toàn tỉnh có 2-3 vạn thuê bao internet.', 'infra.internet_subscriptions', 2e4, 3e4, 'count'],
  ])('a scaled range becomes two records, the low end at_least and the high end at_most: %s', (input, key, lo, hi, unit) => {
    const { records } = extract(input);
    expect(records.map((r) => [r.indicator, r.value, r.unit, r.qualifier])).toEqual([[key, lo, unit, 'at_least'], [key, hi, unit, 'at_most']]);
    for (const r of records) expect(r.text).toBe(input.slice(r.start, r.end));
  });

  it.each([
    ['Mã H10k được in trên phiếu.', 0],
    ['Tham số k10 của mô hình.', 0],
    ['Phủ sóng 5G toàn tỉnh.', 0],
    ['Cách mạng công nghiệp 4.0.', 0],
    ['Quãng đường 10km.', 0],
    ['Trạm 10kW.', 0],
  ])('does not read `k` or other letters glued to codes: %s', (t, n) => {
    expect(live(t)).toHaveLength(n);
  });

  it('reads `vạn` only in lower case (`3 Vạn Ninh` names a place), and `10k USD` is no đồng', () => {
    expect(live('Tuyến 3 Vạn Ninh.').map((c) => c.value)).toEqual([3]);
    expect(live('Giải thưởng 10k USD.').map((c) => [c.value, c.unit])).toEqual([[10_000, 'count']]);
  });

  it('reads `tr` as triệu only glued to the number (`2 tr` may be a page: trang)', () => {
    expect(live('Xem 2 tr. 15 của báo cáo.').map((c) => c.value)).not.toContain(2e6);
    expect(live('Xem 2 tr của tài liệu.').map((c) => c.value)).toEqual([2]);
  });
});

describe('year-shaped counts', () => {
  it.each<[string, number, string]>([
    ['Toàn tỉnh có 2000 thuê bao internet.', 2000, 'count'],
    ['Đã lắp đặt 1950 trạm BTS.', 1950, 'count'],
    ['Có 2024 hộ gia đình sử dụng dịch vụ.', 2024, 'count'],
    ['Có 2000 doanh nghiệp tham gia sàn.', 2000, 'count'],
    ['Đã cấp 1999 tài khoản định danh.', 1999, 'count'],
    ['Tiếp nhận 2050 hồ sơ trực tuyến.', 2050, 'count'],
    ['Cần 2000 tỷ đồng để đầu tư.', 2e12, 'vnd'],
    ['Có 2000 người dân tham gia.', 2000, 'count'],
    ['Cả nước có 2000 xã đạt chuẩn.', 2000, 'count'],
    ['Đã có 2000 tổ chức tham gia.', 2000, 'count'],
    ['Lắp đặt 2000 km cáp quang.', 2000, 'count'],
  ])('%s', (t, value, unit) => {
    expect(live(t).map((c) => [c.value, c.unit])).toEqual([[value, unit]]);
  });

  it('a counted year-shaped number becomes a record', () => {
    const { records } = extract('Toàn tỉnh có 1950 trạm BTS.');
    expect(records.map((r) => [r.indicator, r.value, r.unit, r.text])).toEqual([['infra.mobile_base_stations', 1950, 'count', '1950 trạm BTS']]);
  });

  it.each([
    'Năm 2024 doanh nghiệp tham gia đông hơn.',
    'Năm học 2023 học sinh được học trực tuyến.',
    'Giai đoạn 2021-2025 tỉnh tập trung hạ tầng.',
    'Đến 2025, tỉnh có hạ tầng số hiện đại.',
    'Từ 2020 đến nay tỉnh đã chuyển đổi số.',
    'Trước 2025 hoàn thành hạ tầng.',
    'Sau 2024 tỉnh sẽ mở rộng.',
    'Cuối 2024 tỉnh hoàn thành.',
    'Đầu 2024 tỉnh triển khai.',
    'Tháng 5/2024 tỉnh khai trương.',
    'Chỉ số DTI 2023 của tỉnh tăng.',
    'Kế hoạch chuyển đổi số 2024 của tỉnh.',
    'Ngày 15/3 (2024) tỉnh ban hành kế hoạch.',
    '2024, tỉnh tập trung phát triển hạ tầng số.',
    'Năm 2023 và 2024 người dân được hỗ trợ.',
    'Quý I 2024 tỉnh cấp mới tài khoản.',
    'Cuộc thi 2024 thu hút đông đảo học sinh.',
    'Sự kiện Techfest 2024 quy tụ nhiều doanh nghiệp.',
    'Theo số liệu 2023 tỉnh có thêm nhiều trạm.',
  ])('a year stays a year: %s', (t) => {
    expect(read(t).filter((c) => /^\d{4}$/.test(c.text)).map((c) => c.excluded)).not.toContain(null);
    expect(live(t).filter((c) => c.value >= 1900 && c.value <= 2100)).toEqual([]);
  });
});

describe('number style per token', () => {
  it('unambiguous tokens read by their own shape in either style', () => {
    expect(parseNumeral('1.200.000', 'en')).toBe(1_200_000);
    expect(parseNumeral('1,200,000', 'vi')).toBe(1_200_000);
    expect(parseNumeral('12,5', 'en')).toBe(12.5);
    expect(parseNumeral('1.2', 'vi')).toBe(1.2);
    expect(parseNumeral('0,500', 'en')).toBe(0.5);
    expect(parseNumeral('1.234,5', 'en')).toBe(1234.5);
    expect(parseNumeral('1,234.5', 'vi')).toBe(1234.5);
  });

  it('an ambiguous token reads by the document style, unless a count noun follows', () => {
    expect(parseNumeral('1.200', 'vi')).toBe(1200);
    expect(parseNumeral('1.200', 'en')).toBe(1.2);
    expect(parseNumeral('287,315', 'vi')).toBe(287.315);
    expect(live('thuê bao internet là 287,315 thuê bao', 'vi').map((c) => c.value)).toEqual([287315]);
    expect(live('có 1.200 trạm BTS', 'en').map((c) => c.value)).toEqual([1200]);
    expect(live('có 1.200 xã đạt chuẩn', 'en').map((c) => c.value)).toEqual([1200]);
    // An amount of đồng is whole too; a measure or a scale is not: the document style decides.
    expect(live('giá 50,000đ', 'vi').map((c) => c.value)).toEqual([50000]);
    expect(live('có 2,500 km cáp quang', 'vi').map((c) => c.value)).toEqual([2.5]);
    expect(live('đạt 1,250 tỷ đồng', 'vi').map((c) => c.value)).toEqual([1.25e9]);
  });

  it('a version never votes, and one English-style decimal does not flip a Vietnamese document', () => {
    expect(detectNumberStyle('Phiên bản 1.2 ra mắt, có 1.200 trạm BTS').style).toBe('vi');
    expect(detectNumberStyle('ứng dụng VNeID phiên bản 2.15').enVotes).toBe(0);
    expect(detectNumberStyle('Đạt 0.5 điểm, tăng 1.200 tài khoản').style).toBe('vi');
    const { records } = extract('Ứng dụng phiên bản 1.2 được cập nhật. Chỉ số tăng 0.5 điểm. Toàn tỉnh có 1.200 trạm BTS.');
    expect(records.filter((r) => r.indicator === 'infra.mobile_base_stations').map((r) => r.value)).toEqual([1200]);
  });

  it('a document that writes English style throughout still reads English style', () => {
    const d = detectNumberStyle('reached 50.65% and 12.5 points; 2,424 files');
    expect(d.style).toBe('en');
    expect(detectNumberStyle('1,023,456 files').style).toBe('en');
  });
});

describe('invisible and garbled characters inside a numeral', () => {
  const marks = ['\u200f', '\u200e', '\u202a', '\u202c', '\u202e', '\u2066', '\u2069', '\ufeff', '\u00ad', '\u200b'];
  it.each(marks.map((m) => [m.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), m]))(
    'U+%s inside `1.300` is removed and the span still maps to the input',
    (_, mark) => {
      const input = `Toàn tỉnh có 1.${mark}300 trạm BTS.`;
      const { records } = extract(input);
      expect(records.map((r) => [r.value, r.text])).toEqual([[1300, `1.${mark}300 trạm BTS`]]);
      for (const r of records) expect(r.text).toBe(input.slice(r.start, r.end));
    },
  );

  it.each([['1.2🙂00'], ['1.2\ufffd00'], ['1.🙂200'], ['12🙂00'], ['1.2\u{E000}00']])(
    'visible garbage inside a numeral excludes it (garbled) instead of a wrong value: %s',
    (numeral) => {
      const input = `Toàn tỉnh có ${numeral} trạm BTS.`;
      expect(extract(input).records).toEqual([]);
      expect(trace(input)).toEqual([{ text: numeral, value: NaN, excluded: 'garbled' }]);
    },
  );

  it('an emoji next to a number, not inside it, does not garble it', () => {
    expect(live('🙂 Có 1.200 trạm BTS 🙂').map((c) => c.value)).toEqual([1200]);
    expect(live('Có 1.200🙂 trạm BTS').map((c) => c.value)).toEqual([1200]);
  });
});
