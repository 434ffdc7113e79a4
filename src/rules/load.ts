/**
 * Loads a rule directory: `indicators.yaml` (the catalog), `provinces.yaml` (the gazetteer),
 * `lexicon.yaml` (named phrase classes) and every other `*.yaml` / `*.json` file as rules.
 * Reading the files is the caller's business (`readRuleSources`); building is pure.
 */
import { LineCounter, parseDocument, isSeq, isMap, isAlias, visit, type Node } from 'yaml';
import { z } from 'zod';
import {
  IndicatorSchema, LexiconSchema, ProvinceSchema, RuleFileSchema, RuleSchema, type Indicator, type Province, type Rule,
} from './schema.js';
import { compilePattern, patternBody, PatternError } from './compile.js';
import { requiredLiterals } from './literals.js';
import type { CompiledRule, Diagnostic, RuleSet } from './ruleset.js';
import { checkPatternSafety } from './safety.js';
import { ConceptsSchema, FrameSchema } from '../frames/schema.js';
import { compileFrames, type FrameSource } from '../frames/compile.js';
import { DistrictsSchema, EMPTY_GAZETTEER, PlacesSchema, type GazetteerData } from '../places/data.js';
import type { RuleSource } from './sources.js';

// Reading the files is a module of its own (no YAML, no zod), so a cached rule set loads without them.
export { MAX_RULE_FILE_BYTES, readRuleSources, type RuleSource } from './sources.js';

const SPECIAL = new Set(['indicators.yaml', 'provinces.yaml', 'lexicon.yaml', 'concepts.yaml', 'frames.yaml', 'districts.yaml', 'places.yaml']);

export interface LoadResult {
  ruleSet: RuleSet;
  diagnostics: Diagnostic[];
}

export interface BuildOptions {
  /**
   * Run the backtracking analysis on every pattern (default). The CLI skips it for the bundled
   * rules, which the test suite and `rules check` analyse; every rule directory a user names
   * is analysed.
   */
  checkSafety?: boolean;
}

export function buildRuleSet(given: RuleSource[], build: BuildOptions = {}): LoadResult {
  const diagnostics: Diagnostic[] = [];
  for (const s of given) if (s.problem) diagnostics.push(diag(s.file, 1, 1, 'unreadable', s.problem));
  const sources = given.filter((s) => !s.problem);
  const byName = (n: string) => sources.find((s) => baseName(s.file) === n);
  const indicators = new Map<string, Indicator>();
  const catalog = byName('indicators.yaml');
  if (!catalog) diagnostics.push(diag('(rules)', 1, 1, 'missing-catalog', 'no indicators.yaml in the rule directory'));
  else for (const ind of parseList(catalog, IndicatorSchema, diagnostics)) indicators.set(ind.value.key, ind.value);

  const provincesSrc = byName('provinces.yaml');
  const provinces: Province[] = provincesSrc ? parseList(provincesSrc, ProvinceSchema, diagnostics).map((p) => p.value) : [];

  const gazetteer = loadGazetteer(byName('districts.yaml'), byName('places.yaml'), diagnostics);

  let lexicon: Record<string, string> = {};
  const lexSrc = byName('lexicon.yaml');
  if (lexSrc) {
    const doc = parseYaml(lexSrc, diagnostics);
    const parsed = LexiconSchema.safeParse(doc?.value ?? {});
    if (parsed.success) lexicon = parsed.data;
    else diagnostics.push(diag(lexSrc.file, 1, 1, 'schema', `lexicon: ${z.prettifyError(parsed.error)}`));
  }

  const rules: CompiledRule[] = [];
  const seenIds = new Map<string, string>();
  for (const src of sources) {
    if (SPECIAL.has(baseName(src.file))) continue;
    const doc = parseYaml(src, diagnostics);
    if (!doc) continue;
    const file = RuleFileSchema.safeParse(doc.value);
    if (!file.success) {
      diagnostics.push(diag(src.file, 1, 1, 'schema', `rule file: ${z.prettifyError(file.error)}`));
      continue;
    }
    const nodes = rulesNodes(doc.node);
    file.data.rules.forEach((raw, i) => {
      const pos = doc.position(nodes[i]);
      const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
      const parsed = RuleSchema.safeParse(raw);
      if (!parsed.success) {
        diagnostics.push(diag(src.file, pos.line, pos.col, 'schema', z.prettifyError(parsed.error).replace(/\n/g, '; '), id));
        return;
      }
      const rule = parsed.data;
      const at = (code: string, message: string) => diagnostics.push(diag(src.file, pos.line, pos.col, code, message, rule.id));
      if (seenIds.has(rule.id)) at('duplicate-id', `duplicate rule id (first in ${seenIds.get(rule.id)})`);
      seenIds.set(rule.id, src.file);
      const ind = indicators.get(rule.indicator);
      if (!ind) at('unknown-indicator', `unknown indicator key "${rule.indicator}"`);
      else for (const u of rule.units) if (!ind.units.includes(u)) at('unit-not-allowed', `unit "${u}" is not allowed for ${rule.indicator} (allowed: ${ind.units.join(', ')})`);
      const compiled = compileRule(rule, lexicon, at, build.checkSafety !== false);
      if (compiled) rules.push({ ...compiled, file: src.file, line: pos.line, col: pos.col });
    });
  }
  const frameSource = loadFrameSource(byName('concepts.yaml'), byName('frames.yaml'), diagnostics);
  if (frameSource) diagnostics.push(...compileFrames(frameSource, indicators).diagnostics);

  return { ruleSet: { rules, indicators, provinces, lexicon, gazetteer, ...(frameSource ? { frameSource } : {}) }, diagnostics };
}

/** `concepts.yaml` and `frames.yaml`, parsed and checked against their schemas (both or neither). */
function loadFrameSource(conceptsSrc: RuleSource | undefined, framesSrc: RuleSource | undefined, diagnostics: Diagnostic[]): FrameSource | undefined {
  if (!conceptsSrc && !framesSrc) return undefined;
  if (!conceptsSrc || !framesSrc) {
    const [have, miss] = conceptsSrc ? [conceptsSrc.file, 'frames.yaml'] : [framesSrc!.file, 'concepts.yaml'];
    diagnostics.push(diag(have, 1, 1, 'missing-file', `${miss} is missing: concepts and frames come together`));
    return undefined;
  }
  const doc = parseYaml(conceptsSrc, diagnostics);
  const concepts = ConceptsSchema.safeParse(doc?.value ?? {});
  if (!concepts.success) {
    diagnostics.push(diag(conceptsSrc.file, 1, 1, 'schema', `concepts: ${z.prettifyError(concepts.error).replace(/\n/g, '; ')}`));
    return undefined;
  }
  const frames = parseList(framesSrc, FrameSchema, diagnostics);
  return { concepts: concepts.data, conceptsFile: conceptsSrc.file, frames: frames.map((f) => ({ spec: f.value, file: framesSrc.file, line: f.line, col: f.col })) };
}

/** `districts.yaml` and `places.yaml`: the gazetteer below and beside the provinces (optional files). */
function loadGazetteer(districtsSrc: RuleSource | undefined, placesSrc: RuleSource | undefined, diagnostics: Diagnostic[]): GazetteerData {
  const out: GazetteerData = { districts: [], places: EMPTY_GAZETTEER.places };
  for (const [src, schema] of [[districtsSrc, DistrictsSchema], [placesSrc, PlacesSchema]] as const) {
    if (!src) continue;
    const doc = parseYaml(src, diagnostics);
    if (!doc) continue;
    const parsed = (schema as z.ZodType).safeParse(doc.value ?? {});
    if (!parsed.success) {
      diagnostics.push(diag(src.file, 1, 1, 'schema', `${baseName(src.file)}: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`));
      continue;
    }
    if (schema === DistrictsSchema) {
      const byProvince = parsed.data as z.infer<typeof DistrictsSchema>;
      out.districts = Object.entries(byProvince).flatMap(([province, list]) => list.map((d) => ({ ...d, province })));
    } else out.places = parsed.data as GazetteerData['places'];
  }
  return out;
}

function compileRule(
  rule: Rule, lexicon: Record<string, string>, at: (code: string, message: string) => void, checkSafety: boolean,
): Omit<CompiledRule, 'file' | 'line' | 'col'> | null {
  const out: Omit<CompiledRule, 'file' | 'line' | 'col'> = { rule, units: new Set(rule.units), gates: [] };
  const fields = [
    ['after', 'after', 'sticky'], ['before', 'before', 'search'],
    ['not_after', 'notAfter', 'sticky'], ['not_before', 'notBefore', 'search'], ['context', 'context', 'search'],
  ] as const;
  let ok = true;
  for (const [field, key, mode] of fields) {
    const src = rule[field];
    if (src === undefined) continue;
    try {
      const re = compilePattern(src, { lexicon, fold: rule.fold, mode });
      // The user's pattern, before our fixed wrapper (word edges, fillers) is put around it.
      const unsafe = checkSafety ? checkPatternSafety(patternBody(src, lexicon, rule.fold)) : null;
      if (unsafe) {
        at('unsafe-pattern', `${field}: ${unsafe}`);
        ok = false;
        continue;
      }
      if (new RegExp(`^(?:${patternBody(src, lexicon, rule.fold)})$`, 'iu').test('')) {
        at('empty-pattern', `${field}: matches the empty string, so it would apply to any number; make at least one word required`);
        ok = false;
        continue;
      }
      out[key] = re;
      if ((field === 'after' || field === 'before') && rule.fold === 'none') {
        const lits = requiredLiterals(patternBody(src, lexicon, rule.fold));
        if (lits) out.gates.push(lits);
      }
    } catch (e) {
      ok = false;
      at('bad-pattern', `${field}: ${e instanceof PatternError ? e.message : String(e)}`);
    }
  }
  // One gate is enough (each is necessary on its own): keep the cheapest, the shortest list.
  out.gates.sort((a, b) => a.length - b.length);
  out.gates.splice(1);
  return ok ? out : null;
}

interface ParsedYaml {
  value: unknown;
  node: Node | null;
  position: (node: Node | undefined) => { line: number; col: number };
}

function parseYaml(src: RuleSource, diagnostics: Diagnostic[]): ParsedYaml | null {
  if (/\.json$/i.test(src.file)) {
    try {
      const value: unknown = JSON.parse(src.text);
      return { value, node: null, position: () => ({ line: 1, col: 1 }) };
    } catch (e) {
      diagnostics.push(diag(src.file, 1, 1, 'syntax', `invalid JSON: ${(e as Error).message}`));
      return null;
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(src.text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const p = lineCounter.linePos(err.pos[0]);
      diagnostics.push(diag(src.file, p.line, p.col, 'syntax', `invalid YAML: ${err.message.split('\n')[0]}`));
    }
    return null;
  }
  let value: unknown;
  try {
    value = doc.toJS(); // at most 100 alias expansions (yaml's default): a bomb throws
  } catch (e) {
    // An alias bomb (`a: &a [x, x]`, `b: &b [*a, *a]` …) or an alias to nothing.
    let at = 0;
    visit(doc, { Alias: (_k, node) => {
      if (isAlias(node) && node.range) at = node.range[0];
      return visit.BREAK;
    } });
    const p = lineCounter.linePos(at);
    diagnostics.push(diag(src.file, p.line, p.col, 'syntax', `invalid YAML: ${(e as Error).message.split('\n')[0]}`));
    return null;
  }
  return {
    value,
    node: doc.contents as Node | null,
    position: (node) => {
      const off = node?.range?.[0];
      if (off === undefined) return { line: 1, col: 1 };
      const p = lineCounter.linePos(off);
      return { line: p.line, col: p.col };
    },
  };
}

function rulesNodes(root: Node | null): (Node | undefined)[] {
  if (!root || !isMap(root)) return [];
  const seq = root.get('rules', true);
  return isSeq(seq) ? (seq.items as Node[]) : [];
}

function parseList<T>(src: RuleSource, schema: z.ZodType<T, any>, diagnostics: Diagnostic[]): { value: T; line: number; col: number }[] {
  const doc = parseYaml(src, diagnostics);
  if (!doc) return [];
  if (!Array.isArray(doc.value)) {
    diagnostics.push(diag(src.file, 1, 1, 'schema', 'expected a list'));
    return [];
  }
  const items = doc.node && isSeq(doc.node) ? (doc.node.items as Node[]) : [];
  const out: { value: T; line: number; col: number }[] = [];
  doc.value.forEach((v, i) => {
    const r = schema.safeParse(v);
    const p = doc.position(items[i]);
    if (r.success) out.push({ value: r.data, line: p.line, col: p.col });
    else {
      diagnostics.push(diag(src.file, p.line, p.col, 'schema', z.prettifyError(r.error).replace(/\n/g, '; ')));
    }
  });
  return out;
}

function diag(file: string, line: number, col: number, code: string, message: string, ruleId?: string): Diagnostic {
  return { file, line, col, code, message, ...(ruleId ? { ruleId } : {}) };
}

function baseName(p: string): string {
  return p.split(/[\\/]/).pop() ?? p;
}

/** `rules check`: catalog keys that no rule and no frame can yield. */
export function unreachableKeys(ruleSet: RuleSet, catalogFile: string): Diagnostic[] {
  const reached = new Set([...ruleSet.rules.map((r) => r.rule.indicator), ...(ruleSet.frameSource?.frames.map((f) => f.spec.key) ?? [])]);
  return [...ruleSet.indicators.keys()].filter((k) => !reached.has(k)).map((k) => diag(catalogFile, 1, 1, 'unreachable-key', `no rule or frame yields the key ${k}`));
}
