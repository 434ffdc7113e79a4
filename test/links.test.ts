// Neighbours lending their key: companions, coordinated lists, and `này` anaphora.
import { describe, expect, it } from 'vitest';
import { extract } from './helpers.js';

const read = (text: string) => extract(text).records.map((r) => [r.indicator, r.value, r.unit, r.qualifier, r.status]);

describe('anaphora: the measure named again with `này`', () => {
  it('takes the previous number’s key, across a semicolon, with its own qualifier and status', () => {
    expect(read('Đến năm 2030, kinh tế số phấn đấu chiếm tối thiểu 25% GRDP; hiện nay tỷ trọng này mới đạt 10,2%.')).toEqual([
      ['econ.digital_economy_grdp_share', 25, 'percent', 'at_least', 'target'],
      ['econ.digital_economy_grdp_share', 10.2, 'percent', 'exact', 'actual'],
    ]);
  });

  it('needs `này` and a unit the rule reads', () => {
    expect(read('Kinh tế số chiếm 12% GRDP; năm nay dự kiến 500 doanh nghiệp tham gia.')).toEqual([
      ['econ.digital_economy_grdp_share', 12, 'percent', 'exact', 'actual'],
    ]);
    expect(read('Kinh tế số chiếm 12% GRDP; con số này tương đương 3.000 tỷ đồng.')).toEqual([
      ['econ.digital_economy_grdp_share', 12, 'percent', 'exact', 'actual'],
    ]);
  });
});

describe('clause bounds', () => {
  it('reads a number the same whatever the next sentence says (an after-gap never reaches into it)', () => {
    const alone = read('Toàn tỉnh có 1.234 DVCTT toàn trình.');
    expect(alone).toEqual([['gov.online_services_full', 1234, 'count', 'exact', 'actual']]);
    expect(read('Toàn tỉnh có 1.234 DVCTT toàn trình.\nTỷ lệ dịch vụ công trực tuyến toàn trình đạt 45,5%.')[0]).toEqual(alone[0]);
  });
});

describe('lần lượt', () => {
  it('maps numbers to subjects in order, also when the subjects are counted nouns (after-patterns)', () => {
    expect(read('Số thuê bao di động và thuê bao internet băng rộng cố định lần lượt là 1,1 triệu và 230.000 thuê bao.')).toEqual([
      ['infra.mobile_subscriptions', 1100000, 'count', 'exact', 'actual'],
      ['infra.internet_subscriptions', 230000, 'count', 'exact', 'actual'],
    ]);
    expect(read('Tỷ lệ hồ sơ trực tuyến và tỷ lệ thanh toán trực tuyến lần lượt đạt 62% và 45%.')).toEqual([
      ['gov.online_dossiers', 62, 'percent', 'exact', 'actual'],
      ['gov.online_payment', 45, 'percent', 'exact', 'actual'],
    ]);
  });
});

describe('deficits', () => {
  it('keep their own key, and never take the positive key (records.md)', () => {
    expect(read('Còn 8% thôn, bản chưa có internet cáp quang.')).toEqual([['infra.villages_without_broadband', 8, 'percent', 'exact', 'actual']]);
    expect(read('Còn 25 thôn chưa được phủ sóng 4G.')).toEqual([['infra.villages_without_mobile', 25, 'count', 'exact', 'actual']]);
    for (const text of ['Còn 4.500 hộ chưa có máy tính.', 'Có 2 xã chưa thành lập tổ công nghệ số cộng đồng.', 'Còn 3 xã chưa có cáp quang đến trung tâm xã.']) {
      expect(read(text), text).toEqual([]); // no deficit key in the catalog: no record
    }
  });

  it('keep their key when written as a list item too', () => {
    expect(read('- Số hộ gia đình chưa có máy tính: 4.500')).toEqual([]);
    expect(read('- Tỷ lệ thôn chưa có sóng di động: 3%')).toEqual([['infra.villages_without_mobile', 3, 'percent', 'exact', 'actual']]);
  });

  it('are told from words that only contain không (không dùng tiền mặt)', () => {
    expect(read('Có 56 bệnh viện triển khai thanh toán viện phí không dùng tiền mặt.')).toEqual([['econ.cashless_payments', 56, 'count', 'exact', 'actual']]);
  });
});
