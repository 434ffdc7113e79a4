/**
 * Canonical tone-mark placement for Vietnamese syllables.
 *
 * The same syllable is written `hoà` or `hòa`, `thuỷ` or `thủy`, and scraped text also carries
 * outright misplacements (`lựơng`, `nghịêm`, `baỏ`). Rules are written once, so every syllable is
 * rewritten to one placement: the "traditional" style that modern press and the catalog use
 * (`hòa`, `thủy`, `khỏe`; tone on the marked vowel ơ/ê/â/ô/ă/ư otherwise).
 *
 * Works on NFC text and never changes the length of a word, so offsets survive by position.
 */

const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;
const TONE_SET = new Set<string>(TONE_MARKS);
const VOWEL_BASES = new Set('aăâeêioôơuưy'.split(''));
const MARKED_VOWELS = new Set('ăâêôơư'.split(''));
const VALID_FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);

interface Decomposed {
  base: string; // NFC letter without tone (keeps breve, circumflex, horn)
  tone: string | null;
}

const decomposeCache = new Map<string, Decomposed>();

function decompose(ch: string): Decomposed {
  let hit = decomposeCache.get(ch);
  if (hit) return hit;
  const nfd = ch.normalize('NFD');
  let tone: string | null = null;
  let rest = '';
  for (const c of nfd) {
    if (TONE_SET.has(c)) tone = c;
    else rest += c;
  }
  hit = { base: rest.normalize('NFC'), tone };
  decomposeCache.set(ch, hit);
  return hit;
}

function isVowel(base: string): boolean {
  return VOWEL_BASES.has(base.toLowerCase());
}

/** Index (within the word) of the vowel that should carry the tone. */
function tonePosition(bases: string[]): number {
  const lower = bases.map((b) => b.toLowerCase());
  let first = 0;
  // `qu` and `gi` (before another vowel): the u / i belong to the consonant.
  while (first < lower.length && !isVowel(lower[first]!)) first++;
  if (first > 0 && lower[first] === 'u' && lower[first - 1] === 'q') first++;
  if (first > 0 && lower[first] === 'i' && lower[first - 1] === 'g' && first + 1 < lower.length && isVowel(lower[first + 1]!)) first++;
  let last = first;
  while (last < lower.length && isVowel(lower[last]!)) last++;
  const final = lower.slice(last).join('');
  if (!VALID_FINALS.has(final)) return -1; // not one Vietnamese syllable (`giađình`, `Viettel`): leave it
  const vowels: number[] = [];
  for (let i = first; i < last; i++) vowels.push(i);
  if (vowels.length === 0) return -1;
  if (vowels.length === 1) return vowels[0]!;
  // ươ, uô, iê, yê: tone on the second (marked) vowel; otherwise the last marked vowel wins.
  const marked = vowels.filter((i) => MARKED_VOWELS.has(lower[i]!));
  if (marked.length > 0) return marked[marked.length - 1]!;
  const hasFinal = final.length > 0;
  if (hasFinal) return vowels[vowels.length - 1]!;
  if (vowels.length === 3) return vowels[1]!;
  return vowels[0]!;
}

const wordCache = new Map<string, string>();
const WORD_CACHE_LIMIT = 50_000;

/** Rewrites one word (a run of letters, NFC) with canonical tone placement. Same length. */
export function canonicalTone(word: string): string {
  const cached = wordCache.get(word);
  if (cached !== undefined) return cached;
  const chars = [...word];
  // Only words of single-code-unit letters are handled; anything else is left alone.
  let result = word;
  if (chars.length === word.length && chars.length <= 8) {
    const parts = chars.map(decompose);
    const tones = parts.filter((p) => p.tone !== null);
    if (tones.length === 1) {
      const tone = tones[0]!.tone!;
      const bases = parts.map((p) => p.base);
      const at = tonePosition(bases);
      if (at >= 0) {
        const out = bases.map((b, i) => (i === at ? (b + tone).normalize('NFC') : b)).join('');
        if (out.length === word.length) result = out;
      }
    }
  }
  if (wordCache.size > WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(word, result);
  return result;
}
