/**
 * Refiners that let one number lend its indicator to a neighbour the rules could not key on
 * its own. Each returns the rule match to adopt, or null.
 *
 *  - companion:    `313.890/324.898 tài khoản (đạt tỷ lệ 96,61%)`, `1.125 DVCTT …, chiếm 58,4%`,
 *                  `100% cơ sở … (152/152 cơ sở) đã thực hiện tra cứu …` — a share and the count
 *                  or fraction it restates.
 *  - coordination: `100% lãnh đạo cấp ủy …, 100% lãnh đạo cấp phòng … được cấp chữ ký số` —
 *                  a list of numbers of one unit that share the predicate after the last one.
 *  - anaphora:     `kinh tế số chiếm 25% GRDP; hiện nay tỷ trọng này mới đạt 10,2%` — the
 *                  measure named again with `này`.
 */
import type { Candidate } from '../candidates/types.js';
import type { RuleMatch } from '../match/match.js';
import { WordPattern } from '../text/word-pattern.js';

// The words that end a restatement right before its share: `đạt`, `chỉ chiếm`, `tương đương khoảng`.
const RESTATING_WORDS = String.raw`(?:(?:chỉ|mới|cũng|vẫn|hiện)\s+)?(?:(?:đạt|chiếm|bằng|tương đương|tương ứng|là|với|đạt được|phủ|phủ được|bao phủ)\s+)?(?:(?:tỷ lệ|mức|khoảng|gần|hơn|trên|xấp xỉ)\s+)*$`;
const COMPANION_TAIL = new RegExp(String.raw`[,(]\s*(?:và\s+)?(?:(?:mục tiêu|phấn đấu|chỉ tiêu|dự kiến|kế hoạch)(?:\s+[^,;()]{0,30}?)?\s+)?` + RESTATING_WORDS, 'iu');
/** What stands between a count and the share that restates it: `, đạt`, `(`, `, chỉ chiếm khoảng`. */
export const RESTATES = new RegExp(String.raw`[,(]\s*` + RESTATING_WORDS, 'iu');
const PREDICATE = new WordPattern(String.raw`(?:đạt|có|được|đã|là|chiếm|thực hiện|triển khai|sử dụng|kết nối|phủ|thành lập|ban hành|cung cấp|tham gia|hoàn thành|tiếp nhận|giải quyết)(?!\p{L})`);
const MAX_COMPANION_GAP = 120;
// A measured quantity (`1.350 km cáp quang`) is not one of a list of counted things.
const MEASURE = /^\s*(?:km|m|m2|ha|tấn|kg|GB|TB|Mbps|Gbps|MHz|kW|MW|kWh|lít|USD|%)(?!\p{L})/iu;

export function companionLink(text: string, prev: Candidate, next: Candidate, prevMatch: RuleMatch | null, nextMatch: RuleMatch | null): 'forward' | 'backward' | null {
  const between = text.slice(prev.end, next.start);
  if (between.length > MAX_COMPANION_GAP || /[;.!?]\s/.test(between)) return null;
  const range = prev.range === 'low' && next.range === 'high'; // `60-80%`, `2-3 vạn thuê bao`, `2-5 triệu đồng`
  if (prev.unit === next.unit && prev.unit !== 'percent' && !range) return null;
  if (!range && !COMPANION_TAIL.test(between) && !/\(\s*$/.test(between)) return null;
  if (range) {
    if (nextMatch && !prevMatch) return 'backward';
    if (prevMatch && !nextMatch) return 'forward';
    return null;
  }
  // The share's own evidence, if any, lies back inside the count's statement: the count wins.
  const weakNext = !nextMatch || (!nextMatch.hasAfter && nextMatch.beforeStart !== null && prevMatch !== null && nextMatch.beforeStart < prevMatch.end);
  if (prevMatch && weakNext && prevMatch.rule.units.has(next.unit) && nextMatch?.rule !== prevMatch.rule) return 'forward';
  if (!prevMatch && nextMatch && nextMatch.rule.units.has(prev.unit) && /\(\s*$/.test(between)) return 'backward';
  return null;
}

// `…; hiện nay tỷ trọng này mới đạt 10,2%`: the share named again by `này`.
const ANAPHORA = /(?:tỷ lệ|tỉ lệ|tỷ trọng|con số|chỉ số|số lượng|mức) này[^\d;.!?]{0,30}$/iu;

/** A number that restates the previous one's measure (`tỷ lệ này`, `con số này`) takes its key. */
export function anaphoraLink(text: string, prev: Candidate, next: Candidate, prevMatch: RuleMatch | null, nextMatch: RuleMatch | null): boolean {
  if (!prevMatch || nextMatch || !prevMatch.rule.units.has(next.unit)) return false;
  const between = text.slice(prev.end, next.start);
  return between.length <= 200 && ANAPHORA.test(between);
}

export function coordinationLink(text: string, prev: Candidate, next: Candidate, prevMatch: RuleMatch | null, nextMatch: RuleMatch | null): boolean {
  // Densities name what they count each time (`2,6 thuê bao di động và 0,9 thuê bao Internet`).
  if (prevMatch || !nextMatch || prev.unit !== next.unit || prev.unit === 'density') return false;
  const between = text.slice(prev.end, next.start);
  // (`giữ vị trí thứ nhất và thứ hai về …`: word ordinals repeat `thứ`.)
  if (between.length > 60 || !/(?:,|\svà)(?:\s+(?:thứ|hạng))?\s*$/u.test(between) || MEASURE.test(between)) return false;
  return !PREDICATE.test(between) && nextMatch.rule.units.has(prev.unit);
}
