/** What a command needs from the outside world; `bin/chiso` wires it to `process`. */
import type { Output } from '../io/output.js';

export interface CliIO {
  stdout: Output;
  /** Diagnostics, one line each (no trailing newline needed). */
  stderr: (line: string) => void;
  readStdin: () => Buffer;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
}

/** Exit codes (README "Exit codes"). */
export const EXIT = { ok: 0, partial: 1, usage: 2 } as const;

export class UsageError extends Error {}
