// Concepts and frames: the token trie, the frame reading of the press's phrasings, and what
// `rules check` says of bad concept and frame files.
import { describe, expect, it } from 'vitest';
import { buildRuleSet, readRuleSources, unreachableKeys } from '../src/rules/load.js';
import { ConceptLexicon } from '../src/concepts/lexicon.js';
import { RULES_DIR, extract } from './helpers.js';

const withFiles = (over: Record<string, string>) =>
  buildRuleSet(readRuleSources(RULES_DIR).map((s) => {
    const name = s.file.split('/').pop()!;
    return name in over ? { ...s, text: over[name]! } : s;
  }));

describe('concept lexicon', () => {
  it('reads the longest form at each word, case- and tone-placement-insensitively', () => {
    const lex = new ConceptLexicon();
    lex.addForm('household', 'hộ');
    lex.addForm('business_household', 'hộ kinh doanh');
    lex.addForm('e_invoice', 'hoá đơn điện tử');
    const text = 'Có 820 Hộ kinh doanh dùng hóa đơn điện tử và 5 hộ.';
    const hits = lex.scan(lex.tokenize(text)).map((h) => lex.names[h.concepts[0]!]);
    expect(hits).toEqual(['business_household', 'e_invoice', 'household']);
  });
});

describe('frames read the press’s phrasings of a key', () => {
  const cases: [string, string, number][] = [
    ['Có 64% hộ gia đình đã được kéo cáp quang.', 'infra.households_fiber', 64],
    ['1.250 hộ kinh doanh đã đăng ký chuyển đổi sang dùng hóa đơn điện tử.', 'econ.e_invoice', 1250],
    ['Có 3.100 doanh nghiệp và 820 hộ kinh doanh sử dụng hóa đơn điện tử.', 'econ.e_invoice', 3100],
    ['Có 3.100 doanh nghiệp và 820 hộ kinh doanh sử dụng hóa đơn điện tử.', 'econ.e_invoice', 820],
    ['Băng rộng di động phủ 96% thôn bản và cáp quang 81%.', 'infra.villages_4g_coverage', 96],
    ['Băng rộng di động phủ 96% thôn bản và cáp quang 81%.', 'infra.villages_fixed_broadband', 81],
    ['Hiện tỉnh cung cấp 1.507 DVCTT, gồm 1.088 toàn trình và 419 một phần.', 'gov.online_services_full', 1088],
    ['Hiện tỉnh cung cấp 1.507 DVCTT, gồm 1.088 toàn trình và 419 một phần.', 'gov.online_services_partial', 419],
    ['Tổng số thành viên tổ CNSCĐ trên địa bàn là 9.874 người.', 'society.community_tech_team_members', 9874],
    ['Toàn tỉnh có 18 hệ thống thông tin được triển khai phương án bảo vệ theo mô hình 4 lớp.', 'security.four_layer_protection', 18],
    ['Có 12 thôn vẫn chưa có sóng điện thoại di động 4G.', 'infra.villages_without_mobile', 12],
  ];
  it.each(cases)('%s → %s %d', (text, key, value) => {
    const r = extract(text).records.find((x) => x.value === value);
    expect(r?.indicator).toBe(key);
    expect(text.slice(r!.start, r!.end)).toBe(r!.text);
  });

  it('a count of something no concept knows takes no frame (`45 trạm y tế` is not a count of BTS)', () => {
    expect(extract('Có 45 trạm y tế đã triển khai thanh toán không dùng tiền mặt qua mã QR.').records.filter((r) => r.value === 45 && r.indicator === 'infra.mobile_base_stations')).toEqual([]);
  });
  it('a norm per unit is no statistic (`mỗi trường ít nhất 5 người, trong đó 1 cán bộ …`)', () => {
    const records = extract('Mỗi trường cử ít nhất 5 người, trong đó có 1 cán bộ công nghệ thông tin được tập huấn về chuyển đổi số.').records;
    expect(records.filter((r) => r.rule.startsWith('frame.'))).toEqual([]);
  });
  it('`chưa đến 60%` is a qualifier, not a deficit', () => {
    const r = extract('Tỷ lệ hộ gia đình có điện thoại thông minh chưa đến 60%.').records[0];
    expect([r?.indicator, r?.qualifier]).toEqual(['society.households_with_smartphone', 'under']);
  });
});

describe('frames for rankings and index scores', () => {
  const read = (text: string) => extract(text).records.map((r) => [r.indicator, r.value, r.unit, r.rule.startsWith('frame.')]);
  it('a bare index value is a score of the pillar named (`as: score`)', () => {
    expect(read('Trụ cột thể chế số của tỉnh đạt 0,6120.')).toEqual([['dti.score_institutions', 0.612, 'score', true]]);
  });
  it('a rank or score takes the name right before it (`…, kinh tế số 0,4912`)', () => {
    expect(read('Chỉ số chính quyền số đạt 0,6588, kinh tế số 0,4912 và xã hội số 0,5307.').map((r) => r[0])).toEqual(['dti.score_government', 'dti.score_economy', 'dti.score_society']);
  });
  it('a rank nothing names after one of the same index is of that index (`từ vị trí 38 lên vị trí 31`)', () => {
    expect(read('Về xã hội số, tỉnh vươn lên 7 bậc, từ vị trí 38 lên vị trí 31.').filter((r) => r[2] === 'rank')).toEqual([
      ['dti.rank_society', 38, 'rank', true], ['dti.rank_society', 31, 'rank', true],
    ]);
  });
  it('a rank right after a score of the same index is that index’s rank', () => {
    expect(read('Chỉ số an toàn thông tin mạng đạt 0,8125, xếp thứ 7/63.')).toEqual([
      ['dti.score_security', 0.8125, 'score', true], ['dti.rank_security', 7, 'rank', true],
    ]);
  });
});

describe('`lần lượt` lists keyed by the frames their subjects name', () => {
  it('each subject phrase, split at its links, names the key of the number at its place', () => {
    const records = extract('Tỷ lệ hồ sơ trực tuyến và tỷ lệ hồ sơ giải quyết đúng hạn lần lượt đạt 68,5% và 98,7%.').records;
    expect(records.map((r) => [r.indicator, r.value, r.rule])).toEqual([
      ['gov.online_dossiers', 68.5, 'frame.gov.online_dossiers'], ['gov.on_time_dossiers', 98.7, 'frame.gov.on_time_dossiers'],
    ]);
  });
  it('a later subject without its own population takes the one before it', () => {
    const records = extract('Tỷ lệ hộ gia đình có cáp quang và điện thoại thông minh lần lượt là 81% và 74%.').records;
    expect(records.map((r) => [r.indicator, r.value])).toEqual([['infra.households_fiber', 81], ['society.households_with_smartphone', 74]]);
  });
});

describe('the catalog’s own phrases, when nothing else reads a number', () => {
  it('a share named by a key’s phrase takes the key', () => {
    const [r] = extract('Tỷ lệ HSTT đạt 45,5%.').records;
    expect([r?.indicator, r?.value, r?.rule]).toEqual(['gov.online_dossiers', 45.5, 'frame.gov.online_dossiers']);
    expect('Tỷ lệ HSTT đạt 45,5%.'.slice(r!.start, r!.end)).toBe(r!.text);
  });
  it('a share whose whole subject is a key’s phrase takes the key (`Tỷ lệ phủ sóng 4G`, `Tỷ lệ FTTH`)', () => {
    expect(extract('Tỷ lệ phủ sóng 4G đạt 99,2%.').records.map((r) => [r.indicator, r.value])).toEqual([['infra.villages_4g_coverage', 99.2]]);
    expect(extract('Tỷ lệ FTTH đạt 71%.').records.map((r) => [r.indicator, r.value])).toEqual([['infra.households_fiber', 71]]);
  });
  it('a count of what the key only uses is not the key’s population (`1.860.000 hóa đơn điện tử`)', () => {
    expect(extract('Năm 2023, tỉnh phát hành 1.860.000 hóa đơn điện tử.').records).toEqual([]);
  });
  it('a deficit statement is left alone', () => {
    expect(extract('Toàn tỉnh vẫn chưa có 120 HSTT.').records.filter((r) => r.indicator === 'gov.online_dossiers')).toEqual([]);
  });
});

describe('statements the press writes around a number', () => {
  const keyOf = (text: string, value: number) => extract(text).records.find((r) => r.value === value)?.indicator ?? null;
  // One statement each: [what it shows, the text, the number, the key it must get (null: none)].
  const readings: [string, string, number, string | null][] = [
    ['`không chỉ` is no deficit', 'Tỷ lệ người dân trưởng thành có điện thoại thông minh đạt 85%, không chỉ ở thành thị mà cả nông thôn.', 85, 'society.adults_with_smartphone'],
    ['a total that names nothing of its own continues the statement before it', 'Có thêm 215 thủ tục hành chính được đồng bộ lên Cổng DVCQG, nâng tổng số lên 1.342 thủ tục.', 1342, 'gov.online_services_on_national_portal'],
    ['a count that nothing nominal follows takes its population from before it', 'Thuê bao băng rộng cố định đạt 23,5 triệu.', 23500000, 'infra.internet_subscriptions'],
    ['what counts a number stays in its clause: the next line is another statement', 'Tỷ lệ dịch vụ công trực tuyến toàn trình: 71,3%\nSố tài khoản định danh điện tử đã kích hoạt: 512.300', 71.3, 'gov.online_services_full'],
    ['a part after `riêng` is of what the whole’s statement names', 'Cáp quang đã đến 86,9% hộ gia đình trong tỉnh, riêng khu vực thành thị đạt gần 97%.', 97, 'infra.households_fiber'],
    ['a total of a deficit keeps its deficit (`Tổng số hộ không có smartphone … là N hộ`)', 'Tổng số hộ gia đình không có smartphone trên địa bàn là 6.981 hộ gia đình.', 6981, 'society.households_without_smartphone'],
    ['a rank’s noun is the field it is taken in', 'Hạ tầng số của tỉnh thuộc top 10 địa phương dẫn đầu.', 10, 'dti.rank_infrastructure'],
    ['a coordinated share takes the predicate before its neighbour, past a filler', 'Hạ tầng cáp quang phủ đến 100% địa bàn xã và trên 70% hộ gia đình.', 70, 'infra.households_fiber'],
    ['a coordinated share that says what it has after it borrows nothing', 'Mạng cáp quang đã phủ 100% số xã và 99,7% số thôn, bản được phủ sóng 4G.', 99.7, 'infra.villages_4g_coverage'],
    ['`đồng bào` after a number are people, not money', 'Có 2.252 đồng bào dân tộc thiểu số được phổ cập kỹ năng số.', 2252, 'hr.citizens_digital_skills'],
    ['a population named with its people (`hộ đồng bào dân tộc thiểu số`)', 'Tỷ lệ hộ đồng bào dân tộc thiểu số chưa có internet cố định là khoảng 85%.', 85, 'infra.households_without_fixed_internet'],
    ['an account activated is an eID account', 'Công an các xã đã kích hoạt 5.000 tài khoản cho người dân.', 5000, 'gov.eid_accounts_activated'],
    ['transactions on the platforms are orders', 'Qua sàn Postmart, bà con đã thực hiện 12.480 giao dịch thành công.', 12480, 'econ.ecommerce_orders'],
    ['a business establishment (`cơ sở`) selling online', 'Có 80% cơ sở chủ động kinh doanh trên các sàn thương mại điện tử.', 80, 'econ.ecommerce_businesses'],
    ['agencies that have dedicated IT staff', 'Chỉ khoảng 35% cơ quan, đơn vị cấp huyện có cán bộ chuyên trách CNTT.', 35, 'hr.dt_officials_dedicated'],
    ['a count that says only its head continues the number before (`tăng từ … lên N tài khoản`)', 'Số tài khoản định danh điện tử được kích hoạt tăng từ 215.300 lên 346.800 tài khoản.', 346800, 'gov.eid_accounts_activated'],
    ['… and a part restated by its head (`đề ra 84 nhiệm vụ, đã hoàn thành 63 nhiệm vụ`)', 'Kế hoạch chuyển đổi số năm 2024 của tỉnh đề ra 84 nhiệm vụ, đến nay đã hoàn thành 63 nhiệm vụ.', 63, 'program.tasks'],
    ['a head whose own words fill a frame repeats no name before it', 'Có 1.200 doanh nghiệp công nghệ số, 300 doanh nghiệp sử dụng hóa đơn điện tử.', 300, 'econ.e_invoice'],
    ['districts that set up community teams', 'Hiện 10/10 huyện, thành phố đã thành lập các nhóm cộng đồng công nghệ số.', 10, 'society.community_tech_teams'],
    ['people with an eID for the adult population', 'Tỷ lệ người dân có danh tính số: 72%.', 72, 'gov.eid_adult_population'],
    ['… but using the app is not having one', 'Năm 2024 có trên 80% người dân sử dụng ứng dụng VNeID.', 80, null],
    ['documents a DT steering committee issues', 'Năm 2024, Ban Chỉ đạo chuyển đổi số tỉnh ban hành hơn 20 văn bản hướng dẫn, đôn đốc.', 20, 'gov.dt_documents_issued'],
    ['a catalog phrase that says its own deficit', 'Tỷ lệ chưa có sóng băng rộng di động đạt 4,5%.', 4.5, 'infra.villages_without_mobile'],
    ['certificates with no holder named are the officials’', 'Lũy kế đến nay, toàn tỉnh đã cấp 48.600 chữ ký số.', 48600, 'gov.digital_signature'],
    ['… and the citizens’ when they are named after them', 'Năm 2024, tỉnh cấp 12.000 chữ ký số miễn phí cho người dân.', 12000, 'society.citizens_digital_signature'],
    ['documents signed are electronic documents, not signature holders', 'Tỷ lệ ký số văn bản đạt 92%.', 92, 'gov.electronic_documents'],
    ['a share of telehealth is of the hospitals that offer it', 'Tỷ lệ khám chữa bệnh từ xa đạt 60%.', 60, 'society.telehealth_hospitals'],
    ['a share whose subject holds `mỗi` is no norm', 'Tỷ lệ mỗi người dân có một điện thoại thông minh đạt 45,5%.', 45.5, 'society.adults_with_smartphone'],
    ['SMEs are businesses', 'Có 1.234 SME sử dụng nền tảng số.', 1234, 'econ.enterprises_digital_platforms'],
    ['a target by ellipsis takes the measure its neighbour names', 'Kinh tế số chiếm 20% GRDP và đến năm 2030 đạt 30%.', 30, 'econ.digital_economy_grdp_share'],
    ['… inside a quote, whose attribution is another clause', '"Chúng tôi phấn đấu đến năm 2025 nâng tỷ trọng kinh tế số lên 20% GRDP và đến năm 2030 đạt 30%", ông Thanh, Giám đốc Sở, chia sẻ.', 30, 'econ.digital_economy_grdp_share'],
    ['online shopping as a share of retail sales', 'Mua sắm trực tuyến chiếm 5,4% doanh số bán lẻ hàng hóa, dịch vụ tiêu dùng.', 5.4, 'econ.ecommerce_retail_share'],
    ['platforms named by their brand are e-commerce', 'Sở đã hỗ trợ đưa 312 sản phẩm OCOP lên Postmart, Voso, Shopee.', 312, 'econ.ecommerce_products'],
    ['a course on any digital skill', 'Các tổ đã mở 426 lớp hướng dẫn cài đặt VNeID, thanh toán bằng mã QR.', 426, 'hr.dt_training_courses'],
    ['a share that restates the count before it (`…, phủ 84,3% dân số`)', 'Ngành Y tế đã lập hồ sơ sức khỏe điện tử cho hơn 1,62 triệu người, phủ 84,3% dân số.', 84.3, 'society.electronic_health_records'],
    ['a rank list whose index is named once, after the last', 'Năm 2021, tỉnh xếp thứ 34, năm 2022 xếp thứ 22 và năm 2023 vươn lên vị trí thứ 11 về chỉ số chuyển đổi số.', 34, 'dti.rank_overall'],
    ['teams at both levels are the level-less key’s', 'Có 2.374 tổ công nghệ số cộng đồng được thành lập ở cả cấp xã và thôn, với 12.904 thành viên.', 2374, 'society.community_tech_teams'],
    ['broadband subscriptions (`thuê bao băng rộng`) are internet subscriptions', 'Trong năm phát triển mới 46.800 thuê bao Internet, nâng tổng số thuê bao băng rộng lên 1.184.000.', 1184000, 'infra.internet_subscriptions'],
    ['the open-data portal’s datasets', 'Cổng dữ liệu mở của tỉnh đã công bố 146 bộ dữ liệu về du lịch, giáo dục.', 146, 'gov.open_datasets'],
    ['internet users named as a label over the population', 'Người dùng internet: 72,4% dân số.', 72.4, 'society.internet_users'],
    ['a rank is first of the name right before it, not of the nearer one after', 'Trong ba trụ cột, chính quyền số có bước tiến rõ nhất khi đứng thứ 29, còn kinh tế số và xã hội số lần lượt xếp thứ 52 và 48.', 29, 'dti.rank_government'],
    ['`lần lượt` subjects start after the number before the list', 'Trong ba trụ cột, chính quyền số có bước tiến rõ nhất khi đứng thứ 29, còn kinh tế số và xã hội số lần lượt xếp thứ 52 và 48.', 52, 'dti.rank_economy'],
    ['a list item flattened into the line (` + `) is a clause of its own', 'Những con số nổi bật về chính quyền số năm 2023 + 3.780 chứng thư số đã được cấp cho cán bộ, lãnh đạo + 98,5% văn bản đi được ký số.', 3780, 'gov.digital_signature'],
    ['a count’s share restates it even when only its frame’s unit is a count', 'Hơn 1,05 triệu tài khoản thanh toán cá nhân đang hoạt động, tương đương khoảng 92% dân số từ 15 tuổi trở lên.', 92, 'econ.epayment_accounts'],
    ['… and after an adverb (`chỉ chiếm`)', 'Toàn tỉnh có 142 công chức, viên chức chuyên trách CNTT, chỉ chiếm 0,8% tổng biên chế.', 0.8, 'hr.dt_officials_dedicated'],
    ['procedures offered as online services', 'Trong tổng số 1.862 TTHC, có 1.094 thủ tục được cung cấp DVCTT.', 1094, 'gov.online_services'],
    ['`N hệ thống` are information systems', 'Mới có 19 hệ thống triển khai đầy đủ phương án bảo đảm an toàn thông tin theo cấp độ.', 19, 'security.systems_protected_by_level'],
    ['a word that holds a cue’s word is not the cue (`sầu riêng` is no `riêng`)', 'Toàn tỉnh có 4.560 hộ trồng cà phê, sầu riêng, hồ tiêu đã tự mở gian hàng trên sàn.', 4560, 'econ.farm_households_ecommerce'],
    ['visits paid with the chip ID', 'Có 285/298 cơ sở khám chữa bệnh đã tra cứu thẻ BHYT bằng CCCD gắn chip, với hơn 2,1 triệu lượt khám chữa bệnh sử dụng CCCD thay thẻ BHYT.', 2100000, 'gov.chip_id_health_insurance'],
    ['a classifier after the number (`thẻ`) says no more than the topic before it', 'Đối với căn cước công dân gắn chip, đã cấp 1.498.000 thẻ, đạt 99,2% số công dân thuộc diện cấp.', 1498000, 'gov.chip_id_cards_issued'],
    ['… and `trường hợp` after a part', 'Tỉnh tiếp nhận 1.846 ý kiến của người dân, trong đó 1.791 trường hợp đã có trả lời, đạt 97%.', 1791, 'gov.citizen_feedback_resolved'],
    ['… but a classifier before an unknown word counts something else', 'Ngân hàng đã phát hành 5.000 thẻ ATM cho học sinh.', 5000, null],
    ['a rule whose evidence lies before the number before it gives way to a frame of its own words', 'Sở tổ chức 68 lớp tập huấn về chuyển đổi số cho 4.215 lượt người, đồng thời phổ cập kỹ năng số cho hơn 35.000 lượt người dân.', 35000, 'hr.citizens_digital_skills'],
    ['a report’s section number is no statistic', 'Báo cáo nêu rõ: 1. Về công tác chỉ đạo, điều hành: UBND tỉnh đã ban hành 15 văn bản chỉ đạo về chuyển đổi số.', 1, null],
    ['a subject named after the number before holds its own commas', 'Tỷ lệ thanh toán trực tuyến của tỉnh đạt 45,3%, tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 89,1%.', 89.1, 'gov.dossier_digitization'],
    ['the press’s `hẹn` for `hạn`', 'Hồ sơ được xử lý đúng hẹn, sớm hẹn đạt 97,85%.', 97.85, 'gov.on_time_dossiers'],
    ['a business abbreviated (`HKD`)', 'Có 1.128 HKD đã dùng hóa đơn điện tử.', 1128, 'econ.e_invoice'],
    ['enterprises in the IT field are digital-technology enterprises', 'Toàn tỉnh có 186 DN hoạt động trong lĩnh vực CNTT, công nghệ số.', 186, 'econ.digital_tech_enterprises'],
    ['people named by their duty (`42 người chuyên trách`)', 'Riêng thành phố có 42 người chuyên trách CNTT.', 42, 'hr.dt_officials_dedicated'],
    ['a share of all households after the count it restates', 'Mạng cáp quang đã kéo tới 412.300 hộ gia đình, bằng 78% tổng số hộ.', 78, 'infra.households_fiber'],
    ['health care paid with the chip ID', 'Tỷ lệ khám chữa bệnh bằng căn cước công dân gắn chip đạt 60%.', 60, 'gov.chip_id_health_insurance'],
  ];
  it.each(readings)('%s', (_what, text, value, key) => {
    expect(keyOf(text, value)).toBe(key);
  });
  it('a head noun after the number repeats the longer name before it', () => {
    expect(keyOf('Tổng số hộ sản xuất nông nghiệp có gian hàng trên sàn TMĐT là 4.518 hộ.', 4518)).toBe('econ.farm_households_ecommerce');
    expect(keyOf('Năm 2024, tỉnh có thêm 46 doanh nghiệp công nghệ số, nâng tổng số lên 1.320 doanh nghiệp.', 1320)).toBe('econ.digital_tech_enterprises');
  });
  it('a head noun repeated across a link or in a part names the longer name before it', () => {
    expect(keyOf('Tỉnh có 90 tổ công nghệ số cộng đồng cấp xã và 900 tổ cấp thôn.', 900)).toBe('society.community_tech_teams_village');
    expect(keyOf('Có 1.560 tổ công nghệ số cộng đồng, trong đó cấp xã có 152 tổ.', 152)).toBe('society.community_tech_teams_commune');
    // … and past other numbers of the clause, for a head no concept knows.
    const text = 'Có 1.560 tổ công nghệ số cộng đồng với 9.870 thành viên, trong đó cấp xã có 152 tổ, cấp thôn có 1.408 tổ.';
    expect([keyOf(text, 152), keyOf(text, 1408)]).toEqual(['society.community_tech_teams_commune', 'society.community_tech_teams_village']);
  });
  it('a part after `trong đó` keeps what the whole’s statement says of it', () => {
    const text = 'Lực lượng chức năng đã thu nhận 512.640 hồ sơ đăng ký tài khoản định danh điện tử, trong đó 450.000 tài khoản đã được kích hoạt.';
    expect(keyOf(text, 450000)).toBe('gov.eid_accounts_activated');
  });
  it('densities: mobile broadband is internet, a phone subscription is mobile-cellular, per household is neither', () => {
    expect(keyOf('Bình quân mỗi người dân có 1,2 thuê bao di động/người.', 1.2)).toBe('infra.mobile_subscription_density');
    expect(keyOf('Mật độ thuê bao băng rộng di động đạt 87,3 thuê bao/100 dân.', 87.3)).toBe('infra.internet_subscription_density');
    expect(keyOf('Tính bình quân, một hộ gia đình đang dùng 2,6 thuê bao di động.', 2.6)).toBeNull();
  });
  it('a report table: each row’s cells are its label’s, the `Kế hoạch` column is a target', () => {
    const text = 'Kết quả năm 2024. Chỉ tiêu | Kế hoạch | Thực hiện; Tỷ lệ DVCTT toàn trình | 80% | 86,4%; Số doanh nghiệp công nghệ số | 450 | 512. Như vậy đã đạt kế hoạch.';
    expect(extract(text).records.map((r) => [r.indicator, r.value, r.status])).toEqual([
      ['gov.online_services_full', 80, 'target'], ['gov.online_services_full', 86.4, 'actual'],
      ['econ.digital_tech_enterprises', 450, 'target'], ['econ.digital_tech_enterprises', 512, 'actual'],
    ]);
  });
  it('a rank opening a sentence that names nothing takes the index the sentence before names', () => {
    const text = 'Bộ Thông tin và Truyền thông vừa công bố Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2023. Theo đó, tỉnh xếp thứ 5/63 tỉnh, thành phố với 0,6213 điểm.';
    expect(extract(text).records.map((r) => [r.indicator, r.value])).toEqual([['dti.rank_overall', 5], ['dti.score_overall', 0.6213]]);
    // … but not an index chiso does not know, named in its own sentence.
    expect(keyOf('Tỉnh xếp thứ 12 về chỉ số DTI. Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh đạt 66,25 điểm.', 66.25)).toBeNull();
  });
  it('a year’s `chỉ tiêu cả năm` is a target', () => {
    const t = extract('Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 72,15%, trong khi chỉ tiêu cả năm là 70%.').records;
    expect(t.map((x) => [x.indicator, x.value, x.status])).toEqual([['gov.dossier_digitization', 72.15, 'actual'], ['gov.dossier_digitization', 70, 'target']]);
  });
  it('a score right after a rank of an index, nothing named between them, is that index’s score', () => {
    const text = 'Theo Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2023 công bố ngày 3/5/2024, tỉnh đứng thứ nhất toàn quốc với 0,6961 điểm.';
    expect([keyOf(text, 1), keyOf(text, 0.6961)]).toEqual(['dti.rank_overall', 'dti.score_overall']);
    expect(keyOf('PAR Index của tỉnh xếp thứ 28/63, đạt 84,12 điểm.', 84.12)).toBe('gov.par_index_score');
  });
  it('a rule whose key’s frame a concept of the opposite blocks gives way (`tỷ lệ hồ sơ trễ hạn`)', () => {
    expect(keyOf('99,2% hồ sơ được giải quyết trước và đúng hạn, tỷ lệ hồ sơ trễ hạn không quá 1%.', 1)).toBeNull();
    expect(keyOf('99,2% hồ sơ được giải quyết trước và đúng hạn, tỷ lệ hồ sơ trễ hạn không quá 1%.', 99.2)).toBe('gov.on_time_dossiers');
  });
});

describe('rules check on concepts and frames', () => {
  it('names an unknown concept, a frame that never fires and two keys with one frame, at file:line', () => {
    const frames = [
      '- key: infra.households_fiber\n  counted: household\n  with: [fibre_optic]',
      '- key: econ.ecommerce_orders\n  counted: order\n  without: [order]',
      '- key: infra.mobile_base_stations\n  counted: bts',
      '- key: infra.telecom_providers\n  counted: bts',
    ].join('\n');
    const { diagnostics } = withFiles({ 'frames.yaml': frames });
    const codes = diagnostics.map((d) => `${d.code}@${d.line}`);
    expect(codes).toContain('unknown-concept@1');
    expect(codes).toContain('never-fires@4');
    expect(codes).toContain('duplicate-frame@9');
  });
  it('names a catalog key that no rule or frame yields', () => {
    // The bundled files reach every key; take away one key's frames and rules.
    const frames = readRuleSources(RULES_DIR).find((s) => s.file.endsWith('frames.yaml'))!.text;
    const { ruleSet } = withFiles({ 'frames.yaml': frames.replace(/^- key: infra\.mobile_base_stations\n(?: {2}.*\n)*/gm, '') });
    expect(unreachableKeys(ruleSet, 'indicators.yaml')).toEqual([]);
    const stripped = { ...ruleSet, rules: ruleSet.rules.filter((r) => r.rule.indicator !== 'infra.mobile_base_stations') };
    expect(unreachableKeys(stripped, 'indicators.yaml').map((d) => d.message)).toEqual(['no rule or frame yields the key infra.mobile_base_stations']);
  });
});
