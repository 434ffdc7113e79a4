/** Accent-insensitive form (`Tỷ lệ hộ` → `Ty le ho`), length-preserving, for `fold: diacritics`. */
const cache = new Map<string, string>();

export function foldDiacritics(text: string): string {
  let out = '';
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    let f = cache.get(ch);
    if (f === undefined) {
      f = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      if (f.length !== ch.length) f = ch;
      cache.set(ch, f);
    }
    out += f;
  }
  return out;
}
