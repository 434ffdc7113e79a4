/**
 * Bytes → text. Honors BOMs (UTF-8, UTF-16LE/BE); otherwise decodes UTF-8 and reports whether
 * bytes were invalid (replaced with U+FFFD) so the caller can warn once per file.
 */
export type Encoding = 'auto' | 'utf8' | 'utf16le' | 'utf16be' | 'windows-1258' | 'tcvn3' | 'vni';

export interface Decoded {
  text: string;
  encoding: string;
  /** Human-readable note when the decoder had to guess or replace bytes. */
  warning?: string;
}

export function decodeBytes(bytes: Uint8Array, encoding: Encoding = 'auto'): Decoded {
  if (encoding === 'auto') {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), 'utf-8 (BOM)');
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le (BOM)' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be (BOM)' };
    return utf8(bytes, 'utf-8');
  }
  if (encoding === 'utf8') return utf8(stripBom(bytes), 'utf-8');
  if (encoding === 'utf16le' || encoding === 'utf16be') {
    return { text: new TextDecoder(encoding === 'utf16le' ? 'utf-16le' : 'utf-16be').decode(bytes), encoding };
  }
  if (encoding === 'windows-1258') return { text: new TextDecoder('windows-1258').decode(bytes), encoding };
  throw new Error(`encoding ${encoding} is not supported yet`);
}

function stripBom(b: Uint8Array): Uint8Array {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
}

function utf8(bytes: Uint8Array, label: string): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: label };
  } catch {
    return {
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: label,
      warning: 'invalid UTF-8: undecodable bytes were replaced with U+FFFD',
    };
  }
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
  let nul = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul++;
  return nul > 0 ? 'binary data (NUL bytes)' : null;
}
