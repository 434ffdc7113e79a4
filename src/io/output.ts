/**
 * Output destinations. `--out FILE` writes to a temporary file beside FILE and renames it into
 * place only when the run completes, so an interrupted run never leaves a truncated file.
 * Writing to a closed pipe (`chiso extract … | head`) ends the run quietly.
 */
import { closeSync, openSync, renameSync, unlinkSync, writeSync, fsyncSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface Output {
  write(s: string): void;
  /** Makes the output final (rename into place); for stdout, nothing. */
  commit(): void;
  /** Throws away a partial output (temp file removed). */
  abort(): void;
  /** True once the reader went away (EPIPE): stop producing. */
  readonly closed: boolean;
}

export class PipeClosedError extends Error {
  constructor() {
    super('output pipe closed');
  }
}

export function atomicFileOutput(path: string): Output {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  let done = false;
  const cleanup = () => {
    if (done) return;
    done = true;
    try { closeSync(fd); } catch { /* already closed */ }
    try { unlinkSync(tmp); } catch { /* already gone */ }
  };
  process.once('exit', cleanup);
  return {
    closed: false,
    write(s) {
      writeSync(fd, s);
    },
    commit() {
      if (done) return;
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tmp, path);
      done = true;
      process.removeListener('exit', cleanup);
    },
    abort: cleanup,
  };
}

/** Synchronous writes to a file descriptor (stdout): simple back-pressure, EPIPE detected. */
export function fdOutput(fd: number): Output {
  const out = {
    closed: false,
    write(s: string) {
      if (out.closed) throw new PipeClosedError();
      const buf = Buffer.from(s, 'utf8');
      let off = 0;
      while (off < buf.length) {
        try {
          off += writeSync(fd, buf, off);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === 'EAGAIN') continue;
          if (code === 'EPIPE') {
            out.closed = true;
            throw new PipeClosedError();
          }
          throw e;
        }
      }
    },
    commit() {},
    abort() {},
  };
  return out;
}

/** In-memory output, for tests and `run()` callers. */
export function memoryOutput(): Output & { text(): string } {
  const parts: string[] = [];
  return { closed: false, write: (s) => void parts.push(s), commit() {}, abort() {}, text: () => parts.join('') };
}
