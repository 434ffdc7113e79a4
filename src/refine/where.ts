/**
 * Where and when, for the records of one article: the article's province, and each number's
 * `place` and period. Built on first use, so articles without records cost nothing.
 */
import type { ProvinceMatcher } from '../article/fields.js';
import { gazetteerFor } from '../places/gazetteer.js';
import type { RuleSet } from '../rules/ruleset.js';
import type { Span } from '../text/sentences.js';
import { buildPeriodIndex, type Period, type PeriodIndex } from './period.js';
import { articleDistrict, buildPlaceIndex, provinceVotes, type PlaceIndex } from './place.js';
import { normalizeText } from '../normalize/normalize.js';

export interface WhereWhen {
  /** The province the article is about (canonical), and its unit since 2025. */
  province(): { province: string; province_2025: string } | null;
  /** The place (a span of the normalized text, or the article's district; null: the article's province) and the period of one number. */
  of(start: number, end: number, sentence: Span, clause: Span, status: 'actual' | 'target', numbersAfter: (from: number, to: number) => Span[]): { place: Span | string | null; period: Period | null };
}

export function whereWhen(text: string, title: string | null, sentences: Span[], ruleSet: RuleSet, provinces: ProvinceMatcher): WhereWhen {
  let province: ReturnType<WhereWhen['province']> | undefined;
  let places: PlaceIndex | undefined;
  let periods: PeriodIndex | undefined;
  let mentions: ReturnType<ReturnType<typeof gazetteerFor>['mentions']> | undefined;
  const getMentions = () => (mentions ??= gazetteerFor(ruleSet).mentions(text));
  const getProvince = () => {
    if (province === undefined) {
      // Votes need the gazetteer; a matcher built without provinces (rule examples) finds none anyway.
      province = provinces.find(text, title, ruleSet.provinces.length ? provinceVotes(text, getMentions(), sentences) : undefined);
    }
    return province;
  };
  return {
    province: getProvince,
    of(start, end, sentence, clause, status, numbersAfter) {
      if (!places) {
        const province = getProvince()?.province ?? null;
        const titleMentions = title ? gazetteerFor(ruleSet).mentions(normalizeText(title).text) : [];
        places = buildPlaceIndex(text, getMentions(), province, articleDistrict(text, getMentions(), titleMentions, province));
      }
      periods ??= buildPeriodIndex(text, sentences);
      return { place: places.placeOf(start, end, clause, numbersAfter), period: periods.periodOf(start, end, sentence, clause, status) };
    },
  };
}
