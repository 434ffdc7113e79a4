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
import iconv from 'iconv-lite';
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
    case 'utf16le': return { text: new TextDecoder('utf-16le').decode(buf), encoding };
    case 'utf16be': return { text: new TextDecoder('utf-16be').decode(buf), encoding };
    case 'windows-1258': return { text: new TextDecoder('windows-1258').decode(buf), encoding };
    case 'tcvn3': return { text: iconv.decode(buf, 'tcvn'), encoding };
    case 'vni': return { text: decodeVni(iconv.decode(buf, 'windows-1252')), encoding };
    case 'auto': return decodeAuto(buf);
  }
}

function decodeAuto(buf: Buffer): Decoded {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return withRepairs(utf8Strict(buf.subarray(3)) ?? utf8Lossy(buf.subarray(3)), 'utf-8 (BOM)');
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le (BOM)' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be (BOM)' };
  const strict = utf8Strict(buf);
  if (strict) return withRepairs(strict, 'utf-8');
  // Not UTF-8: which legacy encoding reads as Vietnamese?
  const candidates: Decoded[] = [
    { text: new TextDecoder('windows-1258').decode(buf), encoding: 'windows-1258' },
    { text: iconv.decode(buf, 'tcvn'), encoding: 'tcvn3' },
    { text: decodeVni(iconv.decode(buf, 'windows-1252')), encoding: 'vni' },
  ];
  const lossy = utf8Lossy(buf);
  const scored = candidates.map((c) => ({ c, score: vietnameseScore(c.text.normalize('NFC')) }));
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  if (best.score >= 0.5 && best.score > vietnameseScore(lossy.text) + 0.05) {
    return { text: best.c.text, encoding: best.c.encoding, warning: `not UTF-8; decoded as ${label(best.c.encoding)} (guessed: ${(best.score * 100).toFixed(0)}% of its words are Vietnamese syllables)` };
  }
  return lossy;
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
  const original = vietnameseScore(line.normalize('NFC'));
  const bytes = iconv.encode(line, 'windows-1252');
  const candidates = [
    { text: iconv.decode(bytes, 'tcvn'), encoding: 'tcvn3' },
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
export function looksBinary(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (head.startsWith('\x89PNG')) return 'a PNG image';
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('PK\x03\x04')) return 'a ZIP archive (or DOCX/XLSX)';
  if (head.startsWith('\xff\xd8\xff')) return 'a JPEG image';
  if (head.startsWith('GIF8')) return 'a GIF image';
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return null; // UTF-16 has NULs
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return 'binary data (NUL bytes)';
  return null;
}
