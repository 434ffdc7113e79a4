import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES_DIR, extract, bundledRules } from './helpers.js';
import { buildProvinceMatcher, guessPublished, guessTitle } from '../src/article/fields.js';
import { normalizeText } from '../src/normalize/normalize.js';

const fields = (name: string) => {
  const rec = extract(readFileSync(join(ARTICLES_DIR, name), 'utf8'), name).records[0]!;
  return { title: rec.title, published: rec.published, province: rec.province, province_2025: rec.province_2025 };
};

describe('article fields on the seed articles', () => {
  it.each([
    ['bao-lam-cao-bang.txt', { title: 'Bảo Lâm: Tập trung thực hiện các nhiệm vụ, giải pháp để công tác chuyển đổi số chuyển biến tích cực, thực chất', published: '2024-11-19', province: 'Cao Bằng', province_2025: 'Cao Bằng' }],
    ['kon-tum-chuyen-doi.txt', { title: 'Chuyển đổi trong Chuyển đổi kỹ thuật số', published: '2022-09-15', province: 'Kon Tum', province_2025: 'Quảng Ngãi' }],
    ['dak-nong-no-luc-cds.txt', { title: 'Đắk Nông nỗ lực chuyển đổi số', published: '2024-12-30', province: 'Đắk Nông', province_2025: 'Lâm Đồng' }],
    ['dak-nong-chinh-quyen-so.txt', { title: 'Đắk Nông: Nỗ lực xây dựng chính quyền số', published: null, province: 'Đắk Nông', province_2025: 'Lâm Đồng' }],
    ['lang-son-kho-khan.txt', { title: 'Khắc phục khó khăn, từng bước hoàn thành mục tiêu chuyển đổi số', published: null, province: 'Lạng Sơn', province_2025: 'Lạng Sơn' }],
  ])('%s', (name, want) => expect(fields(name)).toEqual(want));
});

describe('province matching', () => {
  const m = buildProvinceMatcher(bundledRules().provinces);
  const find = (s: string) => m.find(normalizeText(s).text, null)?.province ?? null;
  it.each([
    ['Tỉnh Đăk Nông triển khai', 'Đắk Nông'], ['Ðắk Nông (U+00D0)', 'Đắk Nông'], ['Dak Nong province', 'Đắk Nông'],
    ['tỉnh Hoà Bình', 'Hòa Bình'], ['tỉnh Khánh Hoà', 'Khánh Hòa'], ['TP.HCM dẫn đầu', 'Hồ Chí Minh'], ['Không nói tỉnh nào', null],
  ])('%s → %s', (text, want) => expect(find(text)).toBe(want));
});

describe('published dates', () => {
  it.each([
    ['Thứ Ba, 19/11/2024 16:35', '2024-11-19'], ['15/09/2022 13:01', '2022-09-15'], ['2023-05-07T10:00', '2023-05-07'],
    ['31/02/2024', null], ['no date here', null],
  ])('%s → %s', (text, want) => expect(guessPublished(text)).toBe(want));
  it('titles skip logos and undiacritized site names', () => {
    expect(guessTitle('Logo báo điện tử\n\nSo Khoa hoc & Cong nghe\nTỉnh đẩy mạnh chuyển đổi số ở vùng cao')).toBe('Tỉnh đẩy mạnh chuyển đổi số ở vùng cao');
  });
});
