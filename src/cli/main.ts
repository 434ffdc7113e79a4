/** Wires `run()` to the real process. The only place that touches process.exitCode. */
import { readFileSync } from 'node:fs';
import { fdOutput } from '../io/output.js';
import { run } from './program.js';

const io = {
  stdout: fdOutput(1),
  stderr: (line: string) => {
    try {
      process.stderr.write(line + '\n');
    } catch {
      /* stderr closed: nothing left to tell */
    }
  },
  readStdin: () => readFileSync(0),
  stdinStream: () => process.stdin as AsyncIterable<Buffer>,
  stderrRaw: (s: string) => {
    try {
      process.stderr.write(s);
    } catch {
      /* ignore */
    }
  },
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  env: process.env,
};

process.stdout.on('error', () => {}); // EPIPE is handled by fdOutput
// Ctrl-C / kill: exit through process.exit so the --out temp file is removed ('exit' handler).
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));
run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.stderr(`chiso: internal error: ${(e as Error)?.message ?? String(e)}`);
    process.exitCode = 3;
  },
);
