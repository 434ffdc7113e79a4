/**
 * VNI Windows (the 8-bit encoding of the VNI fonts used by many older government sites): a
 * Vietnamese letter is a base letter followed by a mark character, both in Windows-1252, e.g.
 * `á` = `a` + `ù`, `ộ` = `o` + `ä`, `ư` = `ö`, `đ` = `ñ`. No maintained decoder exists on the
 * registry, so the table is written here from the published VNI chart; tests check it against
 * whole words and round trips.
 */

// Marks after a vowel base, lower case (upper-case marks are the same letters upper-cased).
// Keys: mark character; values: [combining marks to add].
const TONES: Record<string, string> = { 'ù': '\u0301', 'ø': '\u0300', 'û': '\u0309', 'õ': '\u0303', 'ï': '\u0323' };
// Circumflex + tone on a/e/o: â ấ ầ ẩ ẫ ậ ; breve + tone on a: ă ắ ằ ẳ ẵ ặ
const CIRCUMFLEX: Record<string, string> = { 'â': '', 'á': '\u0301', 'à': '\u0300', 'å': '\u0309', 'ã': '\u0303', 'ä': '\u0323' };
const BREVE: Record<string, string> = { 'ê': '', 'é': '\u0301', 'è': '\u0300', 'ú': '\u0309', 'ü': '\u0303', 'ë': '\u0323' };
// Single characters that stand for a whole letter.
const SINGLE: Record<string, string> = {
  'í': 'í', 'ì': 'ì', 'æ': 'ỉ', 'ó': 'ĩ', 'ò': 'ị', 'ô': 'ơ', 'ö': 'ư', 'î': 'ỵ', 'ñ': 'đ',
  'Í': 'Í', 'Ì': 'Ì', 'Æ': 'Ỉ', 'Ó': 'Ĩ', 'Ò': 'Ị', 'Ô': 'Ơ', 'Ö': 'Ư', 'Î': 'Ỵ', 'Ñ': 'Đ',
};

const DECODE = new Map<string, string>();
const ENCODE = new Map<string, string>();

function add(vni: string, unicode: string): void {
  const u = unicode.normalize('NFC');
  DECODE.set(vni, u);
  if (!ENCODE.has(u)) ENCODE.set(u, vni);
}

for (const upper of [false, true]) {
  const c = (s: string) => (upper ? s.toUpperCase() : s);
  for (const base of ['a', 'e', 'i', 'o', 'u', 'y']) {
    for (const [mark, tone] of Object.entries(TONES)) add(c(base) + c(mark), c(base) + tone);
  }
  for (const base of ['a', 'e', 'o']) {
    for (const [mark, tone] of Object.entries(CIRCUMFLEX)) add(c(base) + c(mark), c(base) + '\u0302' + tone);
  }
  for (const [mark, tone] of Object.entries(BREVE)) add(c('a') + c(mark), c('a') + '\u0306' + tone);
  // ơ and ư carry tones as ô/ö followed by a tone mark.
  for (const [base, horn] of [['ô', 'o\u031b'], ['ö', 'u\u031b']] as const) {
    for (const [mark, tone] of Object.entries(TONES)) add(c(base) + c(mark), c(horn) + tone);
  }
}
for (const [k, v] of Object.entries(SINGLE)) add(k, v);

/** Text whose characters are VNI bytes read as Windows-1252 → Unicode (NFC). */
export function decodeVni(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const two = DECODE.get(s.slice(i, i + 2));
    if (two !== undefined && i + 1 < s.length) {
      out += two;
      i++;
      continue;
    }
    out += DECODE.get(s[i]!) ?? s[i]!;
  }
  return out;
}

/** Unicode → VNI characters (as Windows-1252 text), for tests and fixtures. */
export function encodeVni(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) out += ENCODE.get(ch) ?? ch;
  return out;
}
