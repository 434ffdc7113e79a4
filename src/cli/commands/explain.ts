/**
 * `chiso explain FILE [--line N]`: the article as the matcher sees it. Each record's span is
 * highlighted with its key, value, qualifier, status and rule; numbers no rule claimed are
 * dimmed with the reason they were dropped. Colours only on a terminal (and never with NO_COLOR).
 */
import { Chalk } from 'chalk';
import { extractArticle, type FrameTrace, type TracedCandidate } from '../../pipeline/extract.js';
import { buildProvinceMatcher } from '../../article/fields.js';
import type { Encoding } from '../../decode/decode.js';
import { EXIT, type CliIO } from '../context.js';
import { loadRulesOrThrow } from '../rules-loader.js';
import { readArticle } from '../read-article.js';
import type { Candidate } from '../../candidates/types.js';

export async function runExplain(file: string, opts: { line?: number; rules?: string; encoding: Encoding }, io: CliIO): Promise<number> {
  const { ruleSet } = await loadRulesOrThrow(opts.rules, io.env);
  const read = readArticle(file, opts.encoding, io.readStdin);
  if (!read.ok) {
    io.stderr(`chiso: cannot read ${file}: ${read.message}`);
    return EXIT.partial;
  }
  const text = read.article.text;
  const result = extractArticle(read.article, { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces), trace: true });
  const c = new Chalk({ level: io.stdoutIsTTY && !io.env.NO_COLOR ? 1 : 0 });
  const byLine = new Map<number, TracedCandidate[]>();
  for (const t of result.trace) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  const recordsBySpan = new Map(result.records.map((r) => [`${r.line}:${r.rule}:${r.value}`, r]));
  const lines = text.split('\n');
  const w = (s: string) => io.stdout.write(s + '\n');
  w(c.bold(`${file}`) + c.dim(`  title: ${result.records[0]?.title ?? '-'} · published: ${result.records[0]?.published ?? '-'} · province: ${result.records[0]?.province ?? '-'} · number style: ${result.style.style}`));
  let lineStart = 0;
  lines.forEach((lineText, i) => {
    const n = i + 1;
    const start = lineStart;
    lineStart += lineText.length + 1;
    const traced = byLine.get(n);
    if (!traced || (opts.line !== undefined && opts.line !== n)) return;
    // Highlight the numbers on the line: records in green, dropped numbers dimmed.
    let shown = '';
    let at = start;
    for (const t of [...traced].sort((a, b) => a.start - b.start)) {
      if (t.start < at) continue;
      const span = text.slice(t.start, t.end);
      shown += text.slice(at, t.start) + (t.outcome.kind === 'record' ? c.inverse.green(span) : c.dim.strikethrough(span));
      at = t.end;
    }
    shown += text.slice(at, start + lineText.length);
    w('');
    w(c.cyan(`${String(n).padStart(4)} │ `) + shown);
    for (const t of traced) {
      const num = text.slice(t.start, t.end);
      if (t.outcome.kind === 'record') {
        const rec = recordsBySpan.get(`${t.line}:${t.outcome.rule}:${t.candidate.value}`);
        const val = t.candidate.unit === 'fraction' ? `${t.candidate.value}/${t.candidate.denominator}` : String(t.candidate.value);
        w(`     │   ${c.green('✓')} ${c.bold(num)} → ${c.cyan(rec?.indicator ?? '?')} ${val} ${rec?.unit ?? t.candidate.unit} ${rec?.qualifier ?? ''} ${rec?.status ?? ''}` +
          c.dim(`  [${t.outcome.rule}${t.outcome.via ? ` via ${t.outcome.via}` : ''}]${rec?.subject ? `  subject: ${rec.subject}` : ''}`));
      } else {
        const why = t.outcome.kind === 'excluded' ? `excluded: ${t.outcome.reason}`
          : t.outcome.kind === 'consumed' ? `part of a record of rule ${t.outcome.by}`
          : t.outcome.kind === 'invalid' ? `rejected by validation (${t.outcome.rule}): ${t.outcome.message}`
          : `${kindNote(t.candidate)}no rule matched${t.subject ? ` (subject: ${t.subject})` : ''}`;
        w(c.dim(`     │   · ${num} — ${why}`));
      }
      if (t.frames) explainFrames(t.frames, (s) => w(c.dim(`     │       ${s}`)));
    }
  });
  w('');
  w(c.dim(`${result.records.length} record(s); ${result.trace.filter((t) => t.outcome.kind !== 'record').length} number(s) not recorded`));
  return EXIT.ok;
}

/** Concept hits, the frames filled and why the others lost (the rule's key, a more specific frame). */
function explainFrames(f: FrameTrace, w: (s: string) => void): void {
  if (f.concepts.length) w(`concepts: ${f.concepts.join(' · ')}`);
  if (f.filled.length === 0) {
    w(`frames: none filled${f.via ? `; ${f.chosen ?? 'the key'} from ${f.via}` : ''}`);
    return;
  }
  const verdict = f.chosen ? `frame ${f.chosen} wins${f.ruleKey ? ` over the rule's ${f.ruleKey}` : ''}`
    : f.ruleKey ? `the rule's ${f.ruleKey} stands (no frame says more)` : 'no frame chosen';
  w(`frames: ${verdict}`);
  f.filled.forEach((m, i) => w(`  ${i === 0 ? '▸' : ' '} ${m.key} (score ${m.score}: ${m.why})`));
}

/** `a change (increase), ` / `a density per 100, ` …: how the finder read a number no rule keyed. */
function kindNote(c: Candidate): string {
  if (c.unit === 'times') return `a multiple (${c.measure}), `;
  if (c.measure && c.measure !== 'level') return `a change (${c.measure}), `;
  if (c.unit === 'density') return `a density per ${c.denominator}, `;
  if (c.unit === 'rank' && c.regional) return 'a regional rank, ';
  return '';
}
