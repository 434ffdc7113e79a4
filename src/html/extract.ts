/**
 * HTML page → the article's main text and its metadata. Parsed with htmlparser2 (a real,
 * forgiving HTML parser that decodes entities); the main content is the `<article>` (or the
 * content-like container) holding the most text, minus scripts, styles, navigation, share
 * buttons, comments and other boilerplate. Block elements become line breaks, so sentences and
 * `line` numbers behave as in a text file, and table cells are joined with ` | `; records'
 * offsets refer to this extracted text.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

export interface HtmlArticle {
  text: string;
  title: string | null;
  published: string | null;
}

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'iframe', 'svg', 'canvas', 'select', 'input', 'textarea', 'figure', 'figcaption']);
const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'tr', 'table', 'blockquote', 'pre', 'br', 'hr', 'dd', 'dt', 'dl', 'time', 'address']);
// Related-news boxes of Vietnamese news sites too (`tinlienquan`, `tin-khac`, `xem-them`, `list-news`):
// their headlines hold other articles' statistics.
const BOILERPLATE = /(?:^|[\s_-])(?:share|sharing|social|comment|comments|binh-luan|binhluan|related|relate|tin-lien-quan|tinlienquan|lien-quan|tin-khac|tinkhac|tin-cung-chuyen-muc|other-news|more-news|xem-them|xemthem|doc-them|docthem|read-more|readmore|list-news|menu|nav|navbar|breadcrumb|footer|header|sidebar|widget|advert|ads|banner|tags?|toolbar|print|rating|popup|cookie|subscribe|login|author-box)(?:$|[\s_-])/i;
const CONTENT = /(?:^|[\s_-])(?:article|content|detail|post|entry|story|body|main|news|noidung|chi-tiet|fck_detail)(?:$|[\s_-])/i;

export function extractHtml(html: string): HtmlArticle {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const meta = readMeta(doc.children);
  const root = pickMainContainer(doc.children) ?? findFirst(doc.children, (e) => e.name === 'body') ?? null;
  const parts: string[] = [];
  walk(root ? [root] : doc.children, parts);
  const text = parts.join('').replace(/[ \t\u00a0]+\n/g, '\n').replace(/\n[ \t\u00a0]+/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  const title = meta.ogTitle ?? meta.title;
  return { text, title, published: meta.published };
}

function isElement(n: ChildNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

function isBoilerplate(e: Element): boolean {
  if (SKIP_TAGS.has(e.name)) return true;
  const marker = `${e.attribs.class ?? ''} ${e.attribs.id ?? ''} ${e.attribs.role ?? ''}`;
  return BOILERPLATE.test(marker) && !CONTENT.test(e.attribs.id ?? '') || e.attribs['aria-hidden'] === 'true' || e.attribs.hidden !== undefined;
}

function walk(nodes: ChildNode[], out: string[]): void {
  let cellSeen = false;
  for (const n of nodes) {
    if (n.type === 'text') out.push(n.data.replace(/\s+/g, ' '));
    else if (isElement(n)) {
      if (isBoilerplate(n)) continue;
      // Cells of a row stay apart (`Tỷ lệ hồ sơ trực tuyến | 61,2%`), not glued into one word.
      if (n.name === 'td' || n.name === 'th') {
        if (cellSeen) out.push(' | ');
        cellSeen = true;
      }
      const block = BLOCK_TAGS.has(n.name);
      if (block) out.push('\n');
      walk(n.children, out);
      if (block) out.push('\n');
    }
  }
}

function textLength(nodes: ChildNode[]): number {
  let n = 0;
  for (const c of nodes) {
    if (c.type === 'text') n += c.data.trim().length;
    else if (isElement(c) && !isBoilerplate(c)) n += textLength(c.children);
  }
  return n;
}

/** The `<article>` or content-like container with the most text (readability, minus the magic). */
function pickMainContainer(nodes: ChildNode[]): Element | null {
  const candidates: Element[] = [];
  const visit = (list: ChildNode[]) => {
    for (const n of list) {
      if (!isElement(n) || SKIP_TAGS.has(n.name)) continue;
      const marker = `${n.attribs.class ?? ''} ${n.attribs.id ?? ''} ${n.attribs.itemprop ?? ''}`;
      if (n.name === 'article' || n.name === 'main' || (CONTENT.test(marker) && !BOILERPLATE.test(marker))) candidates.push(n);
      visit(n.children);
    }
  };
  visit(nodes);
  let best: Element | null = null;
  let bestLen = 200; // a container must hold real text to win over <body>
  for (const c of candidates) {
    const len = textLength(c.children);
    if (len > bestLen) {
      best = c;
      bestLen = len;
    }
  }
  return best;
}

function findFirst(nodes: ChildNode[], pred: (e: Element) => boolean): Element | undefined {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (pred(n)) return n;
    const hit = findFirst(n.children, pred);
    if (hit) return hit;
  }
  return undefined;
}

function readMeta(nodes: ChildNode[]): { title: string | null; ogTitle: string | null; published: string | null } {
  const titleEl = findFirst(nodes, (e) => e.name === 'title');
  const title = titleEl ? textOf(titleEl).trim() || null : null;
  const metaContent = (key: string) => findFirst(nodes, (e) => e.name === 'meta' && (e.attribs.property === key || e.attribs.name === key || e.attribs.itemprop === key))?.attribs.content?.trim() || null;
  const ogTitle = metaContent('og:title');
  const time = findFirst(nodes, (e) => e.name === 'time' && !!e.attribs.datetime)?.attribs.datetime ?? null;
  const publishedRaw = metaContent('article:published_time') ?? metaContent('datePublished') ?? metaContent('pubdate') ?? time;
  const m = publishedRaw ? /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedRaw) : null;
  return { title, ogTitle, published: m ? `${m[1]}-${m[2]}-${m[3]}` : null };
}

function textOf(e: Element): string {
  return e.children.map((c) => (c.type === 'text' ? c.data : isElement(c) ? textOf(c) : '')).join('');
}
