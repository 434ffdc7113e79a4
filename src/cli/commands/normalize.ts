/**
 * `chiso normalize FILE`: the text exactly as the matcher sees it (after decoding and
 * normalization); `--show-changes` lists each change with its line and column in the input.
 */
import { normalizeText, listChanges } from '../../normalize/normalize.js';
import { detectNumberStyle } from '../../numbers/style.js';
import { LineIndex } from '../../text/lines.js';
import type { Encoding } from '../../decode/decode.js';
import { EXIT, type CliIO } from '../context.js';
import { readArticle } from '../read-article.js';

export function runNormalize(file: string, opts: { showChanges?: boolean; encoding: Encoding }, io: CliIO): number {
  const read = readArticle(file, opts.encoding, io.readStdin);
  if (!read.ok) {
    io.stderr(`chiso: cannot read ${file}: ${read.message}`);
    return EXIT.partial;
  }
  if (read.warning) io.stderr(`chiso: warning: ${file}: ${read.warning}`);
  const input = read.article.text;
  const n = normalizeText(input);
  if (!opts.showChanges) {
    io.stdout.write(n.text.endsWith('\n') ? n.text : n.text + '\n');
    return EXIT.ok;
  }
  const lines = new LineIndex(input);
  const lineStart = (line: number) => (line === 1 ? 0 : nthLineStart(input, line));
  const changes = listChanges(input, n);
  const show = (s: string) => JSON.stringify(s).slice(1, -1).replace(/[\u00a0\u00ad\u200b-\u200d\u2060\ufeff\u202f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  for (const c of changes) {
    const line = lines.lineOf(c.start);
    io.stdout.write(`${line}:${c.start - lineStart(line) + 1}  ${describe(c.from, c.to)}  "${show(c.from)}" → "${show(c.to)}"\n`);
  }
  const style = detectNumberStyle(n.text);
  io.stdout.write(`${changes.length} change(s); decoded as ${read.encoding ?? 'utf-8'}; number style: ${style.style === 'vi' ? 'Vietnamese (2.424 = 2424, 50,65 = 50.65)' : 'English (2,424 = 2424, 50.65 = 50.65)'} — ${style.viVotes} Vietnamese vs ${style.enVotes} English tokens\n`);
  return EXIT.ok;
}

function describe(from: string, to: string): string {
  if (to === '') return /[\u00ad]/.test(from) ? 'soft hyphen removed' : /[\u200b-\u200d\u2060\ufeff]/.test(from) ? 'zero-width character removed' : 'removed';
  if (from.normalize('NFC') === to) return 'composed (NFC)';
  if (/Ð|ð/.test(from)) return 'Ð (Eth) → Đ';
  if (/\r/.test(from)) return 'line end folded';
  if (/^\s+$/.test(from)) return 'space folded';
  if (/^&/.test(from)) return 'HTML entity decoded';
  if (/\p{L}/u.test(from)) return 'tone mark placed';
  return 'punctuation folded';
}

function nthLineStart(text: string, line: number): number {
  let pos = 0;
  for (let l = 1; l < line; l++) pos = text.indexOf('\n', pos) + 1;
  return pos;
}
