/** What a command needs from the outside world; `bin/chiso` wires it to `process`. */
import type { Output } from '../io/output.js';

export interface CliIO {
  stdout: Output;
  /** Diagnostics, one line each (no trailing newline needed). */
  stderr: (line: string) => void;
  readStdin: () => Buffer;
  /** Standard input as a stream (JSONL from a pipe), when available. */
  stdinStream?: () => AsyncIterable<Buffer>;
  /** Writes to stderr without a newline (progress redraws), when stderr is a terminal. */
  stderrRaw?: (s: string) => void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Record<string, string | undefined>;
  /** The raw bytes of a command-line argument that is not valid UTF-8 (a file name), when known. */
  rawArg?: (arg: string) => Buffer | undefined;
}

/** Exit codes (README "Exit codes"). */
export const EXIT = { ok: 0, partial: 1, usage: 2, internal: 3, output: 4 } as const;

export class UsageError extends Error {}
