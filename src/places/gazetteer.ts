/**
 * The gazetteer: every place an article names, found in one pass over the normalized text.
 * Provinces (by name and alias), the units below them (districts, towns and cities by the list
 * in `districts.yaml`; communes and wards by their prefix `xã`, `phường`, `thị trấn`), regions,
 * ministries and provincial departments, the country (`cả nước`), and the article's own province
 * spoken of as `tỉnh` (`toàn tỉnh`, `của tỉnh`): a "self" mention, which names no other place; and
 * `huyện` (`toàn huyện`), which is the article's district when the article is about one.
 *
 * Each mention says what it is, not what it is about: which number a place belongs to is decided
 * in src/refine/place.ts. Names that are not places (people, companies, streets, sources) are
 * marked here, from the words around them.
 */
import type { Province } from '../rules/schema.js';
import type { RuleSet } from '../rules/ruleset.js';
import { normalizeText } from '../normalize/normalize.js';
import { isSpace, WordPattern } from '../text/word-pattern.js';
import { EMPTY_GAZETTEER, type District, type GazetteerData } from './data.js';

export type PlaceKind = 'commune' | 'district' | 'department' | 'province' | 'region' | 'ministry' | 'country' | 'self' | 'self-district';

/** How far up a kind is: a later mention of a higher level after a lower one locates it (`xã A, huyện B`). */
export const LEVEL: Record<PlaceKind, number> = { commune: 1, district: 2, department: 2.5, province: 3, self: 3, 'self-district': 2, region: 4, ministry: 4, country: 5 };

/** Why a mention names no place for the numbers near it. */
export type NotAPlace = 'person' | 'organisation' | 'street' | 'source' | 'name-part' | 'field' | 'comparison';

export interface Mention {
  /** Span in the normalized text (the prefix included: `huyện Bảo Lâm`; `tỉnh` excluded). */
  start: number;
  end: number;
  kind: PlaceKind;
  /** Canonical province: of a province mention, or the district's (when the name says which). */
  province: string | null;
  /** Provinces a bare or ambiguous district name may belong to. */
  candidates?: string[];
  /** The districts of the gazetteer the name may be (`huyện`, `Bảo Lâm` of Cao Bằng …). */
  districts?: District[];
  /** Written without its unit prefix (a bare district name: `Mèo Vạc`). */
  bare?: boolean;
  /** Set when the words around it say this is not a place the numbers are about (computed on first read). */
  readonly not?: NotAPlace;
}

export interface Gazetteer {
  /** All mentions, in text order, non-overlapping. */
  mentions(text: string): Mention[];
  provinceNow(name: string): string | null;
}

const cache = new WeakMap<object, Gazetteer>();

/** The gazetteer of a rule set, built once per rule set (and per worker thread). */
export function gazetteerFor(ruleSet: Pick<RuleSet, 'provinces' | 'gazetteer'>): Gazetteer {
  let g = cache.get(ruleSet);
  if (!g) cache.set(ruleSet, (g = buildGazetteer(ruleSet.provinces, ruleSet.gazetteer ?? EMPTY_GAZETTEER)));
  return g;
}

const norm = (s: string) => normalizeText(s).text;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One alternative per string, longest first; a list that is empty matches nothing. */
const alt = (xs: string[]) => (xs.length ? [...new Set(xs)].sort((a, b) => b.length - a.length).map(escape).join('|') : '(?!)');

/** One capitalised syllable of a name (`Mường`, `M'Đrắk`, `KBang`), or a ward number (`Phường 3`). */
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’]*`;
const NAME = String.raw`(?:${NAME_WORD}|\d{1,2}(?![\d,.%/]))(?:[ -]${NAME_WORD}){0,4}`;
const UNIT_PREFIX = String.raw`[Tt]ỉnh|TỈNH|[Tt]hành phố|THÀNH PHỐ|TP\.?|Tp\.?|[Hh]uyện|HUYỆN|[Qq]uận|[Tt]hị xã|[Tt]hị trấn|[Xx]ã|XÃ|[Pp]hường|PHƯỜNG`;

export function buildGazetteer(provinces: Province[], data: GazetteerData): Gazetteer {
  const provinceByName = new Map<string, Province>();
  for (const p of provinces) for (const a of [p.name, ...p.aliases]) provinceByName.set(norm(a), p);
  const districtsByName = new Map<string, District[]>();
  for (const d of data.districts) {
    const k = norm(d.name);
    districtsByName.set(k, [...(districtsByName.get(k) ?? []), d]);
  }
  // Bare district names: two syllables or more, never a province's name (that is the province).
  const bareDistricts = [...districtsByName.keys()].filter((n) => /^\p{Lu}\S* \S/u.test(n) && !provinceByName.has(n));

  const sectorNames = data.places.sectors.flatMap((s) => [s.name, ...s.short]).map(norm);
  const regions = data.places.regions.map(norm).flatMap((r) => [r, r[0]!.toLowerCase() + r.slice(1), r[0]!.toUpperCase() + r.slice(1)]);
  const country = data.places.country.map(norm);
  const bodies = data.places.bodies.map(norm);

  const groups: [string, string][] = [
    ['unit', String.raw`(?:${UNIT_PREFIX}) (?:${NAME})`],
    ['body', alt(bodies)],
    ['ministry', String.raw`(?:Bộ|BỘ) (?:${alt(sectorNames)})(?![\p{L}&])`],
    ['department', String.raw`(?:Sở|SỞ) (?:${alt(sectorNames)})(?![\p{L}&])`],
    ['region', String.raw`(?:(?:các )?(?:tỉnh|địa phương|tỉnh, thành phố|tỉnh, thành)(?: thuộc)? )?(?:(?:vùng|khu vực|Vùng|Khu vực) )?(?:${alt(regions)})(?![\p{L}])`],
    ['country', String.raw`(?:${alt(country.flatMap((c) => [c, c[0]!.toUpperCase() + c.slice(1)]))})(?![\p{L}])`],
    ['province', String.raw`(?:${alt([...provinceByName.keys()])})(?![\p{L}\p{N}])`],
    ['district', String.raw`(?:${alt(bareDistricts)})(?![\p{L}\p{N}])`],
    ['selfDistrict', String.raw`(?:[Hh]uyện|[Qq]uận|[Tt]hị xã)(?![\p{L}])(?! \p{Lu}| \d| (?:ủy|uỷ|đoàn|lỵ|nào|khác|bạn|lân cận)(?![\p{L}])|, )`],
    ['self', String.raw`(?:[Tt]ỉnh|[Tt]hành phố)(?![\p{L}])(?! \p{Lu}| (?:ủy|uỷ|lộ|đoàn|bạn|thành|nào|khác|lân cận)(?![\p{L}])|, (?:thành phố|thành|TP)(?![\p{L}]))`],
  ];
  const re = new WordPattern(groups.map(([name, body]) => `(?<${name}>${body})`).join('|'), 'u', 'letter-or-number');

  const districtOf = (name: string, type: string | null): District[] => {
    const ds = districtsByName.get(name) ?? [];
    const typed = type ? ds.filter((d) => d.type === type) : ds;
    return typed.length ? typed : type ? [] : ds;
  };

  /** A prefixed unit: what `huyện X`, `thành phố X`, `tỉnh X`, `xã X` names. */
  const unit = (start: number, raw: string): Mention | null => {
    const m = /^(\S+(?: (?:phố|xã|trấn))?)(?:\.)? ?(.*)$/u.exec(raw)!;
    let prefix = m[1]!.toLowerCase().replace(/\.$/, '');
    if (prefix === 'tp') prefix = 'thành phố';
    let name = m[2]!;
    const nameStart = start + raw.length - name.length;
    const words = name.split(' ');
    // The longest known name at the head of the capitalised run (`thành phố Điện Biên Phủ`,
    // not `Điện Biên`; `huyện Bảo Lâm` in `huyện Bảo Lâm Cao Bằng`).
    const known = (n: string) => districtsByName.has(n) || provinceByName.has(n);
    if (!known(name)) {
      for (let k = words.length - 1; k >= 1; k--) {
        const head = words.slice(0, k).join(' ');
        if (known(head)) {
          name = head;
          break;
        }
      }
    }
    const end = nameStart + name.length;
    if (prefix === 'tỉnh') {
      const p = provinceByName.get(name);
      return p ? { start: nameStart, end, kind: 'province', province: p.name } : null;
    }
    if (prefix === 'xã' || prefix === 'phường' || prefix === 'thị trấn') {
      if (/^\d/.test(name) && prefix !== 'phường') return null;
      return { start, end, kind: 'commune', province: null };
    }
    const type = prefix === 'thành phố' ? 'thành phố' : prefix;
    const ds = districtOf(name, type);
    const p = provinceByName.get(name);
    // `thành phố Đà Nẵng` is the province; `thành phố Lạng Sơn` is the city within Lạng Sơn.
    if (p && !ds.some((d) => d.province === p.name)) return { start, end, kind: 'province', province: p.name };
    if (/^\d/.test(name) && prefix !== 'quận') return null;
    const own = p ? ds.filter((d) => d.province === p.name) : ds;
    return { start, end, kind: 'district', province: own.length === 1 ? own[0]!.province : null, candidates: own.map((d) => d.province), districts: own };
  };

  return {
    provinceNow: (name) => provinceByName.get(norm(name))?.now ?? null,
    mentions(text) {
      const out: Mention[] = [];
      for (const m of re.all(text)) {
        const g = m.groups!;
        const start = m.index!;
        const s = m[0];
        let mention: Mention | null = null;
        if (g.unit !== undefined) mention = unit(start, s);
        else if (g.body !== undefined || g.ministry !== undefined) mention = { start, end: start + s.length, kind: 'ministry', province: null };
        else if (g.department !== undefined) mention = { start, end: start + s.length, kind: 'department', province: null };
        else if (g.region !== undefined) mention = { start, end: start + s.length, kind: 'region', province: null };
        else if (g.country !== undefined) mention = { start, end: start + s.length, kind: 'country', province: null };
        else if (g.province !== undefined) mention = { start, end: start + s.length, kind: 'province', province: provinceByName.get(s)!.name, bare: true };
        else if (g.district !== undefined) {
          const ds = districtsByName.get(s)!;
          mention = { start, end: start + s.length, kind: 'district', province: ds.length === 1 ? ds[0]!.province : null, candidates: ds.map((d) => d.province), districts: ds, bare: true };
        } else if (g.self !== undefined) mention = { start, end: start + s.length, kind: 'self', province: null };
        else if (g.selfDistrict !== undefined) mention = { start, end: start + s.length, kind: 'self-district', province: null };
        if (mention) out.push(new LazyMention(text, mention));
      }
      return out;
    },
  };
}

/**
 * A mention whose `not` is read from the words around it when first asked: most mentions are
 * never asked. A class (every mention one shape, the getter on the prototype) rather than an
 * object literal with a getter, which V8 builds slowly and reads through a dictionary.
 */
class LazyMention implements Mention {
  readonly start: number;
  readonly end: number;
  readonly kind: PlaceKind;
  readonly province: string | null;
  readonly candidates?: string[];
  readonly districts?: District[];
  readonly bare?: boolean;
  private notRead: NotAPlace | undefined | null = null;

  constructor(
    private readonly text: string,
    m: Mention,
  ) {
    this.start = m.start;
    this.end = m.end;
    this.kind = m.kind;
    this.province = m.province;
    this.candidates = m.candidates;
    this.districts = m.districts;
    this.bare = m.bare;
  }

  get not(): NotAPlace | undefined {
    if (this.notRead === null) this.notRead = notAPlace(this.text, this);
    return this.notRead;
  }
}

// The patterns below read the few words left of a mention and end with `$`. Each is a word-start
// pattern (WordPattern): the boundary `(?:^|[^\p{L}])` checked by hand after the body matches,
// which is about five times faster than testing the boundary class at every position of the
// 50-character left context (measured: 60 ms against 10 ms for PERSON over c1500's mentions).
const tail = (body: string, flags = 'u') => new WordPattern(body, flags);

// Words right before a name that make it something else than a place.
const PERSON = tail(String.raw`(?:anh|chị|ông|bà|em|cô|chú|bác|cụ|cháu|đồng chí|đ\/c|Anh|Chị|Ông|Bà|Em|Cô|Chú|Bác|Cụ|Đồng chí)\s+$`);
const ORGANISATION = tail(String.raw`(?:VNPT|Viettel|MobiFone|Mobifone|VinaPhone|Vinaphone|FPT|Vietnamobile|[Cc]ông ty|[Tt]ập đoàn|[Tt]ổng công ty|[Bb]ưu điện|[Đđ]iện lực|[Nn]gân hàng|[Cc]hi nhánh|Agribank|BIDV|Vietcombank|VietinBank|[Bb]áo|[Đđ]ài|[Tt]ạp chí|[Cc]ổng thông tin|[Tt]rường|[Bb]ệnh viện|[Tt]rung tâm|[Hh]iệp hội|[Hh]ội|[Cc]âu lạc bộ|[Hh]ợp tác xã|HTX|[Dd]oanh nghiệp|[Đđ]oàn|[Cc]ông an|[Kk]ho bạc|[Cc]hi cục|[Cc]ục)(?:\s+(?:CP|TNHH|MTV|cổ phần|[Yy] tế|[Đđ]a khoa|[Tt]iểu học|THCS|THPT|[Mm]ầm non|[Vv]iễn thông|[Kk]inh tế|[Tt]huế|[Tt]hống kê|[Pp]hục vụ hành chính công|\p{Lu}[\p{L}&.-]*))*\s+$`);
const STREET = tail(String.raw`(?:đường|phố|tuyến đường|tuyến phố|đại lộ|quốc lộ|tỉnh lộ|ngõ|hẻm|chợ|cầu|bến xe|ga|sân bay|cảng|công viên|quảng trường|khu công nghiệp|khu đô thị|khu du lịch|khu kinh tế|núi|sông|hồ|đèo|cửa khẩu|nhà máy|thủy điện|khách sạn|lễ hội|giải|cúp|đội|tuyển|Đường|Phố|Chợ|Cầu)\s+$`);
// A word before the name, capitalised, that is not a function word starting the sentence: the
// name is part of a longer proper name (`Trần Thị Hải Dương`, `Viettel Lào Cai`).
const FUNCTION_WORDS = new Set(
  ('tại ở riêng còn trong theo với đến tới từ cả như nhưng và hay hoặc sau trước khi nếu về cùng ngoài đối thuộc của do bởi là so giữa gồm bao tính dẫn đứng xếp tiếp đó đây ngoài tuy dù năm tháng quý giai đặc điển hiện nay đến trên dưới gần khoảng hơn thì mà nên vì cho các những mỗi toàn tổng bình tỷ chỉ số điểm giá kết lũy phấn mục dự top nhóm vị hạng thứ nhất cao thấp').split(' '),
);
// `các tỉnh`, `63 tỉnh`, `cấp tỉnh` (a level: `Chỉ số chuyển đổi số cấp tỉnh`) name no one province.
const PLURAL = tail(String.raw`(?:các|những|nhiều|mỗi|một số|\d+|huyện,|xã,|tỉnh,|hoặc|giữa|từng|ngoài|cấp)\s+$`);
// What may come right before the country as a place: the text start, a punctuation mark or a line
// break (spaces after them allowed), or one of these words (`bình quân cả nước`).
const COUNTRY_AFTER_WORD = tail(String.raw`(?:bình quân|trung bình|mức|của|chung|tại|ở|là|và|khi|cùng|cho|chiếm|Tính chung|tính chung)\s+$`, 'iu');
/** `/(?:^|[,;:(]\s*|\n\s*|(?:^|[^\p{L}])(?:bình quân|…)\s+)$/iu`, with the word alternative as a word-start pattern (exported for its test). */
export function countryAfter(left: string): boolean {
  if (left.length === 0) return true;
  let i = left.length;
  while (i > 0 && isSpace(left.charCodeAt(i - 1))) {
    if (left.charCodeAt(i - 1) === 10) return true; // `\n\s*`
    i--;
  }
  if (i > 0 && ',;:('.includes(left[i - 1]!)) return true;
  return COUNTRY_AFTER_WORD.test(left);
}
// An office before a body's name is a person's (`Giám đốc Sở TT&TT`), not a place.
const OFFICE = tail(String.raw`(?:[Gg]iám đốc|[Cc]hủ tịch|[Bb]ộ trưởng|[Tt]hứ trưởng|[Ll]ãnh đạo|[Đđ]ại diện|[Tt]rưởng phòng|[Tt]rưởng ban|[Cc]hánh [Vv]ăn phòng|[Cc]án bộ|[Cc]huyên viên|[Bb]í thư|[Pp]hó)\s+$`);
const FIELD = tail(String.raw`(?:nhất|đầu|cuối|thứ\s+[^\s,;.]+|top\s+\d+|tốp\s+\d+|nhóm\s+\d+(?:\s*-\s*\d+)?(?:\s+[^\s,;.]+){0,3}|hạng\s+[^\s,;.]+|vị trí\s+[^\s,;.]+|\d+\/\d+|[Tt]rong|giữa|[Tt]rong\s+(?:số\s+)?(?:\d+\s+|các\s+|những\s+)?(?:(?:tỉnh|huyện|địa phương|bộ|ngành|đơn vị|xã|thành phố|tỉnh, thành phố|tỉnh, thành)(?:,\s*|\s+))*(?:thuộc\s+)?(?:vùng\s+|khu vực\s+)?)\s*(?:của\s+|trong\s+|toàn\s+|cả\s+|khu vực\s+|vùng\s+)?$`);
const COMPARISON = tail(String.raw`(?:[Ss]o với|hơn|gấp\s+[\d,.]+\s+lần|bằng)\s+(?:(?:mức|bình quân|trung bình|chung|tỉnh bạn|tỉnh|các tỉnh|các huyện|huyện|của)\s+)*$`);
const SPEAKER = /^\s*(?:\([^)]{0,40}\)\s*)?(?:(?:đã|vừa|cũng|mới)\s+)*(?:cho biết|công bố|thông tin|báo cáo|nhận định|đánh giá|khẳng định|nhấn mạnh|chia sẻ|ban hành|tổ chức|phát động|hướng dẫn|yêu cầu|đề nghị|chỉ đạo|thông báo)(?![\p{L}])/u;
const LEVEL_WORD = tail(String.raw`(?:cấp|khối|các cấp)\s+$`);
const AGENT = tail(String.raw`(?:do|bởi)\s+$`);

function notAPlace(text: string, m: Mention): NotAPlace | undefined {
  // Every pattern here ends at the mention and reaches back a few words: 50 characters do.
  const left = text.slice(Math.max(0, m.start - 50), m.start);
  const self = m.kind === 'self' || m.kind === 'self-district';
  if (m.bare) {
    if (PERSON.test(left)) return 'person';
    const line = left.slice(left.lastIndexOf('\n') + 1).trimEnd();
    const prev = line.slice(line.lastIndexOf(' ') + 1);
    if (prev && /^\p{Lu}/u.test(prev) && !/[.!?:;,)"”]$/u.test(prev) && !FUNCTION_WORDS.has(prev.toLowerCase())) return 'name-part';
    if (STREET.test(left)) return 'street';
  }
  if (!self && m.kind !== 'country' && ORGANISATION.test(left)) return 'organisation';
  if (!self && OFFICE.test(left)) return 'person';
  if (self && PLURAL.test(left)) return 'field';
  if (m.kind === 'self-district' && LEVEL_WORD.test(left)) return 'field';
  if (!self) {
    const wide = text.slice(Math.max(0, m.start - 120), m.start);
    const clauseLeft = wide.slice(Math.max(wide.lastIndexOf(','), wide.lastIndexOf(';'), wide.lastIndexOf('\n'), wide.lastIndexOf('. ')) + 1);
    if (/^\s*[Tt]heo(?![\p{L}])/u.test(clauseLeft) || AGENT.test(left) || SPEAKER.test(text.slice(m.end, m.end + 60))) return 'source';
  }
  if ((m.kind === 'country' || self || m.kind === 'region' || m.kind === 'province') && FIELD.test(left)) return 'field';
  // The country is a place as a subject (`Cả nước có …`) or a benchmark (`bình quân cả nước`),
  // not after a noun (`hội nghị trực tuyến toàn quốc`, `trên phạm vi toàn quốc`).
  if (m.kind === 'country' && !countryAfter(left)) return 'field';
  if (COMPARISON.test(left)) return 'comparison';
  return undefined;
}
