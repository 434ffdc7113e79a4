/**
 * Fixture articles: the full records of every bundled article are pinned in
 * fixtures/expected/<name>.json; any change to any field fails. After an intended change,
 * regenerate with `UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts` and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES_DIR, ROOT, articleFiles, extract } from './helpers.js';

const EXPECTED_DIR = join(ROOT, 'fixtures', 'expected');

describe.each(articleFiles())('fixture %s', (name) => {
  const input = readFileSync(join(ARTICLES_DIR, name), 'utf8');
  const source = `fixtures/articles/${name}`;
  const { records } = extract(input, source);

  it('every record rests on its exact span of the input', () => {
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) {
      expect(r.text).toBe(input.slice(r.start, r.end));
      expect(r.line).toBe(input.slice(0, r.start).split('\n').length);
    }
  });

  it('produces exactly the pinned records', () => {
    const path = join(EXPECTED_DIR, name.replace(/\.txt$/, '.json'));
    if (process.env.UPDATE_FIXTURES || !existsSync(path)) writeFileSync(path, JSON.stringify(records, null, 2) + '\n');
    const expected = JSON.parse(readFileSync(path, 'utf8'));
    expect(records).toEqual(expected);
  });
});
