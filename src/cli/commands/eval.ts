/**
 * `chiso eval`: runs the rules over fixture articles that have gold records and prints
 * precision, recall and F1 (strict: key + value + unit + denominator), per indicator and
 * overall, qualifier/status agreement, then every missed and every extra record.
 * A fixture set is any mix of article files (*.txt, *.md) and gold files (*.jsonl lines with
 * `doc`, `indicator`, `value`, `unit`); an article's doc is its file name without extension.
 */
import { readFileSync } from 'node:fs';
import { expandInputs } from '../../io/inputs.js';
import { extractArticle } from '../../pipeline/extract.js';
import { buildProvinceMatcher } from '../../article/fields.js';
import { docOf, score, type GoldRecord, type PredRecord, type Prf } from '../../eval/score.js';
import { EXIT, UsageError, type CliIO } from '../context.js';
import { loadRulesOrThrow } from '../rules-loader.js';
import { readArticle } from '../read-article.js';

export interface EvalOptions {
  rules?: string;
  format?: 'text' | 'json';
  minF1?: number;
}

export async function runEval(paths: string[], opts: EvalOptions, io: CliIO): Promise<number> {
  const { ruleSet } = await loadRulesOrThrow(opts.rules, io.env);
  const provinces = buildProvinceMatcher(ruleSet.provinces);
  const { files, problems } = expandInputs(paths.length ? paths : ['fixtures'], ['.txt', '.md', '.jsonl']);
  for (const p of problems) io.stderr(`chiso: skipped ${p.path}: ${p.message}`);
  const gold: GoldRecord[] = [];
  const articles = new Map<string, { path: string; text: string }>();
  for (const f of files.filter((f) => !/[\\/]expected[\\/]/.test(f))) {
    if (f.endsWith('.jsonl')) gold.push(...readGold(f, io));
    else {
      const r = readArticle(f, 'auto', io.readStdin);
      if (r.ok) articles.set(docOf(f), { path: f, text: r.article.text });
      else io.stderr(`chiso: skipped ${f}: ${r.message}`);
    }
  }
  if (gold.length === 0) throw new UsageError('no gold records found (expected *.jsonl files with doc, indicator, value, unit)');
  const goldDocs = new Set(gold.map((g) => g.doc));
  const pred: PredRecord[] = [];
  for (const [doc, a] of articles) {
    if (!goldDocs.has(doc)) continue;
    const { records } = extractArticle({ source: a.path, text: a.text }, { ruleSet, provinces });
    pred.push(...records.map((r) => ({ ...r, doc })));
  }
  const report = score(gold, pred);
  const locate = (g: GoldRecord) => {
    const a = articles.get(g.doc);
    if (!a) return `${g.doc}`;
    if (g.line) return `${a.path}:${g.line}`;
    const probe = (g.text ?? '').split(/\s*\.\.\.\s*|\s*\(repeated/)[0]!.slice(0, 30);
    const at = probe ? a.text.indexOf(probe) : -1;
    return at >= 0 ? `${a.path}:${a.text.slice(0, at).split('\n').length}` : a.path;
  };

  if (opts.format === 'json') {
    io.stdout.write(JSON.stringify({
      strict: report.strict, loose: report.loose, qualifier: report.qualifier, status: report.status, coverage: report.coverage,
      perIndicator: Object.fromEntries(report.perIndicator),
      missed: report.missed.map((g) => ({ ...g, at: locate(g) })),
      extra: report.extra.map((p) => ({ at: `${p.source}:${p.line}`, indicator: p.indicator, value: p.value, unit: p.unit, denominator: p.denominator, sentence: p.sentence })),
      attributeMismatches: report.attributeMismatches.map((m) => ({ at: locate(m.gold), field: m.field, gold: m.gold[m.field], pred: m.pred[m.field], indicator: m.gold.indicator, value: m.gold.value })),
    }, null, 2) + '\n');
  } else {
    const f = (x: number) => x.toFixed(3);
    const line = (p: Prf) => `P=${f(p.precision)} R=${f(p.recall)} F1=${f(p.f1)}`;
    const w = (s: string) => io.stdout.write(s + '\n');
    w(`overall  strict ${line(report.strict)} | loose ${line(report.loose)} | qualifier=${f(report.qualifier)} status=${f(report.status)} | gold ${report.strict.gold}, predicted ${report.strict.pred}`);
    w('');
    w('indicator'.padEnd(48) + 'P      R      F1     gold pred');
    for (const [k, p] of report.perIndicator) {
      w(`${k.padEnd(48)}${f(p.precision)}  ${f(p.recall)}  ${f(p.f1)}  ${String(p.gold).padStart(4)} ${String(p.pred).padStart(4)}`);
    }
    w('');
    w(`missed (${report.missed.length})`);
    for (const g of report.missed) w(`  ${locate(g)}  ${g.indicator} ${g.value}${g.denominator != null ? '/' + g.denominator : ''} ${g.unit}  | ${g.text ?? ''}`);
    w(`extra (${report.extra.length})`);
    for (const p of report.extra) w(`  ${p.source}:${p.line}  ${p.indicator} ${p.value}${p.denominator != null ? '/' + p.denominator : ''} ${p.unit}  | ${p.sentence ?? ''}`);
    w(`qualifier/status mismatches (${report.attributeMismatches.length})`);
    for (const m of report.attributeMismatches) w(`  ${locate(m.gold)}  ${m.gold.indicator} ${m.gold.value} ${m.field}: gold=${m.gold[m.field] ?? ''} got=${m.pred[m.field] ?? ''}`);
  }
  if (opts.minF1 !== undefined && report.strict.f1 < opts.minF1) {
    io.stderr(`chiso: strict F1 ${report.strict.f1.toFixed(3)} is below --min-f1 ${opts.minF1}`);
    return EXIT.partial;
  }
  return EXIT.ok;
}

function readGold(path: string, io: CliIO): GoldRecord[] {
  const out: GoldRecord[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((l, i) => {
    if (!l.trim()) return;
    try {
      const r = JSON.parse(l) as GoldRecord;
      if (typeof r.doc === 'string' && typeof r.indicator === 'string' && typeof r.value === 'number') out.push(r);
    } catch {
      io.stderr(`chiso: ${path}:${i + 1}: not valid JSON, line skipped`);
    }
  });
  return out;
}
