import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildRuleSet, readRuleSources } from '../src/rules/load.js';
import { buildProvinceMatcher } from '../src/article/fields.js';
import { extractArticle, type Article } from '../src/pipeline/extract.js';
import type { RuleSet } from '../src/rules/ruleset.js';

export const ROOT = join(import.meta.dirname, '..');
export const RULES_DIR = join(ROOT, 'rules');
export const ARTICLES_DIR = join(ROOT, 'fixtures', 'articles');

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
