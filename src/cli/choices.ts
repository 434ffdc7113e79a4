/**
 * The values of the CLI's choice options. A leaf module (no imports), so `--help` and
 * `--version` can list them without loading the formatters, the pivot or the pipeline.
 */

/** `extract --format`. */
export const FORMATS = ['csv', 'json', 'jsonl', 'table'] as const;
export type Format = (typeof FORMATS)[number];

/** `pivot --by`. */
export const PIVOT_BY = ['place', 'province', 'province_2025'] as const;
export type PivotBy = (typeof PIVOT_BY)[number];

/** `pivot --format`. */
export const PIVOT_FORMATS = ['csv', 'jsonl', 'table'] as const;

/** `--encoding`. */
export const ENCODINGS = ['auto', 'utf8', 'utf16le', 'utf16be', 'windows-1258', 'tcvn3', 'vni'];

/** Input size limits (read by the entry point for standard input, and by the readers). */
export const LIMITS = {
  /** Largest text or HTML file read as one article. */
  fileBytes: 64 * 1024 * 1024,
  /** Longest line in a text article (longer: the file is skipped, naming the line). */
  textLineChars: 1024 * 1024,
  /** Longest JSONL line (longer: that line is skipped). */
  jsonlLineBytes: 16 * 1024 * 1024,
};
