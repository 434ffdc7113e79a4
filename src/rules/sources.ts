/**
 * Reads the files of a rule directory (`readRuleSources`): what `buildRuleSet` (load.ts) parses
 * and what the rule cache (cache.ts) hashes. No YAML, no zod: a cached rule set loads without them.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync } from 'node:fs';
import { join, sep } from 'node:path';

export interface RuleSource {
  file: string; // path as shown in diagnostics
  text: string;
  /** Why the file was not read (not a regular file, a symlink out of the folder, too large …). */
  problem?: string;
}

/** Largest rule file read (the bundled catalog is about 100 KB). */
export const MAX_RULE_FILE_BYTES = 8 * 1024 * 1024;

/**
 * The rule files of a folder. Only regular files are read (a FIFO or a device named `*.yaml`
 * would block or never end), opened without blocking and read up to the size limit; a symlink
 * is followed only when it stays inside the folder (a link to `/etc/shadow` is not read, so
 * its content never reaches a diagnostic).
 */
export function readRuleSources(dir: string): RuleSource[] {
  const names = readdirSync(dir).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort();
  let root: string;
  try {
    root = realpathSync.native(dir);
  } catch {
    root = dir;
  }
  return names.map((n) => {
    const file = join(dir, n);
    const problem = (message: string): RuleSource => ({ file, text: '', problem: message });
    try {
      if (lstatSync(file).isSymbolicLink()) {
        const target = realpathSync.native(file);
        if (!target.startsWith(root + sep)) return problem('is a symlink to a file outside the rule folder; not read');
      }
      const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
      try {
        const st = fstatSync(fd);
        if (!st.isFile()) return problem(`is not a regular file (${st.isFIFO() ? 'a FIFO' : st.isDirectory() ? 'a folder' : 'a device or socket'}); not read`);
        const buf = Buffer.alloc(Math.min(st.size, MAX_RULE_FILE_BYTES) + 1);
        let len = 0;
        for (let got = 1; got > 0 && len < buf.length; len += got) got = readSync(fd, buf, len, buf.length - len, null);
        if (len > MAX_RULE_FILE_BYTES) return problem(`is larger than ${MAX_RULE_FILE_BYTES / 1024 / 1024} MB; not read`);
        return { file, text: buf.subarray(0, len).toString('utf8') };
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return problem(code === 'ENOENT' ? 'is a broken symlink' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? (e as Error).message})`);
    }
  });
}
