/**
 * Character folds applied by the normalizer, one input character at a time.
 * `undefined` means "keep", `''` means "drop".
 */

const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
// Zero-width characters, soft hyphen, BOM, and bidi marks, embeddings and isolates (LRM, RLM,
// LRE…RLO, LRI…PDI): they change how text is shown, never what it says (`1.\u200F300` is 1.300).
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

const SINGLE: Record<string, string> = {
  '\u00D0': '\u0110', // Ð (Eth) typed for Đ
  '\u00F0': '\u0111', // ð for đ
  '\u0189': '\u0110', // Ɖ (African D) seen in some fonts
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u2026': '...',
  '\u2044': '/', '\u2215': '/', '\uFF0F': '/',
  '\uFF05': '%', '\u066A': '%',
  '\uFF0C': ',', '\uFF0E': '.', '\uFF1A': ':', '\uFF1B': ';',
};

/** Returns the replacement for one code point, or undefined to keep it unchanged. */
export function foldChar(ch: string): string | undefined {
  const direct = SINGLE[ch];
  if (direct !== undefined) return direct;
  const code = ch.codePointAt(0)!;
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48); // full-width digits
  if (code < 0x80) return ch === '\t' ? ' ' : undefined;
  if (SPACES.test(ch)) return ' ';
  if (INVISIBLE.test(ch)) return '';
  return undefined;
}

/**
 * The UTF-16 units (surrogates aside) `foldChar` does not keep: every other unit it returns
 * undefined for. What the normalizer's class table is built from, without calling `foldChar`
 * 63 000 times at start-up: its only non-keeping answers are the table, full-width digits, tab,
 * and what SPACES and INVISIBLE match, each found here by one search over all the units.
 */
export function foldedUnits(): number[] {
  const units = new Set<number>([...Object.keys(SINGLE)].map((k) => k.charCodeAt(0)));
  for (let c = 0xff10; c <= 0xff19; c++) units.add(c);
  units.add(0x09);
  let all = ''; // every unit, at its own index
  for (let c = 0; c < 0x10000; c += 0x1000) all += String.fromCharCode(...Array.from({ length: 0x1000 }, (_, i) => c + i));
  for (const re of [SPACES, INVISIBLE]) for (const m of all.matchAll(new RegExp(re.source, 'g'))) units.add(m.index);
  return [...units].filter((c) => (c < 0xd800 || c > 0xdfff) && foldChar(String.fromCharCode(c)) !== undefined);
}

/** Combining marks that attach to the previous letter (NFD input, Windows-1258 output). */
export function isCombiningMark(code: number): boolean {
  return code >= 0x0300 && code <= 0x036f;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '', ndash: '-', mdash: '-',
  hellip: '...', lsquo: "'", rsquo: "'", ldquo: '"', rdquo: '"', laquo: '"', raquo: '"',
  zwj: '', zwnj: '', lrm: '', rlm: '', thinsp: ' ', ensp: ' ', emsp: ' ', bull: '•', middot: '·', times: '×', deg: '°',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', egrave: 'è', eacute: 'é', ecirc: 'ê',
  igrave: 'ì', iacute: 'í', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ugrave: 'ù', uacute: 'ú',
  yacute: 'ý', Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Egrave: 'È', Eacute: 'É', Ecirc: 'Ê',
  Igrave: 'Ì', Iacute: 'Í', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ugrave: 'Ù', Uacute: 'Ú', Yacute: 'Ý',
};

const ENTITY = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/;

/** Decodes an HTML entity at the start of `s`; returns [text, length] or null. */
export function decodeEntityAt(s: string): [string, number] | null {
  const m = ENTITY.exec(s);
  if (!m) return null;
  if (m[1] || m[2]) {
    const code = m[1] ? Number(m[1]) : parseInt(m[2]!, 16);
    if (code <= 0 || code > 0x10ffff) return null;
    return [String.fromCodePoint(code), m[0].length];
  }
  const named = NAMED_ENTITIES[m[3]!];
  return named === undefined ? null : [named, m[0].length];
}
