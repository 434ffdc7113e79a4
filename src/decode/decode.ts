/**
 * Bytes → text, repairing legacy Vietnamese encodings before anything else looks at the text.
 *
 *  - BOMs decide (UTF-8, UTF-16LE, UTF-16BE).
 *  - Bytes that are valid UTF-8 are UTF-8; but a block (a line: legacy fonts were applied per
 *    HTML element) made only of Latin-1/Windows-1252 characters may be TCVN3 or VNI text that
 *    was shown as Latin-1 and saved ("mojibake": `Kh¾c phôc`). Such a block is re-decoded when
 *    a candidate reads as clearly better Vietnamese (syllable score, `syllables.ts`).
 *  - Bytes that are not valid UTF-8 are decoded as Windows-1258, TCVN3 and VNI; the candidate
 *    that reads as Vietnamese best wins, and a warning names the guess. If none reads as
 *    Vietnamese, UTF-8 with replacement characters is used and the warning says so.
 * Windows-1258 comes from Node's TextDecoder (ICU), TCVN3 from iconv-lite; VNI is ours (vni.ts).
 */
import { isUtf8 } from 'node:buffer';
import { createRequire } from 'node:module';
import type Iconv from 'iconv-lite';

// Loaded on first use: only TCVN3 and VNI need it, so a UTF-8 run never loads it.
let iconvLib: typeof Iconv | undefined;
const iconv = () => (iconvLib ??= createRequire(import.meta.url)('iconv-lite') as typeof Iconv);
import { decodeVni } from './vni.js';
import { vietnameseScore } from './syllables.js';

export type Encoding = 'auto' | 'utf8' | 'utf16le' | 'utf16be' | 'windows-1258' | 'tcvn3' | 'vni';

export interface Decoded {
  text: string;
  encoding: string;
  /** Human-readable note when the decoder had to guess, repair or replace. */
  warning?: string;
}

/** A repair must beat the original block's score by this much. */
const REPAIR_MARGIN = 0.25;

export function decodeBytes(bytes: Uint8Array, encoding: Encoding = 'auto'): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encoding) {
    case 'utf8': return utf8Strict(stripUtf8Bom(buf)) ?? utf8Lossy(stripUtf8Bom(buf));
    case 'utf16le': return { text: new TextDecoder('utf-16le').decode(buf), encoding }; // strips a BOM
    case 'utf16be': return { text: new TextDecoder('utf-16be').decode(buf), encoding };
    case 'windows-1258': return { text: new TextDecoder('windows-1258').decode(buf), encoding };
    case 'tcvn3': return { text: iconv().decode(buf, 'tcvn'), encoding };
    case 'vni': return { text: decodeVni(iconv().decode(buf, 'windows-1252')), encoding };
    case 'auto': return decodeAuto(buf);
  }
}

function decodeAuto(buf: Buffer): Decoded {
  // UTF-32 first: its little-endian BOM begins like UTF-16LE's.
  if (buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) return { text: decodeUtf32(buf.subarray(4), true), encoding: 'utf-32le (BOM)' };
  if (buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff) return { text: decodeUtf32(buf.subarray(4), false), encoding: 'utf-32be (BOM)' };
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return withRepairs(utf8Strict(buf.subarray(3)) ?? utf8Lossy(buf.subarray(3)), 'utf-8 (BOM)');
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le (BOM)' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be (BOM)' };
  const utf16 = bomlessUtf16(buf);
  if (utf16) return { text: new TextDecoder(utf16).decode(buf), encoding: utf16, warning: `no byte-order mark; decoded as ${utf16.toUpperCase()} (guessed from its zero bytes)` };
  const strict = utf8Strict(buf);
  if (strict) return withRepairs(strict, 'utf-8');
  // Not UTF-8 throughout. An HTML page may say what it is.
  const declared = declaredCharset(buf);
  if (declared) {
    const d = { text: new TextDecoder(declared).decode(buf), encoding: declared, warning: `not UTF-8; decoded as ${label(declared)}, as its <meta charset> says` };
    // Pages in legacy fonts (.VnTime) declared Latin-1: their lines are repaired as usual.
    return declared === 'windows-1252' ? withRepairs(d, declared) : d;
  }
  // Lines that are valid UTF-8 stay UTF-8 (a page pasted together from two sources); the
  // others are decoded by the legacy encoding that reads as Vietnamese best over all of them.
  const lines = splitLines(buf);
  const bad = lines.filter((l) => !isUtf8(l));
  const badBytes = Buffer.concat(bad.flatMap((l) => [l, NL]));
  const candidates: { encoding: string; decode: (b: Buffer) => string }[] = [
    { encoding: 'windows-1258', decode: (b) => new TextDecoder('windows-1258').decode(b) },
    { encoding: 'tcvn3', decode: (b) => iconv().decode(b, 'tcvn') },
    { encoding: 'vni', decode: (b) => decodeVni(iconv().decode(b, 'windows-1252')) },
  ];
  const lossy = utf8Lossy(buf);
  const scored = candidates.map((c) => ({ c, score: vietnameseScore(c.decode(badBytes).normalize('NFC')) }));
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  if (best.score >= 0.5 && best.score > vietnameseScore(badBytes.toString('utf8')) + 0.05) {
    const mixed = bad.length < lines.length && lines.some((l) => isUtf8(l) && l.some((b) => b >= 0x80));
    const text = lines.map((l) => (isUtf8(l) ? l.toString('utf8') : best.c.decode(l))).join('\n');
    const why = `guessed: ${(best.score * 100).toFixed(0)}% of its words are Vietnamese syllables`;
    if (mixed) return { text, encoding: `utf-8 + ${best.c.encoding}`, warning: `${bad.length} line(s) not UTF-8; decoded as ${label(best.c.encoding)} (${why}), the other lines as UTF-8` };
    return { text, encoding: best.c.encoding, warning: `not UTF-8; decoded as ${label(best.c.encoding)} (${why})` };
  }
  return lossy;
}

const NL = Buffer.from('\n');

function splitLines(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let from = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, from)) {
    out.push(buf.subarray(from, i));
    from = i + 1;
  }
  out.push(buf.subarray(from));
  return out;
}

/** `<meta charset="windows-1258">` or `content="text/html; charset=…"` near the top, when it names a legacy encoding. */
function declaredCharset(buf: Buffer): string | null {
  const head = buf.subarray(0, 4096).toString('latin1');
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!m) return null;
  const name = m[1]!.toLowerCase();
  const known: Record<string, string> = {
    'windows-1258': 'windows-1258', 'cp1258': 'windows-1258', 'x-cp1258': 'windows-1258',
    'windows-1252': 'windows-1252', 'cp1252': 'windows-1252', 'iso-8859-1': 'windows-1252', 'latin1': 'windows-1252', 'us-ascii': 'windows-1252',
  };
  return known[name] ?? null;
}

/**
 * UTF-16 without a byte-order mark: text that is mostly ASCII (spaces, digits, punctuation,
 * unaccented letters) has a zero in every other byte. Requires an even length and zeros in at
 * least a fifth of one byte column and almost none in the other.
 */
function bomlessUtf16(buf: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(buf.length, 8192) & ~1;
  if (n < 4 || buf.length % 2 !== 0) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZeros++;
    if (buf[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  if (oddZeros >= half / 5 && evenZeros <= half / 50) return 'utf-16le';
  if (evenZeros >= half / 5 && oddZeros <= half / 50) return 'utf-16be';
  return null;
}

function decodeUtf32(buf: Buffer, le: boolean): string {
  let out = '';
  const parts: string[] = [];
  for (let i = 0; i + 3 < buf.length; i += 4) {
    const cp = le ? buf.readUInt32LE(i) : buf.readUInt32BE(i);
    out += cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd';
    if (out.length > 65536) {
      parts.push(out);
      out = '';
    }
  }
  if (buf.length % 4 !== 0) out += '\ufffd';
  parts.push(out);
  return parts.join('');
}

/** Valid UTF-8 text whose lines may be TCVN3/VNI shown as Latin-1: repaired line by line. */
function withRepairs(d: Decoded, encoding: string): Decoded {
  if (!/[\u00c0-\u00ff]/.test(d.text)) return { ...d, encoding };
  const repaired = new Map<string, number>();
  const lines = d.text.split('\n').map((line) => {
    const fixed = repairLine(line);
    if (fixed.encoding) repaired.set(fixed.encoding, (repaired.get(fixed.encoding) ?? 0) + 1);
    return fixed.text;
  });
  if (repaired.size === 0) return { ...d, encoding };
  const what = [...repaired].map(([e, n]) => `${n} line(s) of ${label(e)}`).join(', ');
  const warning = [d.warning, `repaired ${what} that had been saved as Latin-1 text`].filter(Boolean).join('; ');
  return { text: lines.join('\n'), encoding, warning };
}

const LATIN1_ONLY = /^[\u0000-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]*$/;

function repairLine(line: string): { text: string; encoding?: string } {
  if (!/[\u00c0-\u00ff]/.test(line) || !LATIN1_ONLY.test(line)) return { text: line };
  // Too little to judge: a lone `×` close button or `© 2024` is not mojibake. Legacy-font text
  // has at least two such characters and two words.
  if ((line.match(/[\u00a1-\u00ff]/g) ?? []).length < 2 || (line.match(/\p{L}+/gu) ?? []).length < 2) return { text: line };
  const original = vietnameseScore(line.normalize('NFC'));
  const bytes = iconv().encode(line, 'windows-1252');
  const candidates = [
    { text: iconv().decode(bytes, 'tcvn'), encoding: 'tcvn3' },
    { text: decodeVni(line), encoding: 'vni' },
  ];
  let best: { text: string; encoding?: string } = { text: line };
  let bestScore = original + REPAIR_MARGIN;
  for (const c of candidates) {
    const s = vietnameseScore(c.text.normalize('NFC'));
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}

function label(e: string): string {
  return e === 'tcvn3' ? 'TCVN3 (ABC)' : e === 'vni' ? 'VNI' : e === 'windows-1258' ? 'Windows-1258' : e;
}

function stripUtf8Bom(b: Buffer): Buffer {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
}

function utf8Strict(bytes: Buffer): Decoded | null {
  // Node's validator and decoder are SIMD-fast; a TextDecoder per call was not (every JSONL line).
  return isUtf8(bytes) ? { text: bytes.toString('utf8'), encoding: 'utf-8' } : null;
}

function utf8Lossy(bytes: Buffer): Decoded {
  return { text: bytes.toString('utf8'), encoding: 'utf-8', warning: 'invalid UTF-8: undecodable bytes were replaced with U+FFFD' };
}

/** A file that is not text at all (PNG, PDF, ZIP …): NUL bytes or a known magic number. */
export function looksBinary(bytes: Uint8Array, encoding: Encoding = 'auto'): string | null {
  if (encoding === 'utf16le' || encoding === 'utf16be') return null; // zero bytes are expected
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('\x89PNG')) return 'a PNG image';
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('PK\x03\x04')) return 'a ZIP archive (or DOCX/XLSX)';
  if (head.startsWith('\xff\xd8\xff')) return 'a JPEG image';
  if (head.startsWith('GIF8')) return 'a GIF image';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null; // UTF-16 has NULs
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return null; // UTF-32BE
  if (encoding === 'auto' && bomlessUtf16(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) return null;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'binary data (NUL bytes)';
  return null;
}
