/** Input size limits. A leaf module: the entry point reads them without loading the readers. */
export const LIMITS = {
  /** Largest text or HTML file read as one article. */
  fileBytes: 64 * 1024 * 1024,
  /** Longest line in a text article (longer: the file is skipped, naming the line). */
  textLineChars: 1024 * 1024,
  /** Longest JSONL line (longer: that line is skipped). */
  jsonlLineBytes: 16 * 1024 * 1024,
};
