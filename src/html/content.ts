/**
 * Where the article is on a page: a content scorer in the manner of Mozilla's Readability, on the
 * flattened tree (`tree.ts`), with Vietnamese class words and box titles, plus the lead.
 *
 * 1. Drop what is never the article: scripts, navigation, hidden elements, boxes whose class says
 *    so (`qc`, `tin-lien-quan`, `relation`, `binh-luan` …) or whose first words are a box title
 *    (`Tin liên quan`, `Đọc nhiều` …), images with their captions.
 * 2. Score every paragraph (length, commas) into its parent, half into the grandparent, less
 *    further up; a container's score starts from its tag and class weight and is scaled by its
 *    share of text that is not links. The best container is the body; siblings that score nearly
 *    as well, or are plain paragraphs, join it.
 * 3. The lead (sapo) often sits outside the body, between the headline and it: a block marked as
 *    a lead (`sapo`, `description`, `summary` …), or repeating the page's description, or the
 *    first sentence-like block after the headline.
 * Then `text.ts` walks what was chosen, dropping link-heavy and negatively marked boxes inside.
 */
import type { Element } from 'domhandler';
import { buildTree, textContent, type Tree } from './tree.js';
import { classWeight, isBoxTitle, isCaptionMarker, isLeadMarker, isUnlikely, markerOf, type Marker } from './markers.js';

/** Never content; `header` is dropped from the body but searched for the lead. */
const HARD_SKIP = new Set(['script', 'style', 'noscript', 'template', 'nav', 'footer', 'aside', 'form', 'button', 'iframe', 'svg', 'canvas', 'select', 'input', 'textarea', 'figure', 'figcaption', 'object', 'embed', 'video', 'audio', 'map', 'dialog', 'head', 'title', 'meta', 'link']);
/** Elements that become line breaks in the text. */
export const BLOCK_TAGS = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'tr', 'table', 'blockquote', 'pre', 'br', 'hr', 'dd', 'dt', 'dl', 'time', 'address', 'header', 'center']);
/** Children that make an element a container rather than a paragraph. */
const STRUCTURE = new Set([...BLOCK_TAGS, 'tbody', 'thead', 'tfoot', 'td', 'th'].filter((t) => t !== 'br' && t !== 'hr' && t !== 'time'));
const MEDIA = new Set(['img', 'picture', 'video', 'iframe', 'svg', 'canvas']);

export interface Stats {
  /** Characters of text under the element (text nodes trimmed), dropped subtrees excluded. */
  text: Int32Array;
  link: Int32Array;
  /** Commas followed by a space: punctuation, not the decimal comma of `62,87`. */
  commas: Int32Array;
  p: Int32Array;
  img: Int32Array;
  li: Int32Array;
  br: Int32Array;
  tr: Int32Array;
  cell: Int32Array;
  th: Int32Array;
  /** Text, commas and `br`s of the element's own inline content (its text outside block children). */
  inline: Int32Array;
  inlineCommas: Int32Array;
  inlineBr: Int32Array;
  /** Text inside `em`/`i`: a caption set in italics. */
  italic: Int32Array;
  /** Whether a block (other than `br`/`hr`) is inside: a container, not a paragraph. */
  blockChild: Uint8Array;
}

export interface Page {
  tree: Tree;
  markers: (Marker | null)[];
  /** Dropped everywhere: tags that are never text, hidden elements. */
  hard: Uint8Array;
  /** Inside a hard-dropped element (other than `header`). */
  hardIn: Uint8Array;
  /** Dropped from the content: unlikely boxes, box titles, captions (also `header`). */
  soft: Uint8Array;
  /** Stats with both masks: what a subtree holds once its dropped boxes are gone. */
  stats: Stats;
}

export function analyse(roots: Parameters<typeof buildTree>[0]): Page {
  const tree = buildTree(roots);
  const n = tree.els.length;
  const markers = tree.els.map(markerOf);
  const hard = new Uint8Array(n);
  tree.els.forEach((e, i) => {
    if (HARD_SKIP.has(e.name) || e.attribs.hidden !== undefined || e.attribs['aria-hidden'] === 'true' || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(e.attribs.style ?? '')) hard[i] = 1;
  });
  const raw = computeStats(tree, hard);
  const short = shortTexts(tree, raw, hard);
  const soft = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (hard[i]) continue;
    const e = tree.els[i]!;
    if (e.name === 'header' || isUnlikely(markers[i]!) || isTitledBox(tree, i, raw, short) || isCaption(tree, i, markers[i]!, raw)) soft[i] = 1;
  }
  const both = new Uint8Array(n);
  for (let i = 0; i < n; i++) both[i] = hard[i]! | soft[i]!;
  const hardIn = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = tree.parent[i]!;
    hardIn[i] = (p >= 0 && hardIn[p]) || (hard[i] && tree.els[i]!.name !== 'header') ? 1 : 0;
  }
  return { tree, markers, hard, hardIn, soft, stats: computeStats(tree, both) };
}

/** Bottom-up sums over the array (children come after their parent), skipping dropped subtrees. */
export function computeStats(tree: Tree, drop: Uint8Array): Stats {
  const n = tree.els.length;
  const s: Stats = {
    text: new Int32Array(n), link: new Int32Array(n), commas: new Int32Array(n), p: new Int32Array(n), img: new Int32Array(n),
    li: new Int32Array(n), br: new Int32Array(n), tr: new Int32Array(n), cell: new Int32Array(n), th: new Int32Array(n),
    inline: new Int32Array(n), inlineCommas: new Int32Array(n), inlineBr: new Int32Array(n), italic: new Int32Array(n), blockChild: new Uint8Array(n),
  };
  const add = (a: Int32Array, i: number, v: number) => (a[i] = a[i]! + v);
  for (let i = n - 1; i >= 0; i--) {
    const e = tree.els[i]!;
    // A dropped element's own text is never counted (a page's scripts are most of its bytes).
    if (!drop[i]) for (const c of e.children) {
      if (c.type !== 'text') continue;
      const t = c.data.trim();
      if (!t) continue;
      add(s.text, i, t.length);
      add(s.commas, i, t.split(/[,،] /).length - 1);
      add(s.inline, i, t.length);
      add(s.inlineCommas, i, t.split(/[,،] /).length - 1);
    }
    if (e.name === 'a') s.link[i] = s.text[i]!;
    if (e.name === 'em' || e.name === 'i') s.italic[i] = s.text[i]!;
    if (e.name === 'p') add(s.p, i, 1);
    else if (MEDIA.has(e.name)) add(s.img, i, 1);
    else if (e.name === 'li') add(s.li, i, 1);
    else if (e.name === 'br') add(s.br, i, 1);
    else if (e.name === 'tr') add(s.tr, i, 1);
    else if (e.name === 'td') add(s.cell, i, 1);
    else if (e.name === 'th') {
      add(s.cell, i, 1);
      add(s.th, i, 1);
    }
    const p = tree.parent[i]!;
    if (p < 0 || drop[i]) continue;
    for (const a of [s.text, s.link, s.commas, s.p, s.img, s.li, s.br, s.tr, s.cell, s.th, s.italic]) add(a, p, a[i]!);
    // A block anywhere inside (also under an inline element: `<span><div>…`) makes a container.
    if (STRUCTURE.has(e.name) || s.blockChild[i]) s.blockChild[p] = 1;
    else if (e.name === 'br') add(s.inlineBr, p, 1);
    else {
      add(s.inline, p, s.text[i]!);
      add(s.inlineCommas, p, s.commas[i]!);
    }
  }
  return s;
}

export function linkDensity(s: Stats, i: number): number {
  const t = s.text[i]!;
  return t ? s.link[i]! / t : 0;
}

/**
 * A box whose first child is only a box title (`<div><h3>Tin liên quan</h3><ul>…`), or whose text
 * starts with one (`Xem thêm: <a>…`). `short` holds the text of elements with at most 40
 * characters, built bottom-up, so no subtree is read twice.
 */
function isTitledBox(tree: Tree, i: number, s: Stats, short: (string | undefined)[]): boolean {
  const e = tree.els[i]!;
  for (const c of e.children) {
    if (c.type === 'text') {
      const t = c.data.trim();
      if (!t) continue;
      return isBoxTitle(t) || (/^[^:]{2,40}:/.test(t) && isBoxTitle(t.slice(0, t.indexOf(':'))) && s.link[i]! > 0);
    }
    const j = tree.index.get(c as Element);
    if (j === undefined || s.text[j] === 0) continue;
    const t = short[j];
    return t !== undefined && isBoxTitle(t);
  }
  return false;
}

/** The text of every element holding at most 40 characters (children first: the array is in document order). */
function shortTexts(tree: Tree, s: Stats, hard: Uint8Array): (string | undefined)[] {
  const out: (string | undefined)[] = new Array(tree.els.length);
  for (let i = tree.els.length - 1; i >= 0; i--) {
    if (s.text[i]! > 40) continue;
    let t = '';
    for (const c of tree.els[i]!.children) {
      if (c.type === 'text') t += c.data;
      else {
        const j = tree.index.get(c as Element);
        if (j !== undefined && !hard[j]) t += out[j] ?? '';
      }
      if (t.length > 400) break; // whitespace only can make it long
    }
    out[i] = t;
  }
  return out;
}

/**
 * An image with its caption: a caption-marked element, or a table/div/section holding an image
 * and at most one short paragraph of text and no list (a fact box with an icon has items).
 */
function isCaption(tree: Tree, i: number, m: Marker | null, s: Stats): boolean {
  const e = tree.els[i]!;
  const text = s.text[i]!;
  if (isCaptionMarker(m) && text < 400 && s.p[i]! <= 2 && s.li[i] === 0) return true;
  if ((e.name === 'table' || e.name === 'div' || e.name === 'section' || e.name === 'center') && s.img[i]! > 0 && text < 300 && s.p[i]! <= 1 && s.li[i] === 0) return true;
  // `<p><img></p><p style="text-align:center"><em>caption</em></p>`: a short italic or centred block right after an image alone.
  if ((e.name === 'p' || e.name === 'div') && text > 0 && text < 300 && s.img[i] === 0 && (s.italic[i]! >= 0.9 * text || /text-align\s*:\s*center/i.test(e.attribs.style ?? '') || e.attribs.align === 'center')) {
    let prev = e.prev;
    while (prev && prev.type === 'text' && !prev.data.trim()) prev = prev.prev;
    const j = prev && prev.type === 'tag' ? tree.index.get(prev as Element) : undefined;
    if (j !== undefined && s.img[j]! > 0 && s.text[j] === 0) return true;
  }
  return false;
}

export interface Choice {
  /** Elements whose text is the article, in document order: the lead (if outside the body), the body and its joined siblings. */
  roots: number[];
}

/** The article's elements: a scored body, its siblings, and the lead. */
export function chooseContent(page: Page, description: string | null): Choice {
  let body = pickBody(page, true);
  // Readability's retry: a page whose article wears an unlikely class (a column named `comments-area`).
  if (body.length === 0 || totalText(page, body) < 200) {
    const again = pickBody(page, false);
    if (totalText(page, again) > totalText(page, body)) body = again;
  }
  if (body.length === 0) {
    const top = page.tree.els.findIndex((e) => e.name === 'body');
    return { roots: [top >= 0 ? top : -1].filter((i) => i >= 0) };
  }
  const lead = findLead(page, body[0]!, description);
  return { roots: lead >= 0 ? [lead, ...body] : body };
}

function totalText(page: Page, roots: number[]): number {
  return roots.reduce((a, i) => a + page.stats.text[i]!, 0);
}

function pickBody(page: Page, stripUnlikely: boolean): number[] {
  const { tree, hard, soft } = page;
  const n = tree.els.length;
  const drop = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = tree.parent[i]!;
    drop[i] = (p >= 0 && drop[p]) || hard[i] || (stripUnlikely && soft[i]) ? 1 : 0;
  }
  const s = stripUnlikely ? page.stats : computeStats(tree, hard);
  const score = new Float64Array(n);
  const seen = new Uint8Array(n);
  const touch = (i: number) => {
    if (seen[i]) return;
    seen[i] = 1;
    score[i] = baseScore(tree.els[i]!) + classWeight(page.markers[i]!);
  };
  for (let i = 0; i < n; i++) {
    if (drop[i]) continue;
    const e = tree.els[i]!;
    const paragraph = e.name === 'p' || e.name === 'pre' || ((e.name === 'td' || e.name === 'div' || e.name === 'section' || e.name === 'article' || e.name === 'center') && !s.blockChild[i]);
    // Text written straight into a container, between its blocks (`<div>text<br><br>text<table>…`), is
    // its own paragraphs, as Readability wraps such runs in <p>.
    const loose = !paragraph && s.blockChild[i] === 1 && s.inline[i]! >= 25 && e.name !== 'p' && !/^(?:li|h[1-6]|a|span|strong|b|em|i)$/.test(e.name);
    if (!paragraph && !loose) continue;
    const text = paragraph ? s.text[i]! : s.inline[i]!;
    if (text < 25 || (paragraph && text <= 400 && !wordy(e))) continue;
    const segments = (paragraph ? s.br[i]! : s.inlineBr[i]!) + 1;
    const points = 1 + (paragraph ? s.commas[i]! : s.inlineCommas[i]!) + Math.min(Math.floor(text / 100), 3 * segments) + Math.min(segments - 1, 20);
    // A block of `<br>`-separated paragraphs (old layouts) is a body itself; a paragraph scores its parent.
    let a = loose || (segments >= 3 && e.name !== 'p') ? i : tree.parent[i]!;
    for (let level = 0; a >= 0 && level < 5; level++, a = tree.parent[a]!) {
      if (tree.els[a]!.name === 'body' || tree.els[a]!.name === 'html') break;
      touch(a);
      score[a] = score[a]! + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
    }
  }
  let top = -1;
  let best = 0;
  for (let i = 0; i < n; i++) {
    if (!seen[i]) continue;
    score[i] = score[i]! * (1 - linkDensity(s, i));
    if (score[i]! > best) {
      best = score[i]!;
      top = i;
    }
  }
  if (top < 0) return [];
  return joinSiblings(page, s, drop, score, seen, top);
}

/** Words more than digits and signs: a dateline (`Thứ Năm, 12/03/2015 06:30`) or a ticker is not a paragraph. */
function wordy(e: Element): boolean {
  const t = textContent(e);
  const letters = t.match(/\p{L}/gu)?.length ?? 0;
  const others = t.match(/[^\p{L}\s]/gu)?.length ?? 0;
  return letters >= 2 * others;
}

function baseScore(e: Element): number {
  switch (e.name) {
    case 'div': case 'article': case 'main': case 'section': return 5;
    case 'pre': case 'td': case 'blockquote': return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form': return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th': return -5;
    default: return 0;
  }
}

/** Siblings of the body that score nearly as well (a body split around an ad) or are plain paragraphs. */
function joinSiblings(page: Page, s: Stats, drop: Uint8Array, score: Float64Array, seen: Uint8Array, top: number): number[] {
  const { tree } = page;
  const parent = tree.parent[top]!;
  if (parent < 0) return [top];
  const threshold = Math.max(10, score[top]! * 0.2);
  const topClass = tree.els[top]!.attribs.class ?? '';
  const out: number[] = [];
  for (let j = parent + 1; j < tree.end[parent]!; j = tree.end[j]!) {
    if (j === top) {
      out.push(j);
      continue;
    }
    if (drop[j] || s.text[j] === 0) continue;
    const e = tree.els[j]!;
    const density = linkDensity(s, j);
    if (density >= 0.25 || e.name === 'h1') continue;
    const bonus = topClass && e.attribs.class === topClass ? score[top]! * 0.2 : 0;
    if (seen[j] && score[j]! + bonus >= threshold) out.push(j);
    else if ((e.name === 'p' || !s.blockChild[j]) && s.text[j]! >= 80 && density < 0.25 && !/^h[1-6]$/.test(e.name)) out.push(j);
  }
  return out;
}

/**
 * The lead: searched from the last headline (`h1`) before the body up to it — or, without a
 * headline, among the body's near relatives before it; else in a dropped header inside the body
 * (`<article><header><h1/><p class="sapo"/></header>…`), which the walk would leave out.
 */
function findLead(page: Page, bodyStart: number, description: string | null): number {
  const { tree } = page;
  let from = -1;
  for (let i = bodyStart - 1; i >= 0; i--) {
    if (tree.els[i]!.name === 'h1' && tree.end[i]! <= bodyStart && !page.hardIn[i]) {
      from = tree.end[i]!;
      break;
    }
  }
  const headline = from >= 0;
  if (!headline) {
    let a = bodyStart;
    for (let k = 0; k < 3 && tree.parent[a]! >= 0; k++) a = tree.parent[a]!;
    from = a + 1;
  }
  const before = searchLead(page, from, bodyStart, headline, description);
  if (before >= 0) return before;
  for (let h = bodyStart + 1; h < tree.end[bodyStart]!; h++) {
    if (tree.els[h]!.name !== 'h1' || page.hardIn[h]) continue;
    let box = -1;
    for (let a = tree.parent[h]!; a > bodyStart; a = tree.parent[a]!) if (page.soft[a]) box = a;
    return box >= 0 ? searchLead(page, tree.end[h]!, tree.end[box]!, true, description) : -1;
  }
  return -1;
}

/** A lead-marked block wins, then one repeating the page description, then the first sentence-like block after the headline. */
function searchLead(page: Page, from: number, until: number, headline: boolean, description: string | null): number {
  const { tree, hard, stats: s, markers } = page;
  const desc = description ? fold(description).replace(/^\([^)]{1,40}\)\s*[-–—:]?\s*/, '').slice(0, 60) : '';
  let firstBlock = -1;
  for (let i = from; i < until; i++) {
    if (tree.end[i]! > until) continue; // an ancestor of the body
    const e = tree.els[i]!;
    if (hard[i] && e.name !== 'header') {
      i = tree.end[i]! - 1;
      continue;
    }
    if (e.name === 'header' || s.text[i]! < 40 || linkDensity(s, i) >= 0.3) continue;
    if (isUnlikely(markers[i]!) && !/header|head/.test(markers[i]!.squeezed)) {
      i = tree.end[i]! - 1;
      continue;
    }
    if (page.soft[i] && !isUnlikely(markers[i]!)) {
      i = tree.end[i]! - 1; // a caption or a titled box
      continue;
    }
    if (isLeadMarker(markers[i]!)) return i;
    if (s.blockChild[i]) continue;
    // A block of text: compared with the description once, its inside never looked at again.
    const text = desc.length >= 30 ? fold(textContent(e)) : '';
    if (text && (text.includes(desc) || fold(description!).includes(text.slice(0, 60)))) return i;
    if (firstBlock < 0) firstBlock = i;
    i = tree.end[i]! - 1;
  }
  if (!headline || firstBlock < 0) return -1;
  const e = tree.els[firstBlock]!;
  const text = textContent(e).trim();
  // Sentence-like, not a byline, date or caption: a sapo set as a subheading (`<h2>` under the
  // headline) of 50 characters, or a paragraph of 80 that ends as a sentence ends.
  if (/^h[2-6]$/.test(e.name)) return text.length >= 50 ? firstBlock : -1;
  if (text.length < 80) return -1;
  return /[.!?…:"”»)]$/.test(text) && (e.name === 'p' || e.name === 'div') ? firstBlock : -1;
}

function fold(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}
