/**
 * Standard input, read synchronously for the one-file commands (`explain -`, `normalize -`):
 * never more than `limit + 1` bytes are held (the caller reports an input over the limit), and
 * a non-blocking pipe that has no data yet (EAGAIN, a slow producer) is waited for, not an error.
 */
import { readSync } from 'node:fs';

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

export function readStdinSync(limit: number, fd = 0): Buffer {
  const parts: Buffer[] = [];
  let size = 0;
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(1024 * 1024, limit + 1 - size));
    let n: number;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(SLEEPER, 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw e;
    }
    if (n === 0) break;
    parts.push(buf.subarray(0, n));
    size += n;
    if (size > limit) break;
  }
  return Buffer.concat(parts, size);
}
