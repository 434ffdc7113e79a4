// The worker pool: answers in submission order, and a worker that dies rejects its batches
// (the extract command then redoes them on the main thread) instead of hanging the run.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.js';
import { buildRuleSet, readRuleSources } from '../src/rules/load.js';
import { buildProvinceMatcher } from '../src/article/fields.js';
import { makeFormatter } from '../src/io/formats.js';

// The compiled pool, so that its worker file (dist/cli/worker.js) exists.
const { ExtractPool } = (await import(pathToFileURL(join(ROOT, 'dist/cli/pool.js')).href)) as typeof import('../src/cli/pool.js');
const { ruleSet } = buildRuleSet(readRuleSources(join(ROOT, 'rules')));

describe('ExtractPool', () => {
  it('extracts batches in workers and answers each in order', async () => {
    const pool = new ExtractPool(2, { ruleSet, format: 'jsonl' });
    try {
      const texts = ['Tỷ lệ hộ gia đình có kết nối internet cáp quang đạt 85%.', 'Không có số liệu.', '58/71 tổ công nghệ số cộng đồng cấp xã.'];
      const answers = await Promise.all(texts.map((text, i) => pool.submit([{ kind: 'article', article: { source: `a${i}`, text }, origin: `a${i}`, bytes: text.length }])));
      expect(answers.map((a) => a[0]!.origin)).toEqual(['a0', 'a1', 'a2']);
      expect(answers.map((a) => a[0]!.records)).toEqual([1, 0, 1]);
      expect(JSON.parse(answers[2]![0]!.rows)).toMatchObject({ value: 58, denominator: 71, unit: 'fraction' });
    } finally {
      await pool.close();
    }
  });

  it('a worker that dies rejects its batch and leaves no worker alive', async () => {
    const pool = new ExtractPool(1, { ruleSet: null as never, format: 'jsonl' }); // crashes on start
    try {
      await expect(pool.submit([{ kind: 'article', article: { source: 'x', text: '5 xã' }, origin: 'x', bytes: 4 }])).rejects.toThrow();
      expect(pool.alive).toBe(0);
      await expect(pool.submit([])).rejects.toThrow(/no worker left/);
    } finally {
      await pool.close();
    }
  });
});

const { OrderedRunner } = (await import(pathToFileURL(join(ROOT, 'dist/cli/ordered-runner.js')).href)) as typeof import('../src/cli/ordered-runner.js');

describe('OrderedRunner', () => {
  const local = { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces), fmt: makeFormatter('jsonl') };
  const texts = Array.from({ length: 40 }, (_, i) => `Toàn tỉnh có ${i + 1} xã đạt chuẩn nông thôn mới và ${i + 2} hệ thống thông tin.`);
  const run = async (setup: object, jobs: number) => {
    const seen: string[] = [];
    let lost = 0;
    const runner = new OrderedRunner({ jobs, startAfterBytes: 0, setup: setup as never, local, onResult: (r) => seen.push(r.origin), onWorkerLost: () => lost++ });
    for (const [i, text] of texts.entries()) await runner.submit({ kind: 'article', article: { source: `a${i}`, text }, origin: `a${i}`, bytes: 30000 }, 30000);
    await runner.finish();
    await runner.close();
    return { seen, lost };
  };

  it('hands results back in input order from several workers', async () => {
    const { seen, lost } = await run({ ruleSet, format: 'jsonl' }, 2);
    expect(seen).toEqual(texts.map((_, i) => `a${i}`));
    expect(lost).toBe(0);
  });

  it('redoes the batches of dead workers on this thread, in order, saying so once', async () => {
    const { seen, lost } = await run({ ruleSet: null, format: 'jsonl' }, 2); // the workers crash on start
    expect(seen).toEqual(texts.map((_, i) => `a${i}`));
    expect(lost).toBe(1);
  });
});
