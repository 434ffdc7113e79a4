/**
 * Text bound for a terminal: control characters from ids, file names and titles (ESC sequences
 * that recolour, retitle or clear the terminal, bidi overrides) are shown escaped, not run.
 * Line feeds and tabs stay (messages may span lines).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

export function safeForTerminal(s: string): string {
  return s.replace(CONTROL, (c) => {
    const cp = c.codePointAt(0)!;
    return cp <= 0xff ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  });
}
