/**
 * `place`: which of the places an article names a number is about. Pure: works on the
 * normalized text and the gazetteer's mentions (src/places/gazetteer.ts).
 *
 * In order: a name and a number tied by parentheses (`Quảng Ninh (61,3%)`, `61,3% (Quảng Ninh)`);
 * else the nearest place named before the number in its clause (`huyện Mường Tè đạt 41%`,
 * `Bộ Công an đạt 81,4%`), where `tỉnh`/`toàn tỉnh` names the article's own province again;
 * else a place right after the number introduced by `tại`/`ở`/`của`. Places joined by `,`/`và`
 * are one place (`Đồng Văn, Mèo Vạc`) unless `lần lượt` hands them out in order. A higher unit
 * after a lower one locates it (`xã Mường Lói (huyện Điện Biên)`), and is not the place.
 * The article's own province is never a place.
 */
import type { Span } from '../text/sentences.js';
import { LEVEL, type Mention } from '../places/gazetteer.js';
import { firstIndexWhere } from '../text/search.js';
import { isSpace } from '../text/word-pattern.js';

export interface PlaceIndex {
  /**
   * The place of the number at [start, end) in `clause`: a span of the normalized text, the
   * article's own district (a name), or null for the article's province.
   */
  placeOf(start: number, end: number, clause: Span, numbersAfter: (from: number, to: number) => Span[]): Span | string | null;
}

interface Slot {
  m: Mention;
  /** The coordinated group this mention heads or belongs to (`A, B và C`). */
  group: Mention[];
  /** Tied by parentheses to a number: not the place of any other number. */
  tied: boolean;
  /** A higher unit locating the one before it: never a place of its own. */
  locator: boolean;
}

const OPEN_TIE_AFTER_NAME = /^\s*\(\s*(?:(?:đạt|với|chiếm|là|có)\s+)?$/u;
const TIED_NAME = /^\s*\(\s*(?:(?:đạt|với|chiếm|là|có)\s+)?(?:khoảng |gần |hơn |trên |dưới )?\d/u;
const COORDINATION = /^\s*(?:,|và|,\s*và|&|cùng)\s*$/u;
const LOCATING = /^\s*(?:,|\(|-|–|thuộc|của|(?:là|nằm)(?:\s+[^\s,;.()]+){0,5}\s+(?:của|thuộc|trong))\s*$/u;
const AFTER_PREPOSITION = /^\s*(?:[\p{L}\s]{0,40}?\s)?(?:tại|ở|của|trên địa bàn|thuộc)\s+$/u;

export function buildPlaceIndex(text: string, all: Mention[], articleProvince: string | null, articleDistrict: string | null = null): PlaceIndex {
  // A bare district name is a place only in its own province's articles (or when the article's
  // province is unknown): `Bảo Lâm` is a district of both Cao Bằng and Lâm Đồng.
  const mentions = all.filter((m) => !(m.bare && m.kind === 'district' && articleProvince && !(m.candidates ?? []).includes(articleProvince)));
  const slots: Slot[] = mentions.map((m) => ({ m, group: [m], tied: false, locator: false }));
  for (let i = 0; i < slots.length; i++) {
    const s = slots[i]!;
    if (TIED_NAME.test(text.slice(s.m.end, s.m.end + 30))) s.tied = true;
    const prev = slots[i - 1];
    if (!prev) continue;
    const between = text.slice(prev.m.end, s.m.start);
    const self = (m: Mention) => m.kind === 'self' || m.kind === 'self-district';
    if (LEVEL[s.m.kind] > LEVEL[prev.m.kind] && !self(s.m) && LOCATING.test(between)) s.locator = true;
    else if (COORDINATION.test(between) && !prev.tied && !self(s.m) && !self(prev.m) && !s.m.not && !prev.m.not) {
      prev.group.push(s.m);
      s.group = prev.group;
    }
  }
  // A mention inside the parentheses right after a number is that number's place.
  const eligible = (s: Slot) => !s.m.not && !s.tied && !s.locator;
  const own = (m: Mention) => m.kind === 'self' || (m.kind === 'province' && m.province !== null && m.province === articleProvince);
  const spanOf = (ms: Mention[]): Span | null => {
    const real = ms.filter((m) => !own(m));
    if (real.length === 0) return null;
    return { start: real[0]!.start, end: real[real.length - 1]!.end };
  };
  const firstAtOrAfter = (pos: number) => firstIndexWhere(slots.length, (i) => slots[i]!.m.start >= pos);

  return {
    placeOf(start, end, clause, numbersAfter) {
      const k = firstAtOrAfter(start);
      // `61,3% (Quảng Ninh)`
      const next = slots[k];
      if (next && next.m.start >= end && /^\s*\(\s*$/u.test(text.slice(end, next.m.start)) && /^\s*\)/u.test(text.slice(next.m.end, next.m.end + 3)) && !next.m.not) {
        return spanOf([next.m]);
      }
      const prev = slots[k - 1];
      // `Quảng Ninh (61,3%)`
      if (prev && prev.m.not !== 'person' && prev.m.not !== 'organisation' && prev.m.not !== 'street' && OPEN_TIE_AFTER_NAME.test(text.slice(prev.m.end, start))) return spanOf([prev.m]);
      for (let i = k - 1; i >= 0; i--) {
        const s = slots[i]!;
        if (s.m.start < clause.start) break;
        if (!eligible(s)) continue;
        if (s.m.kind === 'self-district') return articleDistrict;
        const group = s.group;
        if (group.length > 1) {
          const head = group[0]!;
          const tail = group[group.length - 1]!;
          const cue = text.slice(tail.end, start);
          // `Bắc Giang và Thái Nguyên lần lượt giữ vị trí thứ nhất và thứ nhì`
          if (/lần lượt/u.test(cue)) {
            const nums = numbersAfter(tail.end, clause.end);
            const at = nums.findIndex((n) => n.start === start);
            if (nums.length === group.length && at >= 0) return spanOf([group[at]!]);
          }
          return spanOf(text.slice(head.start, tail.end).length < 200 ? group : [s.m]);
        }
        return spanOf([s.m]);
      }
      // `… đạt 41% tại huyện Mường Tè`
      for (let i = k; i < slots.length; i++) {
        const s = slots[i]!;
        if (s.m.start >= clause.end) break;
        if (!eligible(s) || own(s.m) || s.m.kind === 'self-district') break;
        const gap = text.slice(end, s.m.start);
        if (/\d/.test(gap) || !AFTER_PREPOSITION.test(gap)) break;
        return spanOf(s.group);
      }
      // In an article about a district, a number that names no place is the district's.
      return articleDistrict;
    },
  };
}

/**
 * Votes for the article's own province, from the mentions in its body: `tỉnh X` counts double,
 * the lead paragraph double again, a district its province; a province tied to a number in a
 * ranking (`Quảng Ninh (61,3%)`), compared with, or named as a person's name, counts nothing.
 */
export function provinceVotes(text: string, mentions: Mention[], sentences: Span[]): Map<string, number> {
  const votes = new Map<string, number>();
  const lead = leadEnd(text);
  // Sentences naming two provinces or more compare them (`Lâm Đồng … cao nhất (81,6%), tiếp đến là
  // Đắk Lắk`): their bare names say nothing of the article's own province.
  const sentenceOf = (pos: number) => firstIndexWhere(sentences.length, (k) => sentences[k]!.end > pos);
  const provincesIn = new Map<number, Set<string>>();
  for (const m of mentions) {
    if (m.kind !== 'province' || !m.province) continue;
    const k = sentenceOf(m.start);
    provincesIn.set(k, (provincesIn.get(k) ?? new Set()).add(m.province));
  }
  for (const m of mentions) {
    if (m.kind !== 'province' && m.kind !== 'district') continue;
    if (m.not === 'person' || m.not === 'name-part' || m.not === 'street' || m.not === 'comparison' || m.not === 'field') continue;
    if (TIED_NAME.test(text.slice(m.end, m.end + 30))) continue;
    const after = text.slice(m.end, m.end + 40);
    if (m.bare && /^\s*(?:(?:xếp|đứng|giữ)\s+)?(?:thứ|hạng|vị trí)\s+\d/u.test(after)) continue; // a ranking list: `Bình Dương đứng thứ 3`
    let w = m.kind === 'district' ? (m.bare ? 0.5 : 1) : /(?:tỉnh|thành phố|TP\.?)\s*$/iu.test(text.slice(Math.max(0, m.start - 12), m.start)) ? 2 : 1;
    if (m.kind === 'province' && (provincesIn.get(sentenceOf(m.start))?.size ?? 0) > 1) continue;
    if (m.start < lead) w *= 2;
    const p = m.kind === 'province' ? m.province : m.province;
    if (p) votes.set(p, (votes.get(p) ?? 0) + w);
  }
  return votes;
}

/**
 * The district an article is about, written `huyện Bảo Lâm`: named in its title (`Bảo Lâm: Tập
 * trung …`) or, failing that, in its lead and more often than any other; and the article speaks
 * of `huyện` (`toàn huyện`, `trên địa bàn huyện`) more than of `tỉnh`. Null for articles about a
 * province.
 */
export function articleDistrict(text: string, mentions: Mention[], titleMentions: Mention[], province: string | null): string | null {
  if (!province) return null;
  const selfDistrict = mentions.filter((m) => m.kind === 'self-district' && !m.not).length;
  if (selfDistrict === 0) return null;
  const selfProvince = mentions.filter((m) => m.kind === 'self' && !m.not).length;
  if (selfDistrict <= selfProvince) return null;
  const ofProvince = (m: Mention) => m.kind === 'district' && !m.not && (m.districts ?? []).some((d) => d.province === province);
  const written = (m: Mention) => {
    const d = (m.districts ?? []).find((x) => x.province === province)!;
    return `${d.type} ${d.name}`;
  };
  const inTitle = titleMentions.find(ofProvince);
  if (inTitle) return written(inTitle);
  const counts = new Map<string, number>();
  for (const m of mentions) if (ofProvince(m)) counts.set(written(m), (counts.get(written(m)) ?? 0) + 1);
  const lead = leadEnd(text);
  const inLead = mentions.find((m) => m.start < lead && ofProvince(m));
  if (!inLead) return null;
  const name = written(inLead);
  const n = counts.get(name)!;
  return n >= 3 && [...counts].every(([k, c]) => k === name || c * 2 <= n) ? name : null;
}

/** End of the lead: the first paragraph of at least 20 words (the title and dateline are shorter). */
function leadEnd(text: string): number {
  let from = 0;
  for (let n = 0; n < 12 && from < text.length; n++) {
    const nl = text.indexOf('\n', from);
    const end = nl === -1 ? text.length : nl;
    if (hasWords(text, from, end, 20)) return end;
    from = end + 1;
  }
  return Math.min(text.length, 400);
}

/**
 * Whether `text.slice(from, to).split(/\s+/)` has at least `n` pieces: one more than its runs of
 * spaces. Counted in place and stopped at `n`, as the lead's paragraph can be the whole text.
 */
export function hasWords(text: string, from: number, to: number, n: number): boolean {
  let pieces = 1;
  for (let i = from; i < to; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    if (++pieces >= n) return true;
    while (i + 1 < to && isSpace(text.charCodeAt(i + 1))) i++;
  }
  return pieces >= n;
}
