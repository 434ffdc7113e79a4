/** A loaded, compiled, checked rule set: what the matcher runs. Pure data, no I/O. */
import type { Unit } from '../candidates/types.js';
import type { Indicator, Province, Rule } from './schema.js';
import type { FrameSource } from '../frames/compile.js';
import type { GazetteerData } from '../places/data.js';

export interface CompiledRule {
  rule: Rule;
  /** Where the rule was written, for diagnostics. */
  file: string;
  line: number;
  col: number;
  /** Sticky: run with `lastIndex` at the end of the number. */
  after?: RegExp;
  /** Global: searched over a clause. */
  before?: RegExp;
  notAfter?: RegExp;
  notBefore?: RegExp;
  context?: RegExp;
  units: ReadonlySet<Unit>;
  /**
   * Literal gate: the rule can only match in a clause containing (lower-cased) one of the
   * strings of every list here (one list per pattern that has necessary literals).
   */
  gates: string[][];
}

export interface RuleSet {
  rules: CompiledRule[];
  indicators: Map<string, Indicator>;
  provinces: Province[];
  lexicon: Record<string, string>;
  /** Concepts and frames (`concepts.yaml`, `frames.yaml`) as plain data; see src/frames. */
  frameSource?: FrameSource;
  /** Districts, the country, regions, ministries: `districts.yaml`, `places.yaml` (src/places). */
  gazetteer?: GazetteerData;
}

/** A problem found while loading or checking rules: `file:line:col  message  [id]`. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  code: string;
  message: string;
  ruleId?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.col}  ${d.message}${d.ruleId ? `  [${d.ruleId}]` : ''}`;
}
