/**
 * Article-level fields: title, published date, and the province the article is about.
 * All work on normalized text; all are null when the article does not say.
 */
import type { Province } from '../rules/schema.js';
import { normalizeText } from '../normalize/normalize.js';
import { WordPattern } from '../text/word-pattern.js';

const HEAD_LINES = 8;

export function guessTitle(text: string): string | null {
  for (const raw of headLines(text)) {
    // Scraped headlines run into the next block (`…chuyển đổi sốTin khác…`): cut at the seam.
    const line = cutAtSeam(raw);
    const words = firstWords(line, MAX_TITLE_WORDS + 1).count;
    if (words < 4 || words > MAX_TITLE_WORDS || /[.:]$/.test(line)) continue;
    if (/^(?:logo|ảnh|đánh giá|chia sẻ|nguồn|tin khác|xem thêm|\(|-)/iu.test(line)) continue;
    if (/\d{1,2}\/\d{1,2}\/\d{4}/.test(line)) continue;
    if (!/[^\x00-\x7F]/.test(line)) continue; // a headline in Vietnamese has diacritics
    return line;
  }
  return null;
}

const MAX_TITLE_WORDS = 40;

/** The first HEAD_LINES non-blank lines, trimmed — without splitting the whole text. */
function headLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  while (lines.length < HEAD_LINES && from <= text.length) {
    const nl = text.indexOf('\n', from);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(from, end).trim();
    if (line) lines.push(line);
    if (nl === -1) break;
    from = nl + 1;
  }
  return lines;
}

/**
 * The first words of `s` (runs of non-space), counting no further than `limit`: how many, and
 * where the last counted one ends (`s.length` when `s` has fewer than `limit`).
 */
function firstWords(s: string, limit: number): { count: number; end: number } {
  let count = 0;
  const words = /\S+/g;
  while (count < limit && words.exec(s)) count++;
  return { count, end: count === limit ? words.lastIndex : s.length };
}

/** `…mục tiêu chuyển đổi sốTin khácPhát huy…` → the part before the first glued seam. */
function cutAtSeam(line: string): string {
  // A seam past the first MAX_TITLE_WORDS words leaves a head too long to be a title, so only
  // that much of the line is searched (a whole article can arrive as one line).
  const limit = firstWords(line, MAX_TITLE_WORDS + 1).end;
  for (const m of line.slice(0, limit + 2).matchAll(/\p{Ll}(?=\p{Lu}\p{Ll})/gu)) {
    if (m.index! >= limit) break;
    const head = line.slice(0, m.index! + 1);
    const count = firstWords(head, MAX_TITLE_WORDS + 1).count;
    if (count > MAX_TITLE_WORDS) break;
    if (count >= 4) return head.trim();
  }
  return line;
}

const DMY = /(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/;
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
const WEEKDAY_MDY = /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(\d{2})(\d{2})(\d{4})\b/;

export function guessPublished(text: string): string | null {
  // Only short lines near the top: a date inside the body (`ngày 06/01/2022`) is not the dateline.
  const head = headLines(text).filter((l) => l.length <= 80).join('\n');
  let m = DMY.exec(head);
  if (m) return isoDate(+m[3]!, +m[2]!, +m[1]!);
  m = ISO.exec(head);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  m = WEEKDAY_MDY.exec(head);
  if (m) return isoDate(+m[3]!, +m[1]!, +m[2]!);
  return null;
}

export function isoDate(y: number, mo: number, d: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return date.toISOString().slice(0, 10);
}

export interface ProvinceMatcher {
  /**
   * The province the article is about: the title's counts triple. `body`, when given, replaces
   * the plain count of mentions in the text with weighed votes by canonical name (see
   * `provinceVotes` in src/refine/place.ts: rankings and names of people count nothing).
   */
  find(text: string, title: string | null, body?: ReadonlyMap<string, number>): { province: string; province_2025: string } | null;
}

/** Builds the gazetteer matcher once per rule set: names and aliases, normalized like the text. */
export function buildProvinceMatcher(provinces: Province[]): ProvinceMatcher {
  const entries = provinces.flatMap((p) =>
    [p.name, ...p.aliases].map((alias) => ({ p, alias: normalizeText(alias).text })),
  );
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (entries.length === 0) return { find: () => null };
  const byName = new Map(provinces.map((p) => [p.name, p]));
  // Longest aliases first so `Thừa Thiên Huế` wins over `Huế` at the same place.
  entries.sort((a, b) => b.alias.length - a.alias.length);
  // Word-start boundary checked by hand (see WordPattern): a lookbehind at every position of
  // every article was the costly part.
  const re = new WordPattern(`(?:${entries.map((e) => `(${escape(e.alias)})`).join('|')})(?![\\p{L}\\p{N}])`, 'u', 'letter-or-number');
  return {
    find(text, title, body) {
      const counts = new Map<Province, { n: number; first: number }>();
      const tally = (s: string, weight: number, offset: number) => {
        for (const m of re.all(s)) {
          const idx = m.slice(1).findIndex((g) => g !== undefined);
          const p = entries[idx]!.p;
          const cur = counts.get(p) ?? { n: 0, first: offset + m.index! };
          cur.n += weight;
          counts.set(p, cur);
        }
      };
      if (title) tally(title, 3, -1);
      if (!body) tally(text, 1, 0);
      else {
        let order = 0;
        for (const [name, n] of body) {
          const p = byName.get(name);
          if (!p || n <= 0) continue;
          const cur = counts.get(p) ?? { n: 0, first: order };
          cur.n += n;
          counts.set(p, cur);
          order++;
        }
      }
      let best: [Province, { n: number; first: number }] | null = null;
      for (const e of counts) if (!best || e[1].n > best[1].n || (e[1].n === best[1].n && e[1].first < best[1].first)) best = e;
      return best ? { province: best[0].name, province_2025: best[0].now } : null;
    },
  };
}
