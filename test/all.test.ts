/** `--all` and subjects: every statistic, keyed or not, with the same exclusions as the rules. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES_DIR, ROOT, articleFiles, extract, readJsonl } from './helpers.js';
import { extractArticle } from '../src/pipeline/extract.js';
import { buildProvinceMatcher } from '../src/article/fields.js';
import { bundledRules } from './helpers.js';
import type { GoldRecord } from '../src/eval/score.js';

const all = (text: string) => {
  const ruleSet = bundledRules();
  return extractArticle({ source: 't', text }, { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces), all: true }).records;
};

describe('--all on the seed articles', () => {
  const records = articleFiles().flatMap((name) => {
    const ruleSet = bundledRules();
    return extractArticle({ source: name, text: readFileSync(join(ARTICLES_DIR, name), 'utf8') }, { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces), all: true }).records;
  });
  const generic = records.filter((r) => r.indicator === null);

  it('emits the statistics gold marks `other`, with their subjects', () => {
    const others = readJsonl<GoldRecord>(join(ROOT, 'fixtures/gold/seeds.jsonl')).filter((g) => g.indicator === 'other');
    expect(others).toHaveLength(4);
    const wanted: Record<number, string> = { 1: 'kế hoạch', 2: 'quyết định', 12: 'văn bản hành chính', 16: 'thôn' };
    for (const o of others) {
      const hit = generic.find((r) => r.value === o.value && r.unit === o.unit && r.source.startsWith(o.doc));
      expect(hit, `${o.doc} ${o.value}`).toBeDefined();
      expect(hit!.subject).toBe(wanted[o.value]);
      expect(hit!.rule).toBe('generic');
    }
  });

  it('keeps every keyed record and adds nothing from the never-records list', () => {
    const keyed = articleFiles().flatMap((name) => extract(readFileSync(join(ARTICLES_DIR, name), 'utf8'), name).records);
    expect(records.filter((r) => r.indicator !== null)).toEqual(keyed);
    for (const r of generic) expect(r.text).not.toMatch(/\d+\/\d+\/\d{4}|\d+\/\d{4}|-NQ|\/QĐ|\b(?:19|20)\d\d\b|\dG|Covid|lần thứ|trụ cột|tháng|năm|phiên bản/iu);
  });
});

describe('the generic recognizer', () => {
  it.each([
    ['Tỉnh có 1.350 km cáp quang.', 1350, 'count', 'km cáp quang'],
    ['Tỉnh có 245 điểm phát Wi-Fi công cộng.', 245, 'count', 'điểm phát Wi-Fi công cộng'],
    ['Ứng dụng đã có 120.000 lượt tải về.', 120000, 'count', 'lượt tải'],
    ['Tỉnh đã cấp 3.200 hộp thư công vụ.', 3200, 'count', 'hộp thư công vụ'],
    ['Chỉ số PAPI của tỉnh đạt 44,2 điểm.', 44.2, 'score', 'PAPI của tỉnh'], // (PAR Index scores have a key since issue 13)
    ['Chỉ số PAPI của tỉnh xếp thứ 12.', 12, 'rank', 'PAPI của tỉnh'],
    ['Tổng vốn đầu tư hạ tầng viễn thông đạt 320 tỷ đồng.', 320e9, 'vnd', 'Tổng vốn đầu tư hạ tầng viễn thông'],
    ['Tỷ lệ giải ngân vốn đầu tư công đạt 68%.', 68, 'percent', 'giải ngân vốn đầu tư công'],
    ['Có 45 thẻ thanh toán quốc tế được phát hành.', 45, 'count', 'thẻ thanh toán quốc tế'],
  ])('%s', (text, value, unit, subject) => {
    const recs = all(text).filter((r) => r.indicator === null);
    expect(recs.map((r) => ({ value: r.value, unit: r.unit, subject: r.subject, rule: r.rule }))).toEqual([{ value, unit, subject, rule: 'generic' }]);
  });

  it.each([
    'Ngày 12/3/2024, tỉnh tổ chức hội nghị.', 'Thực hiện Quyết định số 06/QĐ-TTg.', 'Giai đoạn 2021-2025 có nhiều đổi mới.',
    'Nâng cấp lên phiên bản 2.0.', 'Phủ sóng 4G/5G toàn tỉnh.', 'Phòng chống Covid-19 hiệu quả.', 'Gọi 0914.123.456 để được hỗ trợ.',
    'Xem tại https://dichvucong.gov.vn.', 'Tải tệp baocao2024.pdf về máy.', 'Dựa trên 3 trụ cột chính.',
    'Hoàn thành trước thời hạn 7 tháng.', 'Hội nghị lần thứ 13 của Đảng bộ.', 'Họp lúc 8h30 sáng nay.',
  ])('no statistic in: %s', (text) => {
    expect(all(text).map((r) => `${r.value} ${r.unit} «${r.text}»`)).toEqual([]);
  });
});
