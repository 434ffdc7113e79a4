export const UNITS = ['percent', 'count', 'fraction', 'vnd', 'rank', 'score', 'density', 'times'] as const;
/** A level (the state itself) or a change of one, stated as such (`tăng 12 bậc`, `giảm 4 hạng`). */
export const MEASURES = ['level', 'increase', 'decrease'] as const;
export type Measure = (typeof MEASURES)[number];
export type Unit = (typeof UNITS)[number];

/**
 * Why a number found in the text is not a statistic (records.md, "never records"). `base`: the
 * base of a density (`/100 dân`); `field`: the field a rank is taken in (`trong 63 tỉnh`) or a
 * list's size (`5 địa phương khác`); `density`: a norm per unit (`Mỗi cơ quan có 1 công chức`);
 * `multiplier`: `N lần` that states no multiple (`3 lần`).
 */
export const EXCLUSION_REASONS = [
  'date', 'time', 'year', 'document', 'version', 'code', 'phone', 'url', 'ordinal', 'duration',
  'structure', 'label', 'density', 'base', 'field', 'ratio', 'multiplier', 'completion',
  // Visible garbage between the digits (`1.2🙂00`): no value can be trusted.
  'garbled',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/**
 * A number in the (normalized) text with its reading: value, unit, denominator. Produced by
 * the candidate finder before any rule runs; rules then decide which indicator, if any.
 */
export interface Candidate {
  /** Normalized-text span of the numeric expression (`58/71`, `50,65%`, `2.000 tỷ đồng`). */
  start: number;
  end: number;
  value: number;
  unit: Unit;
  denominator: number | null;
  /** Unit was inferred from a bare number (no `%`, noun, `điểm` …): rules may coerce it. */
  bare: boolean;
  /** Set when the number is one end of a range (`từ 45% đến 78%`). */
  range?: 'low' | 'high';
  /** Set when a rank cue makes the qualifier at_most (`nằm trong nhóm 10 … dẫn đầu`, `top 10`). */
  rankGroup?: boolean;
  /** A rank within a region, not among all provinces (`đứng thứ ba trong các tỉnh duyên hải`). */
  regional?: boolean;
  excluded?: ExclusionReason;
  /**
   * A change stated as such (`tăng 12 bậc`, `gấp 1,8 lần`); absent for a level. Changes are read
   * apart from levels: only rules marked `reads_change` may key them.
   */
  measure?: Measure;
}
