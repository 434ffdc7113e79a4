/** Wires `run()` to the real process. The only place that touches process.exitCode. */
import { readFileSync } from 'node:fs';
import { fdOutput } from '../io/output.js';
import { readStdinSync } from '../io/stdin.js';
import { LIMITS } from '../io/limits.js';
import { run } from './program.js';
import { safeForTerminal } from './terminal.js';

const io = {
  stdout: fdOutput(1),
  stderr: (line: string) => {
    try {
      process.stderr.write(safeForTerminal(line) + '\n');
    } catch {
      /* stderr closed: nothing left to tell */
    }
  },
  // At most the size limit plus one byte is read: the caller reports a larger input.
  readStdin: () => readStdinSync(LIMITS.fileBytes),
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
  rawArg: rawArgs(),
};

/**
 * Node decodes arguments as UTF-8, so a file name in another encoding arrives with U+FFFD and
 * names no file. On Linux the original bytes are in /proc/self/cmdline: an argument holding
 * U+FFFD is mapped back to them (only when the counts line up).
 */
function rawArgs(): ((arg: string) => Buffer | undefined) | undefined {
  const user = process.argv.slice(2);
  if (!user.some((a) => a.includes('\uFFFD'))) return undefined;
  let raw: Buffer[];
  try {
    const all = readFileSync('/proc/self/cmdline');
    raw = [];
    let from = 0;
    for (let i = all.indexOf(0); i !== -1; i = all.indexOf(0, from)) {
      raw.push(all.subarray(from, i));
      from = i + 1;
    }
  } catch {
    return undefined;
  }
  const tail = raw.slice(raw.length - user.length);
  if (raw.length < user.length || tail.some((b, i) => b.toString('utf8') !== user[i])) return undefined;
  const map = new Map(user.map((a, i) => [a, tail[i]!] as const).filter(([a]) => a.includes('\uFFFD')));
  return (arg) => map.get(arg);
}

process.stdout.on('error', () => {}); // EPIPE is handled by fdOutput
process.stdin.on('error', () => {}); // a broken stdin ends the read; the reader reports it
// Ctrl-C, kill, a closed terminal: exit through process.exit so the --out temp file is removed
// ('exit' handler). Extraction of large articles runs off this thread, so the signal is acted
// on at once. SIGUSR1 would open Node's inspector (a debugger port): a listener turns that off.
process.once('SIGINT', () => process.exit(130));
process.once('SIGTERM', () => process.exit(143));
process.once('SIGHUP', () => process.exit(129));
process.on('SIGUSR1', () => {});
run(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    io.stderr(`chiso: internal error: ${(e as Error)?.message ?? String(e)}`);
    process.exitCode = 3;
  },
);
