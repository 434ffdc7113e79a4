/**
 * Status: a number is a `target` when a target cue governs it — `mục tiêu`, `phấn đấu`,
 * `chỉ tiêu … đến năm`, `dự kiến`, `kế hoạch … đến`, `sẽ` — and `actual` otherwise. A cue governs
 * the numbers after it in its sentence until an achievement cue (`đến nay`, `hiện nay`, `đã đạt`)
 * resets it; `sẽ` right after the counted noun also marks a target (`20 thôn sẽ được phủ sóng`).
 */
import type { Status } from '../records/schema.js';
import { WordPattern } from '../text/word-pattern.js';

const TARGET_CUE = new WordPattern(String.raw`(?:mục tiêu|phấn đấu|đặt (?:ra )?chỉ tiêu|giao chỉ tiêu|chỉ tiêu(?=\s+(?:đến|năm|giai đoạn|phấn đấu|đề ra|tới|là|:))|dự kiến|dự tính|theo kế hoạch(?!\s+số)|kế hoạch đến|định hướng đến|hướng tới|đặt ra|cần đạt|phải đạt|nhằm đạt)(?!\p{L})`);
// `sẽ` governs only its own clause (`20 thôn sẽ được phủ sóng, 12 thôn chưa có điện`).
const CLAUSE_TARGET_CUE = new WordPattern(String.raw`sẽ(?!\p{L})[^,;]*$`);
const TARGET_AFTER = /^[^\d;.]{0,40}?theo (?:mục tiêu|chỉ tiêu)(?!\p{L})/iu;
// A sentence that opens with a purpose clause (`Để … đến 100% thôn`) states a goal.
const PURPOSE_OPENING = /(?:^|:\s*)(?:Để|Nhằm|để|nhằm)\s/u;
const RESET_CUE = new WordPattern(String.raw`(?:đến nay|hiện nay|hiện tại|hiện có|tính đến|đã|thực tế|kết quả|trong năm qua|năm qua)(?!\p{L})`);
const SE_AFTER = /^[^\d;,.]{0,40}?\s(?:sẽ|dự kiến|phấn đấu)\s/iu;

export function readStatus(text: string, sentenceStart: number, numberStart: number, numberEnd: number): Status {
  // Cues govern within their sentence; a bounded look-back keeps pathological sentences linear.
  const left = text.slice(Math.max(sentenceStart, numberStart - 600), numberStart);
  const lastTarget = lastIndexOf(TARGET_CUE, left);
  if (lastTarget >= 0) {
    const lastReset = lastIndexOf(RESET_CUE, left);
    if (lastReset < lastTarget) return 'target';
  }
  if (CLAUSE_TARGET_CUE.test(left)) return 'target';
  if (TARGET_AFTER.test(text.slice(numberEnd, numberEnd + 60))) return 'target';
  if (PURPOSE_OPENING.test(left) && lastIndexOf(RESET_CUE, left) < 0) return 'target';
  if (SE_AFTER.test(text.slice(numberEnd, numberEnd + 60))) return 'target';
  return 'actual';
}

function lastIndexOf(re: WordPattern, s: string): number {
  return re.lastIndexIn(s);
}
