/**
 * `chiso unmatched`: the statistics no rule keyed (the `--all` generic records), grouped by
 * kind (rank, score, change, multiple, density, share, count …) and subject, most frequent first,
 * with one example each. How a rule author finds the next rule.
 */
import { stringify } from 'csv-stringify/sync';
import { expandInputs } from '../../io/inputs.js';
import { extractArticle } from '../../pipeline/extract.js';
import { buildProvinceMatcher } from '../../article/fields.js';
import type { Encoding } from '../../decode/decode.js';
import { EXIT, type CliIO } from '../context.js';
import { loadRulesOrThrow } from '../rules-loader.js';
import { ARTICLE_EXTENSIONS, readInput } from '../../io/articles.js';
import type { ChisoRecord } from '../../records/schema.js';

/** What kind of statistic a record is: its measure when it is a change, else its unit. */
export function kindOf(r: Pick<ChisoRecord, 'unit' | 'measure'>): string {
  if (r.unit === 'times') return 'multiple';
  if (r.measure !== 'level') return 'change';
  return { percent: 'share', fraction: 'fraction', count: 'count', vnd: 'money', rank: 'rank', score: 'score', density: 'density' }[r.unit];
}
const NO_SUBJECT = '(no subject)';

interface Group {
  kind: string;
  subject: string;
  count: number;
  units: Set<string>;
  example: { at: string; text: string; sentence: string };
}

export async function runUnmatched(inputs: string[], opts: { rules?: string; format?: 'table' | 'csv' | 'json'; encoding: Encoding }, io: CliIO): Promise<number> {
  const { ruleSet } = await loadRulesOrThrow(opts.rules, io.env);
  const provinces = buildProvinceMatcher(ruleSet.provinces);
  const { files, problems, raw } = expandInputs(inputs, ARTICLE_EXTENSIONS, io.rawArg);
  let skipped = problems.length;
  for (const p of problems) io.stderr(`chiso: skipped ${p.path}: ${p.message}`);
  const groups = new Map<string, Group>();
  for (const f of files) for await (const ev of readInput(f, { encoding: opts.encoding, inputFormat: 'auto', readStdin: io.readStdin, stdinStream: io.stdinStream, rawPath: (p) => raw.get(p) })) {
    if (ev.kind !== 'article') {
      io.stderr(`chiso: ${ev.kind === 'skip' ? 'skipped' : 'warning:'} ${ev.where}: ${ev.message}`);
      if (ev.kind === 'skip') skipped++;
      continue;
    }
    const { records } = extractArticle(ev.article, { ruleSet, provinces, all: true });
    for (const r of records) {
      if (r.indicator !== null) continue;
      const kind = kindOf(r);
      const subject = r.subject ?? NO_SUBJECT;
      const key = `${kind}\u0000${subject.toLowerCase()}`;
      const g = groups.get(key) ?? { kind, subject, count: 0, units: new Set<string>(), example: { at: `${r.source}:${r.line}`, text: r.text, sentence: r.sentence } };
      g.count++;
      g.units.add(r.unit);
      groups.set(key, g);
    }
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject, 'vi'));
  const format = opts.format ?? (io.stdoutIsTTY ? 'table' : 'csv');
  if (format === 'json') {
    io.stdout.write(JSON.stringify(sorted.map((g) => ({ ...g, units: [...g.units] })), null, 2) + '\n');
  } else if (format === 'csv') {
    io.stdout.write(stringify([['kind', 'subject', 'count', 'units', 'example_at', 'example_text', 'example_sentence']], { record_delimiter: 'windows' }));
    for (const g of sorted) io.stdout.write(stringify([[g.kind, g.subject, g.count, [...g.units].join(' '), g.example.at, g.example.text, g.example.sentence]], { record_delimiter: 'windows' }));
  } else {
    io.stdout.write('count  kind      subject'.padEnd(58) + 'units      example\n');
    for (const g of sorted) {
      io.stdout.write(`${String(g.count).padStart(5)}  ${g.kind.padEnd(10)}${g.subject.slice(0, 39).padEnd(40)}${[...g.units].join(' ').padEnd(11)}${g.example.at}  «${g.example.text}»\n`);
    }
  }
  return skipped > 0 ? EXIT.partial : EXIT.ok;
}
