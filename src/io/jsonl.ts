/**
 * One JSONL line from a scraper → an article. Accepted fields: `text` or `html` (one is
 * required), optional `id`, `url`, `title`, `published`; anything else is ignored.
 * `source` is the id, else the url, else `file:line`.
 */
import { z } from 'zod';

const JsonlArticle = z.looseObject({
  id: z.union([z.string(), z.number()]).optional().nullable(),
  url: z.string().optional().nullable(),
  title: z.string().optional().nullable(),
  published: z.string().optional().nullable(),
  text: z.string().optional().nullable(),
  html: z.string().optional().nullable(),
});

export type JsonlParse =
  | { ok: true; source: string; text?: string; html?: string; title?: string | null; published?: string | null }
  | { ok: false; reason: string };

export function parseJsonlLine(line: string, fallbackSource: string): JsonlParse {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${(e as Error).message.replace(/^JSON\.parse: /, '').split('\n')[0]})` };
  }
  const parsed = JsonlArticle.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'not a JSON object with text or html' };
  const a = parsed.data;
  if (typeof a.text !== 'string' && typeof a.html !== 'string') return { ok: false, reason: 'has neither "text" nor "html"' };
  const source = a.id !== undefined && a.id !== null && a.id !== '' ? String(a.id) : a.url ? a.url : fallbackSource;
  return {
    ok: true, source,
    ...(typeof a.text === 'string' ? { text: a.text } : { html: a.html! }),
    ...(a.title !== undefined ? { title: a.title } : {}),
    ...(a.published !== undefined ? { published: normalizeDate(a.published) } : {}),
  };
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
