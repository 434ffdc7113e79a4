/**
 * Expands command-line inputs into a list of input files: files as given, folders walked
 * recursively for supported extensions, `-` for stdin. Problems are returned, not thrown, so one
 * bad path never stops the run.
 *
 * The walk is iterative (no recursion limit) and costs one `readdir` per folder and one `stat`
 * per folder and symlink, so a tree 1,500 folders deep is read in time linear in its size. Only
 * regular files are read from folders: a FIFO, socket or device named `*.txt` is reported and
 * skipped (reading it would block, or never end). Symlink loops are found by device and inode.
 * The same file reached twice (a folder and its subfolder both given, a symlink) is read once.
 * File names that are not valid UTF-8 are read through their raw bytes (`raw`).
 */
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join } from 'node:path';

export const TEXT_EXTENSIONS = ['.txt', '.md'];

export interface InputProblem {
  path: string;
  message: string;
}

export interface ExpandedInputs {
  files: string[]; // '-' stands for stdin
  problems: InputProblem[];
  /** Files named more than once (directly, or through overlapping folders): read once. */
  duplicates: { path: string; first: string }[];
  /** The byte paths of files whose names are not valid UTF-8 (`files` shows them lossily). */
  raw: Map<string, Buffer>;
  /** The folders walked (to keep `--out` from being written where it would be read back). */
  folders: string[];
}

type FsPath = string | Buffer;

export function expandInputs(inputs: string[], extensions: string[] = TEXT_EXTENSIONS, rawArg?: (arg: string) => Buffer | undefined): ExpandedInputs {
  const out: ExpandedInputs = { files: [], problems: [], duplicates: [], raw: new Map(), folders: [] };
  const seen = new Map<string, string>(); // dev:ino → first path
  const add = (display: string, path: FsPath, st: Stats | null) => {
    if (st) {
      const key = `${st.dev}:${st.ino}`;
      const first = seen.get(key);
      if (first !== undefined) {
        out.duplicates.push({ path: display, first });
        return;
      }
      seen.set(key, display);
    }
    out.files.push(display);
    if (typeof path !== 'string') out.raw.set(display, path);
  };
  for (const input of inputs) {
    if (input === '-') {
      out.files.push('-');
      continue;
    }
    const path: FsPath = rawArg?.(input) ?? input;
    let st: Stats;
    try {
      st = statSync(path);
    } catch (e) {
      out.problems.push({ path: input, message: describeFsError(e) });
      continue;
    }
    if (st.isDirectory()) {
      out.folders.push(input);
      walk(input, path, st, extensions, out, add);
    } else add(input, path, st.isFile() ? st : null);
  }
  return out;
}

interface Frame {
  display: string;
  path: FsPath;
  key: string;
  entries: Dirent<Buffer>[];
  next: number;
}

function walk(display: string, path: FsPath, st: Stats, extensions: string[], out: ExpandedInputs, add: (d: string, p: FsPath, st: Stats | null) => void): void {
  const stack: Frame[] = [];
  const onStack = new Set<string>();
  const enter = (d: string, p: FsPath, s: Stats) => {
    const key = `${s.dev}:${s.ino}`;
    if (onStack.has(key)) {
      out.problems.push({ path: d, message: 'symlink loop: this folder is already being read' });
      return;
    }
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(p, { withFileTypes: true, encoding: 'buffer' });
    } catch (e) {
      out.problems.push({ path: d, message: describeFsError(e) });
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    onStack.add(key);
    stack.push({ display: d, path: p, key, entries, next: 0 });
  };
  enter(display, path, st);
  const wanted = (name: string) => {
    const lower = name.toLowerCase();
    return extensions.some((ext) => lower.endsWith(ext));
  };
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next >= top.entries.length) {
      onStack.delete(top.key);
      stack.pop();
      continue;
    }
    const ent = top.entries[top.next++]!;
    const name = ent.name.toString('utf8');
    const validName = Buffer.from(name, 'utf8').equals(ent.name);
    const d = join(top.display, name);
    const p: FsPath = validName && typeof top.path === 'string' ? join(top.path, name) : Buffer.concat([Buffer.from(top.path), Buffer.from('/'), ent.name]);
    let s: Stats | null = null;
    let isDir = ent.isDirectory();
    let isFile = ent.isFile();
    if (ent.isSymbolicLink() || (!isDir && !isFile && !ent.isFIFO() && !ent.isSocket() && !ent.isCharacterDevice() && !ent.isBlockDevice())) {
      try {
        s = statSync(p);
      } catch (e) {
        if (wanted(name)) out.problems.push({ path: d, message: describeFsError(e) });
        continue;
      }
      isDir = s.isDirectory();
      isFile = s.isFile();
    }
    if (isDir) {
      try {
        s ??= statSync(p);
      } catch (e) {
        out.problems.push({ path: d, message: describeFsError(e) });
        continue;
      }
      enter(d, p, s);
      continue;
    }
    if (!wanted(name)) continue;
    if (!isFile) {
      const kind = (s ? s.isFIFO() : ent.isFIFO()) ? 'a FIFO' : (s ? s.isSocket() : ent.isSocket()) ? 'a socket' : 'a device';
      out.problems.push({ path: d, message: `not a regular file (${kind})` });
      continue;
    }
    try {
      s ??= statSync(p);
    } catch (e) {
      out.problems.push({ path: d, message: describeFsError(e) });
      continue;
    }
    add(d, p, s);
  }
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory, expected a file';
    case 'ELOOP': return 'symlink loop';
    case 'ENOTDIR': return 'a path component is not a directory';
    case 'ENAMETOOLONG': return 'the path is too long for the system';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    default: return (e as Error)?.message ?? String(e);
  }
}
