/**
 * Expands command-line inputs into a list of input files: files as given, folders walked
 * recursively for supported extensions (symlink loops are detected), `-` for stdin.
 * Problems are returned, not thrown, so one bad path never stops the run.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const TEXT_EXTENSIONS = ['.txt', '.md'];

export interface InputProblem {
  path: string;
  message: string;
}

export interface ExpandedInputs {
  files: string[]; // '-' stands for stdin
  problems: InputProblem[];
}

export function expandInputs(inputs: string[], extensions: string[] = TEXT_EXTENSIONS): ExpandedInputs {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    let st;
    try {
      st = statSync(input);
    } catch (e) {
      problems.push({ path: input, message: describeFsError(e) });
      continue;
    }
    if (st.isDirectory()) walk(input, new Set(), files, problems, extensions);
    else files.push(input);
  }
  return { files, problems };
}

function walk(dir: string, visiting: Set<string>, files: string[], problems: InputProblem[], extensions: string[]): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch (e) {
    problems.push({ path: dir, message: describeFsError(e) });
    return;
  }
  if (visiting.has(real)) {
    problems.push({ path: dir, message: 'symlink loop: this folder is already being read' });
    return;
  }
  visiting.add(real);
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    problems.push({ path: dir, message: describeFsError(e) });
    visiting.delete(real);
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      problems.push({ path: p, message: describeFsError(e) });
      continue;
    }
    if (st.isDirectory()) walk(p, visiting, files, problems, extensions);
    else if (extensions.some((ext) => name.toLowerCase().endsWith(ext))) files.push(p);
  }
  visiting.delete(real);
}

export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory, expected a file';
    case 'ELOOP': return 'symlink loop';
    case 'ENOTDIR': return 'a path component is not a directory';
    default: return (e as Error)?.message ?? String(e);
  }
}
