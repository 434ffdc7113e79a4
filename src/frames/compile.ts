/**
 * Builds the frame set from `rules/concepts.yaml` and `rules/frames.yaml`: the concept trie and
 * the frames, with their problems as diagnostics. The rule set carries the parsed sources as
 * plain data (worker threads receive it by structured cloning, which keeps no classes); each
 * thread compiles them once, on first use.
 */
import { ConceptLexicon } from '../concepts/lexicon.js';
import type { Unit } from '../candidates/types.js';
import type { Diagnostic, RuleSet } from '../rules/ruleset.js';
import type { Indicator } from '../rules/schema.js';
import { generalizes, type CompiledFrame, type FrameSet } from './frames.js';
import type { FrameSpec } from './schema.js';

export interface FrameSource {
  concepts: Record<string, string[]>;
  conceptsFile: string;
  /** Each frame with where it was written. */
  frames: { spec: FrameSpec; file: string; line: number; col: number }[];
}

/** Cue concepts the matcher reads by role; a concept file must define them. */
export const CUE_ROLES = {
  deficit: 'cue.deficit',
  subject: 'cue.subject',
  filler: 'cue.filler',
  coord: 'cue.coord',
  stop: 'cue.stop',
  norm: 'cue.norm',
  breakdown: 'cue.breakdown',
} as const;

/** Compiled frame sets by their source, so the set the loader checked is the one extraction uses. */
const compiled = new WeakMap<object, FrameSet>();

export function compileFrames(src: FrameSource, indicators: Map<string, Indicator>): { set: FrameSet; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const lexicon = new ConceptLexicon();
  for (const [name, forms] of Object.entries(src.concepts)) {
    for (const form of forms) {
      if (!lexicon.addForm(name, form)) diagnostics.push({ file: src.conceptsFile, line: 1, col: 1, code: 'empty-form', message: `concept ${name}: the form "${form}" has no words` });
    }
  }
  const cueSet = (name: string) => {
    const id = lexicon.idOf(name);
    if (id === undefined) diagnostics.push({ file: src.conceptsFile, line: 1, col: 1, code: 'missing-cue', message: `the cue concept ${name} is not defined` });
    return new Set(id === undefined ? [] : [id]);
  };
  const cues = {
    deficit: cueSet(CUE_ROLES.deficit), subject: cueSet(CUE_ROLES.subject), filler: cueSet(CUE_ROLES.filler),
    coord: cueSet(CUE_ROLES.coord), stop: cueSet(CUE_ROLES.stop), norm: cueSet(CUE_ROLES.norm), breakdown: cueSet(CUE_ROLES.breakdown),
  };
  const frames: CompiledFrame[] = [];
  const slotsByKey = new Map<string, number>();
  for (const { spec } of src.frames) slotsByKey.set(spec.key, Math.max(slotsByKey.get(spec.key) ?? 0, (spec.counted ? 1 : 0) + spec.with.length));
  const seen = new Map<string, string>();
  for (const { spec, file, line, col } of src.frames) {
    const at = (code: string, message: string) => diagnostics.push({ file, line, col, code, message, ruleId: `frame:${spec.key}` });
    const ind = indicators.get(spec.key);
    if (!ind) {
      at('unknown-indicator', `unknown indicator key "${spec.key}"`);
      continue;
    }
    const units = (spec.units ?? ind.units) as Unit[];
    const bad = units.filter((u) => !ind.units.includes(u));
    if (bad.length) at('unit-not-allowed', `unit ${bad.join(', ')} is not allowed for ${spec.key} (allowed: ${ind.units.join(', ')})`);
    let ok = true;
    const ids = (names: string[]): Set<number> => {
      const out = new Set<number>();
      for (const n of names) {
        const id = lexicon.idOf(n);
        if (id === undefined || n.startsWith('cue.')) {
          at('unknown-concept', `unknown concept "${n}"`);
          ok = false;
        } else out.add(id);
      }
      return out;
    };
    const f: CompiledFrame = {
      key: spec.key,
      counted: spec.counted ? ids(spec.counted) : null,
      with: spec.with.map(ids),
      without: ids(spec.without),
      deficit: spec.deficit,
      units: new Set(units.filter((u) => ind.units.includes(u))),
      keyUnits: new Set(ind.units as Unit[]),
      as: spec.as ?? null,
      parents: new Set(),
      slotsByKey,
      file,
      line,
    };
    // A slot that only concepts the frame also forbids can fill never fires.
    const forbidden = (slot: Set<number>) => slot.size > 0 && [...slot].every((c) => f.without.has(c));
    if ((f.counted && forbidden(f.counted)) || f.with.some(forbidden) || f.units.size === 0) {
      at('never-fires', 'this frame can never fire: a slot names only concepts it forbids, or no unit is allowed');
    }
    const sig = frameSignature(spec, [...f.units]);
    const twin = seen.get(sig);
    if (twin && twin !== spec.key) at('duplicate-frame', `the same frame as ${twin}: one of them can never fire`);
    seen.set(sig, spec.key);
    if (ok) frames.push(f);
  }
  for (const b of frames) for (const a of frames) if (a.key !== b.key && generalizes(a, b)) b.parents.add(a.key);
  // The catalog's own phrases for each key (`indicators.yaml`), read when no frame and no rule
  // reads a number. A phrase of one or two common words (`kinh phí`, `trước hạn`) names no key
  // on its own; names and abbreviations (`FTTH`, `Cổng DVCQG`) do.
  const phraseFrames = new Map<number, CompiledFrame>();
  for (const ind of indicators.values()) {
    let frame: CompiledFrame | null = null;
    for (const phrase of ind.phrases) {
      if (phrase.includes('...') || !(phrase.trim().split(/\s+/).length >= 3 || /\p{Lu}/u.test(phrase.slice(1)))) continue;
      if (!lexicon.addPhrase(`key:${ind.key}`, phrase)) continue;
      frame ??= {
        key: ind.key, counted: null, with: [], without: new Set(), deficit: false, units: new Set(ind.units as Unit[]), keyUnits: new Set(ind.units as Unit[]), as: null,
        parents: new Set(), slotsByKey, file: 'indicators.yaml', line: 1,
      };
      phraseFrames.set(lexicon.idOf(`key:${ind.key}`)!, frame);
    }
  }
  const set: FrameSet = { lexicon, frames, cues, phraseFrames };
  compiled.set(src, set);
  return { set, diagnostics };
}

/** Two frames with the same concepts, cues and units read the same numbers. */
function frameSignature(f: FrameSpec, units: string[]): string {
  const norm = (xs: string[]) => [...xs].sort().join('|');
  return JSON.stringify([f.counted ? norm(f.counted) : null, f.with.map(norm).sort(), norm(f.without), f.deficit, norm(units), f.as ?? null]);
}

/** The rule set's frames, compiled once per thread (the loader's check compiles them on the main thread); null when the rule directory has none. */
export function framesOf(ruleSet: RuleSet): FrameSet | null {
  const src = ruleSet.frameSource;
  if (!src) return null;
  return compiled.get(src) ?? compileFrames(src, ruleSet.indicators).set;
}
