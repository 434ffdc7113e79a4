/**
 * Status: a number is a `target` when a target cue governs it — `mục tiêu`, `phấn đấu`,
 * `chỉ tiêu … đến năm`, `dự kiến`, `kế hoạch … đến`, `theo Quyết định … đến năm`, `sẽ` — and
 * `actual` otherwise. A cue governs the numbers after it in its sentence until an achievement
 * cue (`đến nay`, `hiện nay`, `đã đạt`) resets it; `sẽ` right after the counted noun also marks
 * a target (`20 thôn sẽ được phủ sóng`). Cues are words: none holds a number (a look-behind may).
 */
import type { Status } from '../records/schema.js';
import { WordPattern } from '../text/word-pattern.js';

// `(chỉ tiêu: 90%)`: the parenthesis is checked by a look-behind after the words, not before them —
// a leading look-behind runs at every position of every sentence (it made the scan twice as slow).
const TARGET_CUE = new WordPattern(String.raw`(?:mục tiêu|phấn đấu|đặt (?:ra )?chỉ tiêu|giao chỉ tiêu|chỉ tiêu(?=\s+(?:đến|năm|cả năm|giai đoạn|phấn đấu|đề ra|tới|là|:))|(?:chỉ tiêu|mục tiêu|kế hoạch)(?<=\(\s*(?:chỉ tiêu|mục tiêu|kế hoạch))(?=\s*:?\s*\d)|dự kiến|dự tính|theo kế hoạch(?!\s+số)|kế hoạch đến|đến năm(?<=theo (?:quyết định|nghị quyết|chương trình|đề án|chiến lược)[^.;]{0,60}?đến năm)|định hướng đến|hướng tới|đặt ra|cần đạt|phải đạt|nhằm đạt)(?!\p{L})`);
// `sẽ` governs only its own clause (`20 thôn sẽ được phủ sóng, 12 thôn chưa có điện`).
const CLAUSE_TARGET_CUE = new WordPattern(String.raw`sẽ(?!\p{L})[^,;]*$`);
const TARGET_AFTER = /^[^\d;.]{0,40}?theo (?:mục tiêu|chỉ tiêu)(?!\p{L})/iu;
// A sentence that opens with a purpose clause (`Để … đến 100% thôn`) states a goal.
const PURPOSE_OPENING = /(?:^|:\s*)(?:Để|Nhằm|để|nhằm)\s/u;
const RESET_CUE = new WordPattern(String.raw`(?:đến nay|hiện nay|hiện tại|hiện có|tính đến|đã|thực tế|kết quả|trong năm qua|năm qua)(?!\p{L})`);
const SE_AFTER = /^[^\d;,.]{0,40}?\s(?:sẽ|dự kiến|phấn đấu)\s/iu;
// Words every TARGET_AFTER / SE_AFTER match holds, searched first: the lazy gaps of those patterns
// try up to 40 positions before failing, which they do for almost every number.
const TARGET_AFTER_WORDS = /theo (?:mục tiêu|chỉ tiêu)/iu;
const SE_AFTER_WORDS = /sẽ|dự kiến|phấn đấu/iu;

/**
 * Where the target and reset cues of one sentence start: scanned once per sentence, then each
 * number looks up the last of each before it. Identical to scanning the text left of the
 * number (cues are words, so none runs across a number), as long as that text starts at the
 * sentence start — `readStatus` falls back to the plain scan past LOOK_BACK characters.
 */
export interface SentenceCues {
  start: number;
  targets: number[];
  resets: number[];
}

const LOOK_BACK = 600;

export function sentenceCues(text: string, start: number, end: number): SentenceCues {
  const s = text.slice(start, end);
  const starts = (re: WordPattern) => [...re.all(s)].map((m) => start + m.index);
  return { start, targets: starts(TARGET_CUE), resets: starts(RESET_CUE) };
}

export function readStatus(text: string, sentenceStart: number, numberStart: number, numberEnd: number, cues?: SentenceCues): Status {
  // Cues govern within their sentence; a bounded look-back keeps pathological sentences linear.
  const from = Math.max(sentenceStart, numberStart - LOOK_BACK);
  const left = text.slice(from, numberStart);
  const fromCues = cues !== undefined && cues.start === from;
  // Positions compare within one mode: absolute (cues) or offsets into `left` (plain scan).
  const lastTarget = fromCues ? lastBefore(cues.targets, numberStart) : TARGET_CUE.lastIndexIn(left);
  const lastReset = () => (fromCues ? lastBefore(cues.resets, numberStart) : RESET_CUE.lastIndexIn(left));
  if (lastTarget >= 0 && lastReset() < lastTarget) return 'target';
  if (CLAUSE_TARGET_CUE.test(left)) return 'target';
  const right = text.slice(numberEnd, numberEnd + 60);
  if (TARGET_AFTER_WORDS.test(right) && TARGET_AFTER.test(right)) return 'target';
  if (PURPOSE_OPENING.test(left) && lastReset() < 0) return 'target';
  if (SE_AFTER_WORDS.test(right) && SE_AFTER.test(right)) return 'target';
  return 'actual';
}

/** The last position in an ascending list that is before `pos`, or -1. */
function lastBefore(starts: number[], pos: number): number {
  let best = -1;
  for (const p of starts) {
    if (p >= pos) break;
    best = p;
  }
  return best;
}
