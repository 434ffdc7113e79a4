import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildRuleSet, readRuleSources } from '../src/rules/load.js';
import { buildProvinceMatcher } from '../src/article/fields.js';
import { extractArticle, type Article } from '../src/pipeline/extract.js';
import type { RuleSet } from '../src/rules/ruleset.js';

export const ROOT = join(import.meta.dirname, '..');
export const RULES_DIR = join(ROOT, 'rules');
export const ARTICLES_DIR = join(ROOT, 'fixtures', 'articles');
export const BIN = join(ROOT, 'bin', 'chiso');

export interface RunResult { code: number | null; stdout: string; stderr: string }

/**
 * Runs a command in ROOT and awaits it, with NO_COLOR set. Tests never use spawnSync or
 * execFileSync: they block the test worker's event loop, and on a loaded machine vitest then
 * gives up waiting for the worker (`Timeout calling "onTaskUpdate"`) and fails a passing run.
 */
export function run(cmd: string, args: string[], input?: string | Buffer, env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

/** The built CLI (bin/chiso) in a child process, awaited: see run. */
export const chiso = (args: string[], input?: string | Buffer): Promise<RunResult> => run(process.execPath, [BIN, ...args], input);

let cached: RuleSet | null = null;
export function bundledRules(): RuleSet {
  if (!cached) {
    const { ruleSet, diagnostics } = buildRuleSet(readRuleSources(RULES_DIR));
    if (diagnostics.length) throw new Error(`bundled rules have problems: ${JSON.stringify(diagnostics)}`);
    cached = ruleSet;
  }
  return cached;
}

export function extract(text: string, source = 'test', extra: Partial<Article> = {}) {
  const ruleSet = bundledRules();
  return extractArticle({ source, text, ...extra }, { ruleSet, provinces: buildProvinceMatcher(ruleSet.provinces) });
}

export function articleFiles(): string[] {
  return readdirSync(ARTICLES_DIR).filter((n) => n.endsWith('.txt')).sort();
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

/** mulberry32: a small, fast, seeded generator (fixed-seed corpora and fuzzing). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
