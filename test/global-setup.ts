/**
 * Runs once before the suite: chiso's per-user rule cache goes to a temporary folder (removed
 * afterwards), so the tests, which spawn chiso on many throw-away rule folders, never write to
 * the user's ~/.cache and never read what an earlier run left there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-test-cache-'));
  process.env.XDG_CACHE_HOME = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
