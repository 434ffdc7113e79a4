/**
 * Output destinations.
 *
 * `--out FILE` writes to a temporary file beside FILE and renames it into place only when the run
 * completes, so an interrupted or failed run never leaves a truncated file and FILE keeps its
 * previous content. The temporary file has an unpredictable name (`.FILE.chiso-PID-RANDOM.tmp`)
 * and is created exclusively without following symlinks, so a link planted in a shared folder
 * cannot redirect the write. FILE itself is only ever replaced when it is a regular file with
 * one link that is not one of the inputs; it keeps its mode (and, for root, its owner).
 * Temporary files left by a killed run (SIGKILL, power loss) are removed by the next run that
 * writes the same FILE, once their process is gone.
 *
 * Writing to a closed pipe (`chiso extract … | head`) ends the run quietly; any other write
 * failure (disk full, closed standard output) is an `OutputError` with a plain message.
 */
import {
  closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

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

/**
 * The output cannot be written. `refused`: chiso would not replace what is at the path (exit 2);
 * `failed`: the environment stopped the write (missing folder, read-only, disk full: exit 4).
 */
export class OutputError extends Error {
  constructor(message: string, readonly kind: 'refused' | 'failed') {
    super(message);
  }
}

/** What `openAtomicOutput` needs to know about the run's inputs. */
export interface OutputGuard {
  /** Input files (dev:ino of each is compared with the target). */
  files: string[];
  /** Input folders, and the extensions read in them (an output there would be read back). */
  folders: string[];
  extensions: string[];
}

export interface AtomicOutput extends Output {
  /** Stale temporary files of earlier, killed runs that were removed. */
  readonly removedStale: string[];
}

export function atomicFileOutput(path: string, guard: OutputGuard = { files: [], folders: [], extensions: [] }): AtomicOutput {
  const dir = dirname(path);
  const base = basename(path);
  if (isDevNull(path)) return { ...fdOutput(openSync(path, 'w'), path), removedStale: [] }; // `-o /dev/null`: discard, as asked
  const target = checkTarget(path, guard);
  let dirSt;
  try {
    dirSt = statSync(dir);
  } catch (e) {
    throw new OutputError(`--out ${path}: ${code(e) === 'ENOENT' ? `the folder ${dir} does not exist` : `cannot use the folder ${dir} (${describe(e)})`}`, 'failed');
  }
  if (!dirSt.isDirectory()) throw new OutputError(`--out ${path}: ${dir} is not a folder`, 'failed');
  const removedStale = removeStaleTemps(dir, base);
  const tmp = join(dir, `.${base}.chiso-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    // Exclusive and no-follow: never an existing file, never through a symlink.
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, target ? 0o600 : 0o666);
  } catch (e) {
    throw new OutputError(`--out ${path}: cannot create a file in ${dir} (${describe(e)})`, 'failed');
  }
  let done = false;
  const cleanup = () => {
    if (done) return;
    done = true;
    try { closeSync(fd); } catch { /* already closed */ }
    try { unlinkSync(tmp); } catch { /* already gone */ }
  };
  process.once('exit', cleanup);
  try {
    if (target) {
      fchmodSync(fd, target.mode & 0o7777);
      if (process.getuid?.() === 0) fchownSync(fd, target.uid, target.gid);
    }
  } catch {
    /* keeping mode and owner is best effort: the content is what matters */
  }
  const fail = (e: unknown): never => {
    cleanup();
    process.removeListener('exit', cleanup);
    throw new OutputError(`--out ${path}: cannot write (${describe(e)}); ${target ? 'it keeps its previous content' : 'nothing was written'}`, 'failed');
  };
  return {
    closed: false,
    removedStale,
    write(s) {
      if (done) return;
      try {
        writeAll(fd, Buffer.from(s, 'utf8'));
      } catch (e) {
        fail(e);
      }
    },
    commit() {
      if (done) return;
      try {
        fsyncSync(fd);
        closeSync(fd);
      } catch (e) {
        fail(e);
      }
      // What is at the path may have changed during the run: check again (rename replaces the
      // directory entry itself, never what a symlink points to).
      try {
        checkTarget(path, { files: [], folders: [], extensions: [] });
      } catch (e) {
        cleanup();
        process.removeListener('exit', cleanup);
        throw e;
      }
      try {
        renameSync(tmp, path);
      } catch (e) {
        fail(e);
      }
      done = true;
      process.removeListener('exit', cleanup);
    },
    abort() {
      cleanup();
      process.removeListener('exit', cleanup);
    },
  };
}

function isDevNull(path: string): boolean {
  try {
    return statSync(path).isCharacterDevice() && realpathSync(path) === '/dev/null';
  } catch {
    return false;
  }
}

/** The existing target's mode and owner (null: nothing there yet), or why it must not be replaced. */
function checkTarget(path: string, guard: OutputGuard): { mode: number; uid: number; gid: number } | null {
  let st;
  try {
    st = lstatSync(path);
  } catch (e) {
    if (code(e) !== 'ENOENT') throw new OutputError(`--out ${path}: ${describe(e)}`, 'failed');
    st = null;
  }
  if (st) {
    const what = st.isSymbolicLink() ? 'a symlink' : st.isDirectory() ? 'a folder' : st.isFIFO() ? 'a FIFO' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : null;
    if (what) throw new OutputError(`--out ${path}: is ${what}; chiso only replaces regular files (remove it, or choose another path)`, 'refused');
    if (st.nlink > 1) throw new OutputError(`--out ${path}: has ${st.nlink} hard links; replacing it would break them (remove it, or choose another path)`, 'refused');
    for (const f of guard.files) {
      if (f === '-') continue;
      try {
        const fs = statSync(f);
        if (fs.dev === st.dev && fs.ino === st.ino) throw new OutputError(`--out ${path}: is one of the inputs (${f}); it would be replaced by its own records`, 'refused');
      } catch (e) {
        if (e instanceof OutputError) throw e;
      }
    }
  }
  const lower = basename(path).toLowerCase();
  if (guard.extensions.some((ext) => lower.endsWith(ext))) {
    const abs = resolve(path);
    for (const folder of guard.folders) {
      const root = resolve(folder);
      if (abs.startsWith(root.endsWith('/') ? root : root + '/')) {
        throw new OutputError(`--out ${path}: is inside the input folder ${folder} and would be read as an input by the next run (write it elsewhere, or give it another extension)`, 'refused');
      }
    }
  }
  return st ? { mode: st.mode, uid: st.uid, gid: st.gid } : null;
}

/** Removes `.BASE.chiso-PID-*.tmp` (and the older `.BASE.PID.tmp`) whose process is gone. */
function removeStaleTemps(dir: string, base: string): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  const prefix = `.${base}.`;
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(?:chiso-(\d+)-[0-9a-f]+|(\d+))\.tmp$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const pid = Number(m[1] ?? m[2]);
    if (pid === process.pid || alive(pid)) continue;
    const p = join(dir, name);
    try {
      const st = lstatSync(p);
      // Only our own regular files: never someone else's, never through a link.
      if (!st.isFile() || (process.getuid && st.uid !== process.getuid())) continue;
      unlinkSync(p);
      removed.push(p);
    } catch {
      /* gone meanwhile, or not ours */
    }
  }
  return removed;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return code(e) === 'EPERM'; // exists, belongs to someone else
  }
}

/** Writes all of `buf`, waiting briefly when a non-blocking descriptor is full (EAGAIN). */
function writeAll(fd: number, buf: Buffer): void {
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      if (code(e) !== 'EAGAIN') throw e;
      sleep(5);
    }
  }
}

const SLEEPER = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(SLEEPER, 0, 0, ms);
}

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}

function describe(e: unknown): string {
  switch (code(e)) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EROFS': return 'read-only file system';
    case 'ENOSPC': return 'no space left on the device';
    case 'EDQUOT': return 'disk quota exceeded';
    case 'EFBIG': return 'file too large for the file system';
    case 'EIO': return 'input/output error';
    case 'ENOTDIR': return 'a path component is not a folder';
    case 'ENAMETOOLONG': return 'the name is too long';
    case 'EBADF': return 'the descriptor is closed';
    default: return (e as Error)?.message ?? String(e);
  }
}

/** Synchronous writes to a file descriptor (stdout): simple back-pressure, EPIPE detected. */
export function fdOutput(fd: number, name = 'standard output'): Output {
  const closedAtStart = fd <= 2 && wasClosedAtStart(fd);
  const out = {
    closed: false,
    write(s: string) {
      if (out.closed) throw new PipeClosedError();
      if (closedAtStart) throw new OutputError(`cannot write to ${name}: it is closed (use -o FILE, or redirect it)`, 'failed');
      try {
        writeAll(fd, Buffer.from(s, 'utf8'));
      } catch (e) {
        if (code(e) === 'EPIPE') {
          out.closed = true;
          throw new PipeClosedError();
        }
        throw new OutputError(`cannot write to ${name} (${code(e) === 'EBADF' ? 'it is closed' : describe(e)})`, 'failed');
      }
    },
    commit() {},
    abort() {},
  };
  return out;
}

/**
 * Whether standard descriptor `fd` was closed when the process started (`chiso … >&-`). Node
 * then opens /dev/null read-write in its place, so writes would vanish with exit 0; a shell's
 * `>/dev/null` opens it write-only. Linux only (elsewhere: false).
 */
export function wasClosedAtStart(fd: number): boolean {
  try {
    fstatSync(fd);
  } catch {
    return true;
  }
  try {
    if (readlinkSync(`/proc/self/fd/${fd}`) !== '/dev/null') return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'));
    return flags !== null && (parseInt(flags[1]!, 8) & 3) === constants.O_RDWR;
  } catch {
    return false;
  }
}

/** In-memory output, for tests and `run()` callers. */
export function memoryOutput(): Output & { text(): string } {
  const parts: string[] = [];
  return { closed: false, write: (s) => void parts.push(s), commit() {}, abort() {}, text: () => parts.join('') };
}
