/**
 * How Vietnamese a text looks: the share of its words that are well-formed Vietnamese
 * syllables (onset + vowel nucleus + final, at most one tone). Used to choose between candidate
 * decodings of a block of text; never applied per token (`hoà` is valid Unicode and VNI-like).
 */
const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const VOWEL = /^[aăâeêioôơuưy]+$/;
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;

export function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  const tones = nfd.match(TONE);
  if (tones && tones.length > 1) return false;
  const base = nfd.replace(TONE, '').normalize('NFC');
  if (!/^[a-zđăâêôơư]+$/.test(base)) return false;
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rest = base.slice(onset.length);
    const m = /^([aăâeêioôơuưy]+)(.*)$/.exec(rest);
    if (m && VOWEL.test(m[1]!) && m[1]!.length <= 3 && FINALS.has(m[2]!)) return true;
  }
  return false;
}

/** Score of a block: share of its words that are Vietnamese syllables, minus garbage. */
export function vietnameseScore(text: string): number {
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  let ok = 0;
  for (const w of words) if (isVietnameseSyllable(w)) ok++;
  // A symbol counts as garbage inside a word (`Kh¾c`), not on its own (`© 2024`, a `×` button).
  const garbage = (text.match(/[\u0080-\u009f\ufffd]|(?<=\p{L})[¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷]|[¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿×÷](?=\p{L})/gu) ?? []).length;
  return ok / words.length - garbage / Math.max(words.length, 1);
}
