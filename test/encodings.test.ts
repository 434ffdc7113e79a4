/**
 * The seed articles in every shape scraped text arrives in: each variant must produce exactly
 * the records of the clean text, with `text === input.slice(start, end)` on the decoded input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ARTICLES_DIR, articleFiles, extract } from './helpers.js';
import { decodeBytes } from '../src/decode/decode.js';
import { decodeVni, encodeVni } from '../src/decode/vni.js';
import { isVietnameseSyllable } from '../src/decode/syllables.js';

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/;

/** Unicode → Windows-1258 bytes: base letters precomposed, tone marks as combining characters. */
function toWindows1258(text: string): Buffer {
  let out = '';
  for (const ch of text) {
    const parts = [...ch.normalize('NFD')];
    const tones = parts.filter((p) => TONES.test(p));
    out += parts.filter((p) => !TONES.test(p)).join('').normalize('NFC') + tones.join('');
  }
  return iconv.encode(out, 'windows1258');
}

/** `hòa` → `hoà`, `thủy` → `thuỷ`, `khỏe` → `khoẻ`: the other tone-mark style. */
function oldStyleTones(text: string): string {
  return text.replace(/([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])(?![\p{L}])/gu, '$1$3$2').normalize('NFC');
}

/** NBSP, zero-width spaces, soft hyphens inside words, CRLF line ends, Ð for Đ. */
function dirtyWhitespace(text: string): string {
  return text
    .replace(/ (?=\p{L})/gu, (m, off: number) => (off % 7 === 0 ? '\u00a0' : off % 11 === 0 ? ' \u200b' : m))
    .replace(/(\p{Ll}{3})(\p{Ll}{2,})/gu, (m, a: string, b: string) => (a.charCodeAt(0) % 3 === 0 ? `${a}\u00ad${b}` : m))
    .replace(/Đ/g, 'Ð')
    .replace(/\n/g, '\r\n');
}

const key = (r: { indicator: string | null; value: number; unit: string; denominator: number | null; qualifier: string; status: string }) =>
  `${r.indicator} ${r.value} ${r.unit} ${r.denominator} ${r.qualifier} ${r.status}`;

describe.each(articleFiles())('%s in every shape', (name) => {
  const clean = readFileSync(join(ARTICLES_DIR, name), 'utf8');
  const expected = extract(clean, name).records.map(key);

  const variants: [string, () => Buffer][] = [
    ['NFD', () => Buffer.from(clean.normalize('NFD'))],
    ['old-style tone marks', () => Buffer.from(oldStyleTones(clean))],
    ['NBSP, ZWSP, soft hyphens, CRLF and Ð', () => Buffer.from(dirtyWhitespace(clean))],
    ['UTF-16LE with BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(clean, 'utf16le')])],
    ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(clean)])],
    ['Windows-1258 bytes', () => toWindows1258(clean)],
    ['TCVN3 bytes', () => iconv.encode(clean, 'tcvn')],
    ['VNI bytes', () => iconv.encode(encodeVni(clean), 'windows-1252')],
    ['TCVN3 saved as Latin-1 text (mojibake)', () => Buffer.from(iconv.decode(iconv.encode(clean, 'tcvn'), 'windows-1252'))],
    ['VNI saved as Latin-1 text (mojibake)', () => Buffer.from(encodeVni(clean))],
  ];

  it.each(variants)('%s → the same records, spans exact', (_label, make) => {
    const decoded = decodeBytes(make(), 'auto').text;
    const { records } = extract(decoded, name);
    expect(records.map(key)).toEqual(expected);
    for (const r of records) expect(r.text).toBe(decoded.slice(r.start, r.end));
  });
});

describe('auto-detection names its guess', () => {
  const clean = readFileSync(join(ARTICLES_DIR, 'lang-son-kho-khan.txt'), 'utf8');
  it.each([
    ['windows-1258', toWindows1258(clean), /Windows-1258/],
    ['tcvn3', iconv.encode(clean, 'tcvn'), /TCVN3/],
    ['vni', iconv.encode(encodeVni(clean), 'windows-1252'), /VNI/],
  ])('%s', (encoding, bytes, warning) => {
    const d = decodeBytes(bytes, 'auto');
    expect(d.encoding).toBe(encoding);
    expect(d.warning).toMatch(warning);
  });
  it('clean UTF-8 is left alone, and so is valid Unicode that looks like VNI (`Hoà Bình`)', () => {
    expect(decodeBytes(Buffer.from(clean))).toEqual({ text: clean, encoding: 'utf-8' });
    expect(decodeBytes(Buffer.from('Tỉnh Hoà Bình')).text).toBe('Tỉnh Hoà Bình');
    expect(decodeBytes(Buffer.from('Hoà Bình')).text).toBe('Hoà Bình');
  });
  it('explicit encodings are honoured', () => {
    expect(decodeBytes(iconv.encode('Khắc phục', 'tcvn'), 'tcvn3').text).toBe('Khắc phục');
    expect(decodeBytes(Buffer.from('Kh¾c phôc', 'latin1'), 'tcvn3').text).toBe('Khắc phục');
  });
});

describe('the VNI table', () => {
  it.each([
    ['Khaéc phuïc khoù khaên', 'Khắc phục khó khăn'], ['Ñaék Noâng', 'Đắk Nông'], ['ngöôøi daân', 'người dân'],
    ['chuyeån ñoåi soá', 'chuyển đổi số'], ['tyû leä', 'tỷ lệ'], ['Vieät Nam', 'Việt Nam'], ['hoà sô', 'hồ sơ'], ['thò tröôøng', 'thị trường'],
  ])('%s → %s', (vni, unicode) => expect(decodeVni(vni)).toBe(unicode));
  it('round-trips every precomposed Vietnamese letter', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    const all = letters + letters.toUpperCase();
    expect(decodeVni(encodeVni(all))).toBe(all);
  });
});

describe('Vietnamese syllables', () => {
  it.each(['người', 'nghiêng', 'quốc', 'giữ', 'khuya', 'chuyển', 'đổi', 'số', 'hòa', 'hoà'])('%s is a syllable', (w) => expect(isVietnameseSyllable(w)).toBe(true));
  it.each(['Kh¾c', 'phôcc', 'xyz', 'Viettel', 'hàànn', 'tpc'])('%s is not', (w) => expect(isVietnameseSyllable(w)).toBe(false));
});
