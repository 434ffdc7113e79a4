/** Reads one input file (or stdin) into an Article, or explains why it cannot. */
import { readFileSync, statSync } from 'node:fs';
import { decodeBytes, looksBinary, type Encoding } from '../decode/decode.js';
import { describeFsError } from '../io/inputs.js';
import type { Article } from '../pipeline/extract.js';

export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export type ReadResult =
  | { ok: true; article: Article; warning?: string; encoding?: string }
  | { ok: false; message: string };

export function readArticle(path: string, encoding: Encoding, readStdin: () => Buffer): ReadResult {
  let bytes: Buffer;
  try {
    if (path === '-') bytes = readStdin();
    else {
      const st = statSync(path);
      if (st.isDirectory()) return { ok: false, message: 'is a directory, expected a file' };
      if (st.size > MAX_FILE_BYTES) return { ok: false, message: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; split it or use JSONL` };
      bytes = readFileSync(path);
    }
  } catch (e) {
    return { ok: false, message: describeFsError(e) };
  }
  const binary = looksBinary(bytes);
  if (binary) return { ok: false, message: `not a text file (looks like ${binary})` };
  try {
    const decoded = decodeBytes(bytes, encoding);
    return { ok: true, article: { source: path === '-' ? 'stdin' : path, text: decoded.text }, warning: decoded.warning, encoding: decoded.encoding };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}
