/**
 * The chosen elements → text, with an explicit stack. Block elements become line breaks (so
 * sentences and `line` numbers behave as in a text file) and table cells are joined with ` | `
 * (a row reads `label | value`). Inside the content, what is not the article is left out: the
 * dropped boxes of `content.ts`, headlines, link lists and negatively marked boxes (Readability's
 * conditional cleaning), paragraphs that are mostly a link (`Xem thêm: <a>…</a>`).
 */
import type { ChildNode, Element } from 'domhandler';
import { isElement } from './tree.js';
import { BLOCK_TAGS, linkDensity, type Page } from './content.js';
import { classWeight } from './markers.js';

const CLEANED = new Set(['div', 'section', 'ul', 'ol', 'table', 'dl', 'center', 'article', 'main']);
const LINE_LIKE = new Set(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'blockquote']);

/** The text of the chosen elements; of the whole document when none was chosen (a fragment without `<body>`). */
export function pageText(page: Page, roots: number[], doc: { children: ChildNode[] }): string {
  const out: string[] = [];
  if (roots.length === 0) walk(page, { name: '', children: doc.children }, out);
  for (const r of roots) {
    out.push('\n');
    walk(page, page.tree.els[r]!, out);
    out.push('\n');
  }
  return out.join('').replace(/[ \t\u00a0]+\n/g, '\n').replace(/\n[ \t\u00a0]+/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

interface Frame {
  nodes: ChildNode[];
  next: number;
  cellSeen: boolean;
  /** Close this element's block when the frame ends. */
  block: boolean;
  inDataTable: boolean;
}

function walk(page: Page, root: { name: string; children: ChildNode[] }, out: string[]): void {
  const rootBlock = BLOCK_TAGS.has(root.name);
  const stack: Frame[] = [{ nodes: root.children, next: 0, cellSeen: false, block: rootBlock, inDataTable: root.name === 'table' && isDataTable(page, root as Element) }];
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    if (f.next >= f.nodes.length) {
      stack.pop();
      if (f.block) out.push('\n');
      continue;
    }
    const n = f.nodes[f.next++]!;
    if (n.type === 'text') {
      out.push(n.data.replace(/\s+/g, ' '));
      continue;
    }
    if (!isElement(n) || dropped(page, n, f.inDataTable)) continue;
    // Cells of a row stay apart (`Tỷ lệ hồ sơ trực tuyến | 61,2%`), not glued into one word.
    if (n.name === 'td' || n.name === 'th') {
      if (f.cellSeen) out.push(' | ');
      f.cellSeen = true;
    }
    const block = BLOCK_TAGS.has(n.name);
    if (block) out.push('\n');
    stack.push({ nodes: n.children, next: 0, cellSeen: false, block, inDataTable: f.inDataTable || (n.name === 'table' && isDataTable(page, n)) });
  }
}

function dropped(page: Page, e: Element, inDataTable: boolean): boolean {
  const i = page.tree.index.get(e)!;
  if (page.hard[i] || page.soft[i] || e.name === 'h1') return true;
  const s = page.stats;
  const density = linkDensity(s, i);
  if (LINE_LIKE.has(e.name)) return s.link[i]! > 0 && density > 0.5;
  if (!CLEANED.has(e.name) || inDataTable) return false;
  if (e.name === 'table' && isDataTable(page, e)) return false;
  const weight = classWeight(page.markers[i]!);
  if (weight < 0) return true;
  if (s.commas[i]! >= 10) return false;
  const img = s.img[i]!;
  if (img > 1 && s.p[i]! / img < 0.5) return true;
  if (s.text[i]! < 25 && s.link[i]! > 0 && (img === 0 || img > 2)) return true;
  return weight < 25 ? density > 0.2 : density > 0.5;
}

/** A table of data (header cells, or rows of several cells) is kept whole. */
function isDataTable(page: Page, e: Element): boolean {
  const i = page.tree.index.get(e)!;
  const s = page.stats;
  return s.th[i]! > 0 || (s.tr[i]! >= 2 && s.cell[i]! >= 2 * s.tr[i]!);
}
