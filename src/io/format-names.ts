/** The output formats. A leaf module: `--help` lists them without loading the formatters. */
export const FORMATS = ['csv', 'json', 'jsonl', 'table'] as const;
export type Format = (typeof FORMATS)[number];
