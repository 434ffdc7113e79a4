/** What a pivot row is about, and the pivot's output formats. A leaf module, for `--help`. */
export const PIVOT_BY = ['place', 'province', 'province_2025'] as const;
export type PivotBy = (typeof PIVOT_BY)[number];

export const PIVOT_FORMATS = ['csv', 'jsonl', 'table'] as const;
