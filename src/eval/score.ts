/**
 * Scores records against gold records, with the same definitions as the customer's scorer
 * (`scripts/score.mjs`): strict = same doc, indicator, unit, value, denominator (multiset, gold
 * `other` left out); loose = same but any indicator; attribute agreement on strict pairs.
 */
export interface GoldRecord {
  doc: string;
  indicator: string;
  value: number;
  unit: string;
  denominator?: number | null;
  qualifier?: string;
  status?: string;
  text?: string;
  line?: number;
}

export interface PredRecord {
  doc: string;
  indicator: string | null;
  value: number;
  unit: string;
  denominator: number | null;
  qualifier?: string;
  status?: string;
  text?: string;
  line?: number;
  sentence?: string;
  source?: string;
}

export interface Prf {
  tp: number;
  gold: number;
  pred: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoreReport {
  strict: Prf;
  loose: Prf;
  qualifier: number;
  status: number;
  coverage: number;
  perIndicator: Map<string, Prf>;
  missed: GoldRecord[];
  extra: PredRecord[];
  attributeMismatches: { gold: GoldRecord; pred: PredRecord; field: 'qualifier' | 'status' }[];
}

const same = (a: number | null, b: number | null) =>
  (a === null && b === null) || (a !== null && b !== null && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)));
const isKey = (k: string | null | undefined): k is string => typeof k === 'string' && k !== '' && k !== 'other';

function matchPairs(gold: GoldRecord[], pred: PredRecord[], withKey: boolean) {
  const used = new Set<number>();
  const pairs: [GoldRecord, PredRecord][] = [];
  const missed: GoldRecord[] = [];
  for (const g of gold) {
    const i = pred.findIndex((p, k) => !used.has(k) && p.doc === g.doc && p.unit === g.unit && same(p.value, g.value)
      && same(p.denominator ?? null, g.denominator ?? null) && (!withKey || p.indicator === g.indicator));
    if (i >= 0) {
      used.add(i);
      pairs.push([g, pred[i]!]);
    } else missed.push(g);
  }
  return { pairs, missed, extra: pred.filter((_, k) => !used.has(k)) };
}

function prf(tp: number, gold: number, pred: number): Prf {
  const precision = pred ? tp / pred : 0;
  const recall = gold ? tp / gold : 0;
  return { tp, gold, pred, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function score(goldAll: GoldRecord[], predAll: PredRecord[]): ScoreReport {
  const docs = new Set(goldAll.map((g) => g.doc));
  const pred = predAll.filter((p) => docs.has(p.doc));
  const strictGold = goldAll.filter((g) => isKey(g.indicator));
  const strictPred = pred.filter((p) => isKey(p.indicator));
  const s = matchPairs(strictGold, strictPred, true);
  const l = matchPairs(strictGold, pred.filter((p) => p.indicator !== 'other'), false);
  const agree = (field: 'qualifier' | 'status', dflt: string) =>
    s.pairs.length ? s.pairs.filter(([g, p]) => (g[field] ?? dflt) === (p[field] ?? dflt)).length / s.pairs.length : 0;
  const perIndicator = new Map<string, Prf>();
  const keys = new Set([...strictGold.map((g) => g.indicator), ...strictPred.map((p) => p.indicator as string)]);
  for (const k of [...keys].sort()) {
    const tp = s.pairs.filter(([g]) => g.indicator === k).length;
    perIndicator.set(k, prf(tp, strictGold.filter((g) => g.indicator === k).length, strictPred.filter((p) => p.indicator === k).length));
  }
  const attributeMismatches: ScoreReport['attributeMismatches'] = [];
  for (const [g, p] of s.pairs) {
    if ((g.qualifier ?? 'exact') !== (p.qualifier ?? 'exact')) attributeMismatches.push({ gold: g, pred: p, field: 'qualifier' });
    if ((g.status ?? 'actual') !== (p.status ?? 'actual')) attributeMismatches.push({ gold: g, pred: p, field: 'status' });
  }
  return {
    strict: prf(s.pairs.length, strictGold.length, strictPred.length),
    loose: prf(l.pairs.length, strictGold.length, pred.filter((p) => p.indicator !== 'other').length),
    qualifier: agree('qualifier', 'exact'),
    status: agree('status', 'actual'),
    coverage: goldAll.length ? strictGold.length / goldAll.length : 0,
    perIndicator,
    missed: s.missed,
    extra: s.extra,
    attributeMismatches,
  };
}

/** `doc` of a record: the basename of its source without the extension (as the scorer does). */
export function docOf(source: string): string {
  return (source.split(/[\\/]/).pop() ?? source).replace(/\.[^.]+$/, '');
}
