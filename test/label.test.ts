// `label: value` list items (flattened tables, key-figure boxes): the label is the noun phrase.
import { describe, expect, it } from 'vitest';
import { extract } from './helpers.js';
import { labelBefore, shareSubject } from '../src/match/label.js';
import { extractHtml } from '../src/html/extract.js';

const summary = (text: string) =>
  extract(text).records.map((r) => ({ indicator: r.indicator, value: r.value, unit: r.unit, denominator: r.denominator, qualifier: r.qualifier, status: r.status, text: r.text }));

describe('label: value list items', () => {
  it('reads the label as the counted noun, bullet or not', () => {
    const input = [
      'Kết quả một số chỉ tiêu chính:',
      '- Số tài khoản VNeID đã kích hoạt: 650.000',
      'Tỷ lệ người dân có danh tính số: khoảng 72%',
      '+ Số tổ công nghệ số cộng đồng: 1.245',
    ].join('\n');
    const { records } = extract(input);
    expect(summary(input)).toEqual([
      { indicator: 'gov.eid_accounts_activated', value: 650000, unit: 'count', denominator: null, qualifier: 'exact', status: 'actual', text: 'Số tài khoản VNeID đã kích hoạt: 650.000' },
      { indicator: 'gov.eid_adult_population', value: 72, unit: 'percent', denominator: null, qualifier: 'approx', status: 'actual', text: 'Tỷ lệ người dân có danh tính số: khoảng 72%' },
      { indicator: 'society.community_tech_teams', value: 1245, unit: 'count', denominator: null, qualifier: 'exact', status: 'actual', text: 'Số tổ công nghệ số cộng đồng: 1.245' },
    ]);
    for (const r of records) expect(r.text).toBe(input.slice(r.start, r.end));
  });

  it('ignores labels that name no counted noun, hold a number, or do not start the clause', () => {
    for (const text of ['Ghi chú: 650.000', 'Năm 2024 con số ghi nhận: 650.000', 'Theo Sở, tài khoản: 650.000 là con số lớn', 'Hotline: 0256 3822 345']) {
      expect(summary(text), text).toEqual([]);
    }
  });

  it('finds the label only when the colon ends the clause before the number', () => {
    const t = '- Số tài khoản: 650.000';
    expect(labelBefore(t, 0, t.indexOf('650'))).toEqual({ start: 2, end: 14 });
    expect(labelBefore('Năm 2024: 650', 0, 10)).toBeNull();
    expect(labelBefore('Tài khoản đạt 650', 0, 14)).toBeNull();
  });

  it('reads an HTML table row as label | value, and a number at a line end ignores the next line', () => {
    const page = extractHtml(
      '<html><body><article><p>Tỷ lệ hộ gia đình có cáp quang: 88%</p><table><tr><th>Chỉ tiêu</th><th>Kết quả</th></tr>' +
        '<tr><td>Tỷ lệ hồ sơ trực tuyến</td><td>61,2%</td></tr><tr><td>Số tổ công nghệ số cộng đồng</td><td>1.245</td></tr></table></article></body></html>',
    );
    expect(page.text).toBe('Tỷ lệ hộ gia đình có cáp quang: 88%\n\nChỉ tiêu | Kết quả\n\nTỷ lệ hồ sơ trực tuyến | 61,2%\n\nSố tổ công nghệ số cộng đồng | 1.245');
    expect(summary(page.text).map((r) => [r.indicator, r.value, r.text])).toEqual([
      ['infra.households_fiber', 88, 'hộ gia đình có cáp quang: 88%'],
      ['gov.online_dossiers', 61.2, 'Tỷ lệ hồ sơ trực tuyến | 61,2%'],
      ['society.community_tech_teams', 1245, 'Số tổ công nghệ số cộng đồng | 1.245'],
    ]);
  });

  it('reads the subject of a share no rule read (`tỷ lệ <subject> đạt N%`) like a label', () => {
    expect(summary('Tỷ lệ sản phẩm OCOP được đưa lên sàn thương mại điện tử đạt 85%.')).toEqual([
      { indicator: 'econ.ecommerce_products', value: 85, unit: 'percent', denominator: null, qualifier: 'exact', status: 'actual', text: 'Tỷ lệ sản phẩm OCOP được đưa lên sàn thương mại điện tử đạt 85%' },
    ]);
    for (const text of ['Tỷ lệ hộ nghèo giảm còn 3,2%.', 'Tỷ lệ tăng trưởng kinh tế của tỉnh đạt 7,5%.', 'Tỷ lệ xã đạt chuẩn nông thôn mới là 75%.']) {
      expect(summary(text), text).toEqual([]);
    }
    const t = 'Năm nay, tỷ lệ doanh nghiệp tham gia sàn đạt khoảng 12%';
    expect(shareSubject(t, 0, t.indexOf('12'))).toEqual({ start: t.indexOf('doanh'), end: t.indexOf(' đạt') });
    expect(shareSubject('Tỷ lệ 25 dịch vụ đạt 40%', 0, 21)).toBeNull(); // a number between
  });
});
