/**
 * A frame seen as a rule, so everything downstream of matching (links, `lần lượt`, records,
 * `explain`) treats a frame's reading like a rule's. Its id is `frame.<key>`.
 */
import type { CompiledRule } from '../rules/ruleset.js';
import type { CompiledFrame } from './frames.js';

const asRule = new WeakMap<CompiledFrame, CompiledRule>();

export function frameRule(f: CompiledFrame): CompiledRule {
  let r = asRule.get(f);
  if (!r) {
    r = {
      rule: {
        id: `frame.${f.key}`, indicator: f.key, units: [...f.keyUnits], crosses_numbers: false, consumes: true, reads_change: false,
        fold: 'none', priority: 0, examples: [], counterexamples: [],
      },
      // The key's units, not the frame's: a count's frame lends its key to the share that restates
      // it (`1,05 triệu tài khoản …, tương đương khoảng 92% dân số`).
      file: f.file, line: f.line, col: 1, units: f.keyUnits, gates: [],
    };
    asRule.set(f, r);
  }
  return r;
}
