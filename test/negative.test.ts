/** The negative corpus: dates, document numbers, versions, technology names … never records. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, extract } from './helpers.js';

const lines = readFileSync(join(ROOT, 'fixtures', 'negative.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'));

describe('negative corpus', () => {
  it('has cases', () => expect(lines.length).toBeGreaterThan(50));
  it.each(lines)('%s', (line) => {
    const { records } = extract(line);
    expect(records.map((r) => `${r.indicator} ${r.value} ${r.unit} [${r.rule}] «${r.text}»`)).toEqual([]);
  });
});
