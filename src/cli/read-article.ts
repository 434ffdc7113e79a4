/** Reads one input file (or stdin) as a single text article, for the one-file commands. */
import { readWhole } from '../io/articles.js';
import type { Encoding } from '../decode/decode.js';
import type { Article } from '../pipeline/extract.js';

export type ReadResult =
  | { ok: true; article: Article; warning?: string; encoding?: string }
  | { ok: false; message: string };

export function readArticle(path: string, encoding: Encoding, readStdin: () => Buffer): ReadResult {
  const r = readWhole(path, { encoding, readStdin });
  if (!r.ok) return r;
  return { ok: true, article: { source: path === '-' ? 'stdin' : path, text: r.text }, warning: r.warning, encoding: r.encoding };
}
