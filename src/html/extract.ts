/**
 * HTML page → the article's text (lead and body) and its metadata. Parsed with htmlparser2 (a
 * real, forgiving HTML parser that decodes entities); where the article is on the page is
 * decided by a content scorer (`content.ts`), and the chosen elements are turned into text by
 * `text.ts`. Records' offsets refer to this extracted text (`--emit-text` writes it).
 */
import type { Element } from 'domhandler';
import { parseHtml } from './parse.js';
import { textContent } from './tree.js';
import { analyse, chooseContent } from './content.js';
import { pageText } from './text.js';

export interface HtmlArticle {
  text: string;
  title: string | null;
  published: string | null;
}

export function extractHtml(html: string): HtmlArticle {
  const doc = parseHtml(html);
  const page = analyse(doc.children);
  const meta = readMeta(page.tree.els);
  const { roots } = chooseContent(page, meta.description);
  const text = pageText(page, roots, doc);
  return { text, title: meta.ogTitle ?? meta.title ?? meta.headline, published: meta.published };
}

interface Meta {
  title: string | null;
  ogTitle: string | null;
  headline: string | null;
  description: string | null;
  published: string | null;
}

function readMeta(els: Element[]): Meta {
  const first = (pred: (e: Element) => boolean) => els.find(pred);
  const titleEl = first((e) => e.name === 'title');
  const title = titleEl ? textContent(titleEl).trim() || null : null;
  const h1 = first((e) => e.name === 'h1');
  const headline = h1 ? textContent(h1).replace(/\s+/g, ' ').trim() || null : null;
  const metaContent = (key: string) => first((e) => e.name === 'meta' && (e.attribs.property === key || e.attribs.name === key || e.attribs.itemprop === key))?.attribs.content?.trim() || null;
  const ogTitle = metaContent('og:title');
  const description = metaContent('og:description') ?? metaContent('description');
  const time = first((e) => e.name === 'time' && !!e.attribs.datetime)?.attribs.datetime ?? null;
  const publishedRaw = metaContent('article:published_time') ?? metaContent('datePublished') ?? metaContent('pubdate') ?? time;
  const m = publishedRaw ? /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedRaw) : null;
  return { title, ogTitle, headline, description, published: m ? `${m[1]}-${m[2]}-${m[3]}` : null };
}
