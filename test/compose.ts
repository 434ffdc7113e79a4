/**
 * The composition generator (issue: keys from the catalog's own concepts). From every frame of
 * rules/frames.yaml it draws sentences in the press's patterns, each concept written in each of
 * its forms in turn, with a fixed seed: what the frame says, phrased as the press phrases it.
 * A sentence is one article; its expected records carry the frame's key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, rng } from './helpers.js';

export interface Composed {
  text: string;
  key: string;
  unit: string;
  /** Values the sentence states for that key, in order. */
  values: number[];
  pattern: string;
}

interface FrameYaml {
  key: string;
  counted?: string | string[];
  with?: (string | string[])[];
  without?: string[];
  deficit?: boolean;
  units?: string[];
}

const VERBS = ['có', 'đã có', 'sử dụng', 'đã được', 'được', 'đã triển khai', 'đăng ký', 'ứng dụng', 'tham gia', 'đã kết nối'];
const DEFICIT = ['chưa có', 'vẫn chưa có', 'chưa được', 'không có'];

export function compose(seed = 20261129, perFrame = 20): Composed[] {
  const concepts = parse(readFileSync(join(ROOT, 'rules', 'concepts.yaml'), 'utf8')) as Record<string, string[]>;
  const frames = parse(readFileSync(join(ROOT, 'rules', 'frames.yaml'), 'utf8')) as FrameYaml[];
  const catalog = parse(readFileSync(join(ROOT, 'rules', 'indicators.yaml'), 'utf8')) as { key: string; units: string[] }[];
  const unitsOf = new Map(catalog.map((c) => [c.key, c.units]));
  const rand = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const turn = new Map<string, number>();
  // Each concept's forms in turn, so every form is written.
  const form = (names: string | string[]): string => {
    const name = Array.isArray(names) ? pick(names) : names;
    const forms = concepts[name]!;
    const k = turn.get(name) ?? 0;
    turn.set(name, k + 1);
    return forms[k % forms.length]!;
  };
  const count = () => 100 + Math.floor(rand() * 9000);
  const pct = () => Math.round((10 + rand() * 89) * 10) / 10;
  const vi = (n: number) => (Number.isInteger(n) ? n.toLocaleString('de-DE') : String(n).replace('.', ','));
  const out: Composed[] = [];
  for (const f of frames) {
    const units = f.units ?? unitsOf.get(f.key) ?? [];
    const withs = f.with ?? [];
    for (let i = 0; i < perFrame; i++) {
      const attrs = withs.map((w) => form(w)).join(' ');
      const verb = f.deficit ? pick(DEFICIT) : pick(VERBS);
      const pred = attrs ? `${verb} ${attrs}` : '';
      const counted = f.counted ? form(f.counted) : null;
      const p = i % 10;
      if (units.includes('rank') && !counted) {
        const n = 1 + Math.floor(rand() * 60);
        const s = [`Về ${attrs}, tỉnh xếp thứ ${n} cả nước.`, `${cap(attrs)} của tỉnh đứng thứ ${n}/63 tỉnh, thành phố.`, `Năm nay, ${attrs} của tỉnh xếp hạng ${n}.`][i % 3]!;
        out.push({ text: s, key: f.key, unit: 'rank', values: [n], pattern: 'rank' });
        continue;
      }
      if (units.includes('score') && !counted && !units.includes('percent')) {
        const v = Math.round(rand() * 9000 + 1000) / 10000;
        const s = [`${cap(attrs)} của tỉnh đạt ${vi(v)} điểm.`, `Năm 2024, ${attrs} của tỉnh đạt ${vi(v)} điểm.`][i % 2]!;
        out.push({ text: s, key: f.key, unit: 'score', values: [v], pattern: 'score' });
        continue;
      }
      if (units.includes('vnd') && !units.includes('count') && !units.includes('percent')) {
        const v = 10 + Math.floor(rand() * 900);
        out.push({ text: `${cap(attrs)} năm 2024 đạt ${vi(v)} tỷ đồng.`, key: f.key, unit: 'vnd', values: [v * 1e9], pattern: 'vnd' });
        continue;
      }
      const canCount = units.includes('count') && counted;
      const canPct = units.includes('percent');
      if (!canCount && !canPct) continue;
      const usePct = canPct && (!canCount || p >= 5);
      if (!usePct) {
        const a = count();
        const b = count();
        const patterns: [string, string, number[]][] = [
          ['count-after', `Toàn tỉnh có ${vi(a)} ${counted} ${pred}.`, [a]],
          ['count-filler', `Đến nay, trên địa bàn tỉnh đã có ${vi(a)} ${counted} ${verb} ${attrs}, tăng mạnh.`, [a]],
          ['total', `Tổng số ${counted} ${pred} trên địa bàn là ${vi(a)} ${counted}.`, [a]],
          ['label', `- Số ${counted} ${pred}: ${vi(a)}.`, [a]],
          ['coordination', `Có ${vi(a)} ${counted} và ${vi(b)} ${form(f.counted!)} ${pred}.`, [a, b]],
        ];
        const [pattern, text, values] = patterns[p % patterns.length]!;
        if (!attrs && (pattern === 'count-filler')) continue;
        out.push({ text: text.replace(/\s+/g, ' ').replace(' .', '.'), key: f.key, unit: 'count', values, pattern });
      } else {
        const a = pct();
        const subj = counted ? `${counted} ${pred}` : attrs;
        const patterns: [string, string, number[]][] = [
          ['share-after', counted ? `Có ${vi(a)}% ${counted} ${pred}.` : `${cap(attrs)} chiếm ${vi(a)}%.`, [a]],
          ['rate', `Tỷ lệ ${subj} đạt ${vi(a)}%.`, [a]],
          ['rate-filler', `Hiện nay, tỷ lệ ${subj} trên địa bàn tỉnh ước đạt ${vi(a)}%.`, [a]],
          ['attribute-first', f.deficit && counted ? `Còn ${vi(a)}% ${counted} ${pred}.` : counted && attrs ? `${cap(attrs)} đã đến ${vi(a)}% ${counted}.` : `Tỷ lệ ${subj} là ${vi(a)}%.`, [a]],
          ['label', `${cap(subj)}: ${vi(a)}%.`, [a]],
        ];
        const [pattern, text, values] = patterns[p % patterns.length]!;
        out.push({ text: text.replace(/\s+/g, ' ').replace(' .', '.'), key: f.key, unit: 'percent', values, pattern });
      }
    }
  }
  return out;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
