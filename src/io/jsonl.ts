/**
 * One JSONL line from a scraper → an article. Accepted fields: `text` or `html` (one is
 * required), optional `id`, `url`, `title`, `published`; anything else is ignored.
 * `source` is the id, else the url, else `file:line`.
 */
import { z } from 'zod';

const JsonlArticle = z.looseObject({
  text: z.string().optional().nullable(),
  html: z.string().optional().nullable(),
});

/** Optional fields: a wrongly typed one is ignored with a warning, never the whole article. */
const OPTIONAL = {
  id: z.union([z.string(), z.number()]),
  url: z.string(),
  title: z.string(),
  published: z.string(),
} as const;

export type JsonlParse =
  | { ok: true; source: string; text?: string; html?: string; title?: string | null; published?: string | null; warning?: string }
  | { ok: false; reason: string };

export function parseJsonlLine(line: string, fallbackSource: string): JsonlParse {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${(e as Error).message.replace(/^JSON\.parse: /, '').split('\n')[0]})` };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not a JSON object with text or html' };
  const parsed = JsonlArticle.safeParse(raw);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    return { ok: false, reason: `"${String(field)}" is not a string` };
  }
  const a = parsed.data;
  if (typeof a.text !== 'string' && typeof a.html !== 'string') return { ok: false, reason: 'has neither "text" nor "html"' };
  const obj = raw as Record<string, unknown>;
  const ignored: string[] = [];
  const opt = <K extends keyof typeof OPTIONAL>(k: K): z.infer<(typeof OPTIONAL)[K]> | null | undefined => {
    const v = obj[k];
    if (v === undefined || v === null) return v as null | undefined;
    const r = OPTIONAL[k].safeParse(v);
    if (r.success) return r.data as z.infer<(typeof OPTIONAL)[K]>;
    ignored.push(`"${k}" (${Array.isArray(v) ? 'array' : typeof v})`);
    return undefined;
  };
  let id = opt('id');
  // A numeric id beyond 2^53 lost digits in JSON.parse: take its digits from the line itself.
  if (typeof id === 'number' && !Number.isSafeInteger(id)) id = rawTopLevelNumber(line, 'id') ?? String(id);
  const url = opt('url');
  const title = opt('title');
  const published = opt('published');
  const source = id !== undefined && id !== null && id !== '' ? String(id) : url ? url : fallbackSource;
  return {
    ok: true, source,
    ...(typeof a.text === 'string' ? { text: a.text } : { html: a.html! }),
    ...(title !== undefined ? { title } : {}),
    ...(published !== undefined ? { published: normalizeDate(published) } : {}),
    ...(ignored.length ? { warning: `ignored ${ignored.join(', ')}: expected ${ignored.map((f) => (f.startsWith('"id"') ? 'a string or number' : 'a string')).filter((x, i, all) => all.indexOf(x) === i).join(' or ')}` } : {}),
  };
}

/**
 * The source text of a top-level number field (`{"id": 12345678901234567890, …}`), found by a
 * small scanner that skips strings and nested values. Null when absent or not a number.
 */
export function rawTopLevelNumber(line: string, key: string): string | null {
  let depth = 0;
  let i = 0;
  const n = line.length;
  const readString = (): string => {
    const start = i;
    i++;
    while (i < n && line[i] !== '"') i += line[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(line.slice(start, i)) as string;
    } catch {
      return '';
    }
  };
  while (i < n) {
    const c = line[i]!;
    if (c === '"') {
      const s = readString();
      if (depth === 1) {
        let j = i;
        while (j < n && /\s/.test(line[j]!)) j++;
        if (line[j] === ':' && s === key) {
          j++;
          while (j < n && /\s/.test(line[j]!)) j++;
          const m = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(line.slice(j, j + 400));
          return m ? m[0] : null;
        }
      }
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    i++;
  }
  return null;
}

/** `2024-11-19T16:35:00+07:00` → `2024-11-19`; anything unreadable → null. */
export function normalizeDate(s: string | null): string | null {
  if (!s) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = /(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(s);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return null;
}
