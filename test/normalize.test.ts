import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildClassTable, normalizeText, toOriginal } from '../src/normalize/normalize.js';
import { foldChar } from '../src/normalize/fold.js';
import { canonicalTone } from '../src/normalize/tone.js';

describe('canonical tone placement', () => {
  it.each([
    ['hoà', 'hòa'], ['thuỷ', 'thủy'], ['khoẻ', 'khỏe'], ['hoá', 'hóa'], ['lựơng', 'lượng'], ['nghịêm', 'nghiệm'],
    ['baỏ', 'bảo'], ['Hoà', 'Hòa'], ['quý', 'quý'], ['già', 'già'], ['hoàng', 'hoàng'], ['toán', 'toán'], ['người', 'người'],
    ['ngoài', 'ngoài'], ['uỷ', 'ủy'], ['của', 'của'], ['nghĩa', 'nghĩa'], ['giữ', 'giữ'], ['khuyến', 'khuyến'],
  ])('%s → %s', (from, to) => expect(canonicalTone(from)).toBe(to));
});

describe('normalizeText', () => {
  it('repairs the underthesea example', () => {
    expect(normalizeText('Ðảm baỏ chất lựơng phòng thí nghịêm hoá học').text).toBe('Đảm bảo chất lượng phòng thí nghiệm hóa học');
  });
  it('composes NFD, folds spaces, drops invisible characters', () => {
    const nfd = 'Tỷ lệ\u00a0\u00a0hộ\u200b gia\u00adđình'.normalize('NFD');
    expect(normalizeText(nfd).text).toBe('Tỷ lệ hộ giađình');
  });
  it('folds CRLF, dashes, quotes, ellipsis, full-width digits and entities', () => {
    expect(normalizeText('a\r\nb – “c” …１２&nbsp;&amp;').text).toBe('a\nb - "c" ...12 &');
  });
  it('maps every normalized span back to the original text', () => {
    const input = 'Ðắk Nông:\r\n  58/71 tổ&nbsp;công nghệ'.normalize('NFD');
    const n = normalizeText(input);
    const at = n.text.indexOf('58/71');
    const [s, e] = toOriginal(n, at, at + 5);
    expect(input.slice(s, e)).toBe('58/71');
  });

  it('property: offsets are monotone, inside the input, and plain text round-trips', () => {
    const vietnamese = fc.constantFrom(...'aàáảãạăằắẳẵặâầấẩẫậđĐÐeèéẻẽẹêềếểễệoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ'.split(''));
    const noise = fc.constantFrom(' ', '\u00a0', '\u200b', '\u00ad', '\r\n', '\n', '–', '…', '5', ',', '.', '%', '/', '&amp;', '\u0301', '\u0323');
    fc.assert(
      fc.property(fc.array(fc.oneof(vietnamese, noise, fc.string({ maxLength: 3 })), { maxLength: 60 }), (parts) => {
        const input = parts.join('');
        const n = normalizeText(input);
        expect(n.starts.length).toBe(n.text.length);
        for (let i = 0; i < n.text.length; i++) {
          expect(n.starts[i]!).toBeLessThan(n.ends[i]! + 1);
          expect(n.ends[i]!).toBeLessThanOrEqual(input.length);
          if (i > 0) expect(n.starts[i]!).toBeGreaterThanOrEqual(n.starts[i - 1]!);
        }
        for (let i = 0; i < n.text.length; i++) {
          const [s, e] = toOriginal(n, i, i + 1);
          expect(s).toBeLessThanOrEqual(e);
          expect(e).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the normalizer’s class table', () => {
  it('is what a foldChar per UTF-16 unit gives', () => {
    // The plain form it replaces (65 536 calls of foldChar at start-up).
    const plain = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) {
      if (c === 0x20) plain[c] = 1;
      else if (c === 0x26 || c === 0x0d || (c >= 0x300 && c <= 0x36f) || (c >= 0xd800 && c <= 0xdfff)) plain[c] = 2;
      else if (c >= 0x80 || c === 0x09) {
        const f = foldChar(String.fromCharCode(c));
        plain[c] = f === undefined ? 0 : f === ' ' ? 1 : 2;
      }
    }
    expect(Buffer.from(buildClassTable()).equals(Buffer.from(plain))).toBe(true);
  });
});
