/**
 * Values listed after a statement are records of that statement's indicator (records.md):
 *   `Tỷ lệ thôn có sóng 4G đạt 92,1%, trong đó huyện Mèo Vạc 85,4%, huyện Đồng Văn 81,2%`
 *   `…; cao nhất là thành phố Thái Nguyên với 91,2%, thấp nhất là huyện Võ Nhai với 52,6%`
 *   `… dẫn đầu là Quảng Ninh (61,3%), Bình Dương (57,2%)`, `Bộ Công an đạt 81,4%, …`
 *   `Tỷ lệ hồ sơ trực tuyến đạt 52,3% (chỉ tiêu 60%)` — the plan's value of the same measure.
 * A number no rule keyed takes the key of the number before it in the sentence when only a
 * place (or a plan word) and list words stand between them, and both have the same unit.
 * (Which place each value is about is the `place` field's business, not this one's.)
 */
import type { Candidate } from '../candidates/types.js';
import type { RuleMatch } from '../match/match.js';

// A place as the press writes it in a list: a name (capitalized words: `Quảng Ninh`, `Bộ Công an`,
// `TP. Hồ Chí Minh`), after its administrative word if any (`huyện Mèo Vạc`); or the country.
const LEVEL = String.raw`(?:huyện|xã|phường|thị xã|thị trấn|thành phố|TP\.?|tỉnh|quận|thôn|bản|Bộ|Sở|UBND|Ban|cơ quan)`;
const NAME = String.raw`\p{Lu}[\p{L}.]*(?:\s+(?:\p{Lu}[\p{L}.]*|-))*`;
const PLACE = String.raw`(?:(?:${LEVEL}\s+)?${NAME}|cả nước|toàn quốc|bình quân(?: chung)?(?: cả nước| toàn quốc| của vùng)?|trung bình(?: cả nước| toàn quốc| của vùng)?|khu vực thành thị|khu vực nông thôn)`;
const OPENER = String.raw`(?:trong đó|riêng|cụ thể|cụ thể là|gồm|bao gồm|(?:các )?(?:địa phương|đơn vị|huyện|tỉnh|bộ, ngành)\s+(?:dẫn đầu|cao nhất|thấp nhất)(?:\s+là)?|(?:cao nhất|thấp nhất|dẫn đầu|đứng đầu|xếp sau|tiếp theo|tiếp đến|đứng cuối)(?:\s+là)?|còn|và|,)`;
const LINK = String.raw`(?:\(|đạt|với|là|chiếm|có|:|-)`;
const ITEM_GAP = new RegExp(String.raw`^\s*\)?\s*(?:[,;]|\s(?:và|còn)\s)\s*(?:${OPENER}\s+)*${PLACE}\s*(?:${LINK}\s*)*$`, 'u');
// `52,3% (chỉ tiêu 60%)`, `(kế hoạch: 1.200)`: the plan's value of the measure just stated.
const PLAN_GAP = /^\s*\(\s*(?:chỉ tiêu|mục tiêu|kế hoạch|KH)(?:\s+(?:năm\s+\d{4}|đề ra|giao|là))?\s*:?\s*$/iu;

const MAX_GAP = 90;

/** Whether `next` (no rule of its own) is a value listed after `prev`'s statement. */
export function placeListLink(text: string, prev: Candidate, next: Candidate, prevMatch: RuleMatch | null, nextMatch: RuleMatch | null): boolean {
  if (!prevMatch || nextMatch || prev.unit !== next.unit || !prevMatch.rule.units.has(next.unit)) return false;
  const between = text.slice(prev.end, next.start);
  if (between.length > MAX_GAP || /[.!?]\s/u.test(between) || /\d/u.test(between)) return false;
  return PLAN_GAP.test(between) || ITEM_GAP.test(between);
}
