// Keys compose from concepts: sentences drawn from every frame (each form of its concepts) in
// the press's patterns come out under the frame's key. See test/compose.ts.
import { describe, expect, it } from 'vitest';
import { compose } from './compose.js';
import { extract } from './helpers.js';

describe('composition: every frame × the press patterns', () => {
  const sentences = compose();
  const results = sentences.map((s) => {
    const { records } = extract(s.text);
    const outcome = s.values.map((v) => {
      const r = records.find((x) => x.unit === s.unit && Math.abs(x.value - v) < 1e-9);
      return !r || r.indicator === null ? 'missed' : r.indicator === s.key ? 'right' : `wrong:${r.indicator}`;
    });
    return { s, outcome };
  });
  const total = results.reduce((n, r) => n + r.outcome.length, 0);
  const right = results.reduce((n, r) => n + r.outcome.filter((o) => o === 'right').length, 0);
  const wrong = results.flatMap((r) => r.outcome.filter((o) => o.startsWith('wrong')).map((o) => `${r.s.text} → ${o.slice(6)} (frame ${r.s.key}, ${r.s.pattern})`));
  const missed = results.flatMap((r) => r.outcome.filter((o) => o === 'missed').map(() => `${r.s.text} (frame ${r.s.key}, ${r.s.pattern})`));

  it('draws at least 2,000 sentences from every frame', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(2000);
  });
  it('keys at least 95 % right and at most 1 % wrong', () => {
    console.log(`composition: ${right}/${total} right (${((100 * right) / total).toFixed(1)} %), ${wrong.length} wrong, ${missed.length} missed`);
    if (process.env.SHOW_COMPOSITION) console.log([...wrong, '--- missed', ...missed].join('\n'));
    expect(wrong.length / total, wrong.slice(0, 30).join('\n')).toBeLessThanOrEqual(0.01);
    expect(right / total, missed.slice(0, 30).join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
