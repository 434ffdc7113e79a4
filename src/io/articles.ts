/**
 * Inputs → articles, streamed. Text files (`.txt`, `.md`) are one article each; JSONL files
 * (`.jsonl`) one article per line, read line by line so memory stays flat on any file size;
 * HTML pages (`.html`, `.htm`) go through the main-content extractor. Every problem becomes an
 * event naming the file (and line) — the caller reports it and the run goes on.
 */
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { decodeBytes, looksBinary, type Encoding } from '../decode/decode.js';
import { extractHtml } from '../html/extract.js';
import { describeFsError } from './inputs.js';
import { parseJsonlLine } from './jsonl.js';
import { readLines } from './lines.js';
import type { Article } from '../pipeline/extract.js';
import { LIMITS } from './limits.js';

export { LIMITS };

export type InputFormat = 'auto' | 'text' | 'jsonl' | 'html';

/** File extensions read when a folder is given. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.jsonl', '.ndjson', '.html', '.htm'];

/** What reading yields when JSONL lines are parsed on the spot. */
export type ParsedEvent =
  | ArticleEvent
  | { kind: 'skip'; where: string; message: string }
  | { kind: 'warning'; where: string; message: string };

/** With `deferParsing`, JSONL lines and HTML pages come unparsed: workers turn them into articles. */
export type InputEvent = ParsedEvent | JsonlLineEvent | HtmlPageEvent;
export type JsonlLineEvent = { kind: 'jsonl-line'; name: string; number: number; bytes: Buffer };
export type HtmlPageEvent = { kind: 'html-page'; origin: string; bytes: number; html: string; warning?: string };

export type ArticleEvent = {
  kind: 'article'; article: Article; origin: string; bytes: number; warning?: string;
  /** A JSONL line's repaired UTF-8 (the caller reports it once per file). */
  decodeWarning?: string;
};

export interface ReadOptions {
  /** Yield JSONL lines and HTML pages unparsed, so that parsing happens where extraction does. */
  deferParsing?: boolean;
  encoding: Encoding;
  inputFormat: InputFormat;
  readStdin: () => Buffer;
  stdinStream?: () => AsyncIterable<Buffer>;
  /** The bytes of a path whose name is not valid UTF-8 (from `expandInputs(...).raw`). */
  rawPath?: (path: string) => Buffer | undefined;
}

export function formatOf(path: string, requested: InputFormat): Exclude<InputFormat, 'auto'> {
  if (requested !== 'auto') return requested;
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return 'text';
}

export function readInput(path: string, opts: ReadOptions & { deferParsing: true }): AsyncGenerator<InputEvent>;
export function readInput(path: string, opts: ReadOptions & { deferParsing?: false }): AsyncGenerator<ParsedEvent>;
export async function* readInput(path: string, opts: ReadOptions): AsyncGenerator<InputEvent> {
  let format = formatOf(path, opts.inputFormat);
  if (path === '-' && opts.inputFormat === 'auto') {
    // Standard input has no extension: look at how it starts (a crawler's JSONL piped in must
    // not be read as one huge text article).
    const { head, rest } = await peek(stdinChunks(opts));
    format = sniffFormat(head);
    if (format === 'jsonl') {
      yield* readJsonl(path, opts, rest);
      return;
    }
    const all = await collect(rest, LIMITS.fileBytes + 1);
    opts = { ...opts, readStdin: () => all };
  }
  if (format === 'jsonl') {
    yield* readJsonl(path, opts);
    return;
  }
  // A FIFO named on the command line (`<(curl …)`) is read as a stream, up to the size limit:
  // waiting for its writer never blocks this thread, so Ctrl-C still works.
  const read = path !== '-' && isFifo(opts.rawPath?.(path) ?? path)
    ? decodeRead(await collect(createReadStream(opts.rawPath?.(path) ?? path), LIMITS.fileBytes + 1), opts.encoding)
    : readWhole(path, opts);
  if (!read.ok) {
    yield { kind: 'skip', where: path, message: read.message };
    return;
  }
  const source = path === '-' ? 'stdin' : path;
  if (format === 'html') {
    if (opts.deferParsing) yield { kind: 'html-page', origin: source, bytes: read.bytes, html: read.text, ...(read.warning ? { warning: read.warning } : {}) };
    else yield htmlPageToArticle(read.text, source, read.bytes, read.warning);
    return;
  }
  const longest = longestLine(read.text);
  if (longest.length > LIMITS.textLineChars) {
    yield { kind: 'skip', where: `${path}:${longest.line}`, message: `line is ${mb(longest.length)} long; the limit is ${mb(LIMITS.textLineChars)} (split the text, or use JSONL)` };
    return;
  }
  yield { kind: 'article', origin: source, bytes: read.bytes, article: { source, text: read.text }, warning: read.warning };
}

export type WholeRead = { ok: true; text: string; bytes: number; encoding: string; warning?: string } | { ok: false; message: string };

/** A whole file (or stdin) as text: size limit, binary check, decoding. Never throws. */
export function readWhole(path: string, opts: Pick<ReadOptions, 'encoding' | 'readStdin' | 'rawPath'>): WholeRead {
  let bytes: Buffer;
  try {
    if (path === '-') bytes = opts.readStdin();
    else {
      const r = readRegularFile(opts.rawPath?.(path) ?? path, LIMITS.fileBytes);
      if (!r.ok) return r;
      bytes = r.bytes;
    }
  } catch (e) {
    return { ok: false, message: describeFsError(e) };
  }
  return decodeRead(bytes, opts.encoding);
}

/**
 * A regular file's bytes, at most `limit + 1` of them (so a file that grows while it is read,
 * or a device that reports size 0, can never exceed the limit in memory). Opened without
 * blocking, so a FIFO is recognised instead of waited on. Throws file-system errors.
 */
export function readRegularFile(path: string | Buffer, limit: number): { ok: true; bytes: Buffer } | { ok: false; message: string } {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, message: 'is a directory, expected a file' };
    if (!st.isFile()) return { ok: false, message: `not a regular file (${st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : 'a device'})` };
    if (st.size > limit) return { ok: false, message: `file is ${mb(st.size)}; the limit is ${mb(limit)} (split it, or use JSONL)` };
    const buf = Buffer.allocUnsafe(Math.min(st.size, limit) + 1);
    let len = 0;
    for (;;) {
      if (len === buf.length) break;
      const n = readSync(fd, buf, len, buf.length - len, null);
      if (n === 0) break;
      len += n;
    }
    if (len > limit) return { ok: false, message: `file is larger than the limit of ${mb(limit)} (it grew while being read)` };
    return { ok: true, bytes: buf.subarray(0, len) };
  } finally {
    closeSync(fd);
  }
}

function isFifo(path: string | Buffer): boolean {
  try {
    return statSync(path).isFIFO();
  } catch {
    return false;
  }
}

/** Bytes read whole → text: size limit, binary check, decoding. */
function decodeRead(bytes: Buffer, encoding: Encoding): WholeRead {
  if (bytes.length > LIMITS.fileBytes) return { ok: false, message: `input is ${mb(bytes.length)}; the limit is ${mb(LIMITS.fileBytes)}` };
  const binary = looksBinary(bytes, encoding);
  if (binary) return { ok: false, message: `not a text file (looks like ${binary})` };
  try {
    const decoded = decodeBytes(bytes, encoding);
    return { ok: true, text: decoded.text, bytes: bytes.length, encoding: decoded.encoding, warning: decoded.warning };
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

async function* readJsonl(path: string, opts: ReadOptions, given?: AsyncIterable<Buffer>): AsyncGenerator<InputEvent> {
  let stream: AsyncIterable<Buffer>;
  try {
    if (given) stream = given;
    else if (path === '-') stream = stdinChunks(opts);
    else {
      const fsPath = opts.rawPath?.(path) ?? path;
      const st = statSync(fsPath);
      if (st.isDirectory()) {
        yield { kind: 'skip', where: path, message: 'is a directory, expected a file' };
        return;
      }
      if (!st.isFile() && !st.isFIFO()) {
        yield { kind: 'skip', where: path, message: `not a regular file (${st.isSocket() ? 'a socket' : 'a device'})` };
        return;
      }
      stream = createReadStream(fsPath);
    }
  } catch (e) {
    yield { kind: 'skip', where: path, message: describeFsError(e) };
    return;
  }
  const name = path === '-' ? 'stdin' : path;
  const oversize: InputEvent[] = [];
  let warnedUtf8 = false;
  try {
    for await (const line of readLines(stream, LIMITS.jsonlLineBytes, (o) => oversize.push({ kind: 'skip', where: `${name}:${o.number}`, message: `line is ${mb(o.length)} long; the limit is ${mb(LIMITS.jsonlLineBytes)}` }))) {
      while (oversize.length) yield oversize.shift()!;
      if (isBlank(line.bytes)) continue;
      if (opts.deferParsing) {
        yield { kind: 'jsonl-line', name, number: line.number, bytes: line.bytes };
        continue;
      }
      const ev = jsonlLineToArticle(line.bytes, name, line.number);
      if (ev.kind === 'article' && ev.decodeWarning) {
        if (!warnedUtf8) yield { kind: 'warning', where: ev.origin, message: `${ev.decodeWarning} (reported once per file)` };
        warnedUtf8 = true;
      }
      yield ev;
    }
    while (oversize.length) yield oversize.shift()!;
  } catch (e) {
    yield { kind: 'skip', where: name, message: describeFsError(e) };
  }
}

/** A saved HTML page → its main text as an article (`source` is the file). */
export function htmlPageToArticle(html: string, source: string, bytes: number, warning?: string): ArticleEvent {
  const page = extractHtml(html);
  return { kind: 'article', origin: source, bytes, article: { source, text: page.text, title: page.title, published: page.published }, ...(warning ? { warning } : {}) };
}

/** One JSONL line → an article, or why it was skipped (`file:line`, reason). Never throws. */
export function jsonlLineToArticle(bytes: Uint8Array, name: string, number: number): ArticleEvent | { kind: 'skip'; where: string; message: string } {
  const where = `${name}:${number}`;
  const decoded = decodeBytes(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'utf8');
  const parsed = parseJsonlLine(decoded.text, where);
  if (!parsed.ok) return { kind: 'skip', where, message: parsed.reason };
  let article: Article;
  if (parsed.html !== undefined) {
    const page = extractHtml(parsed.html);
    article = { source: parsed.source, text: page.text, title: parsed.title ?? page.title, published: parsed.published ?? page.published };
  } else {
    article = { source: parsed.source, text: parsed.text!, ...(parsed.title !== undefined ? { title: parsed.title } : {}), ...(parsed.published !== undefined ? { published: parsed.published } : {}) };
  }
  return { kind: 'article', origin: where, bytes: bytes.byteLength + 1, article, ...(decoded.warning ? { decodeWarning: decoded.warning } : {}), ...(parsed.warning ? { warning: parsed.warning } : {}) };
}

/** Whether a line holds only whitespace (bytes: ASCII whitespace is all a blank line can have). */
function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0b && b !== 0x0c) return false;
  return true;
}

function longestLine(text: string): { line: number; length: number } {
  let best = { line: 1, length: 0 };
  let start = 0;
  let line = 1;
  for (let i = text.indexOf('\n'); ; i = text.indexOf('\n', start)) {
    const end = i === -1 ? text.length : i;
    if (end - start > best.length) best = { line, length: end - start };
    if (i === -1) break;
    start = i + 1;
    line++;
  }
  return best;
}

function mb(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(0)} KB`;
}

/** Standard input as a stream of chunks: streamed when the caller can, else read whole. */
function stdinChunks(opts: Pick<ReadOptions, 'readStdin' | 'stdinStream'>): AsyncIterable<Buffer> {
  return opts.stdinStream ? opts.stdinStream() : once(opts.readStdin());
}

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

/** How standard input starts: `{` is JSONL (one article per line), `<html` or `<!doctype` HTML. */
export function sniffFormat(head: Buffer): Exclude<InputFormat, 'auto'> {
  const start = head.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'jsonl';
  if (/^<(?:!doctype\s+html|html|head|body)\b/i.test(start)) return 'html';
  return 'text';
}

/** The first chunk(s) of a stream (at least 512 bytes, unless it is shorter), and the whole stream again. */
async function peek(stream: AsyncIterable<Buffer | string>): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const it = stream[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < 512) {
    const r = await it.next();
    if (r.done) {
      done = true;
      break;
    }
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    seen.push(chunk);
    size += chunk.length;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    yield* seen;
    if (done) return;
    for (let r = await it.next(); !r.done; r = await it.next()) yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
  }
  return { head: Buffer.concat(seen), rest: rest() };
}

/** A stream's bytes, stopping once `limit` is reached (the caller reports an input that large). */
async function collect(stream: AsyncIterable<Buffer>, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= limit) break;
  }
  return Buffer.concat(parts);
}
