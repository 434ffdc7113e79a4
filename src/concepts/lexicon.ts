/**
 * Concepts: named sets of surface forms (`household`: hộ gia đình, hộ dân, hộ …). All forms of
 * all concepts compile into one trie over token ids, run once per article: at each token the
 * longest form that starts there wins, and the scan goes on after it, so `hộ kinh doanh` is a
 * business household and never a household followed by other words.
 *
 * Cues are concepts too, named `cue.*` (`cue.deficit`: chưa, không; `cue.rate`: tỷ lệ …):
 * inside a longer form (`không dùng tiền mặt`) a cue word is not a cue.
 */
import { normalizeText } from '../normalize/normalize.js';
import { tokenize, Vocabulary, type Tokens } from '../tokens/tokenize.js';

export interface ConceptHit {
  /** Concept ids (a form may belong to several concepts). */
  concepts: number[];
  /** Token range, end exclusive. */
  from: number;
  to: number;
}

interface TrieNode {
  next: Map<number, TrieNode>;
  concepts: number[] | null;
}

export class ConceptLexicon {
  readonly vocab = new Vocabulary();
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly root: TrieNode = { next: new Map(), concepts: null };
  /** The catalog's whole phrases per key, a trie of their own so they never hide a concept form. */
  private readonly phraseRoot: TrieNode = { next: new Map(), concepts: null };

  /** The concept's id, creating it. */
  concept(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  idOf(name: string): number | undefined {
    return this.ids.get(name);
  }

  /** Adds one surface form of a concept. Returns false for a form with no words. */
  addForm(name: string, form: string): boolean {
    return this.addTo(this.root, name, form);
  }

  /** Adds one of the catalog's phrases for a key (scanned apart: `scanPhrases`). */
  addPhrase(name: string, form: string): boolean {
    return this.addTo(this.phraseRoot, name, form);
  }

  private addTo(root: TrieNode, name: string, form: string): boolean {
    const concept = this.concept(name);
    const words = formWords(form);
    if (words.length === 0) return false;
    let node = root;
    for (const w of words) {
      const wid = this.vocab.add(w);
      let child = node.next.get(wid);
      if (!child) node.next.set(wid, (child = { next: new Map(), concepts: null }));
      node = child;
    }
    if (!node.concepts) node.concepts = [];
    if (!node.concepts.includes(concept)) node.concepts.push(concept);
    return true;
  }

  /** Also makes `word` known to the tokenizer without a concept (a cue read by position). */
  addWord(word: string): number {
    return this.vocab.add(word);
  }

  tokenize(text: string): Tokens {
    return tokenize(text, this.vocab);
  }

  /** Longest-first, non-overlapping concept hits, in text order. */
  scan(tokens: Tokens): ConceptHit[] {
    return this.scanWith(this.root, tokens, 0, tokens.count);
  }

  /** Longest-first, non-overlapping catalog-phrase hits in the token range [from, to). */
  scanPhrases(tokens: Tokens, from: number, to: number): ConceptHit[] {
    return this.scanWith(this.phraseRoot, tokens, from, to);
  }

  private scanWith(root: TrieNode, tokens: Tokens, from: number, to: number): ConceptHit[] {
    const hits: ConceptHit[] = [];
    const ids = tokens.id;
    for (let i = from; i < to; ) {
      let node = root.next.get(ids[i]!);
      if (!node || ids[i] === 0) {
        i++;
        continue;
      }
      let best: ConceptHit | null = null;
      for (let j = i; ; ) {
        if (node.concepts) best = { concepts: node.concepts, from: i, to: j + 1 };
        j++;
        if (j >= to) break;
        const nxt: TrieNode | undefined = node.next.get(ids[j]!);
        if (!nxt || ids[j] === 0) break;
        node = nxt;
      }
      if (best) {
        hits.push(best);
        i = best.to;
      } else i++;
    }
    return hits;
  }
}

/** The lower-cased tokens of a form, as the tokenizer splits text. */
export function formWords(form: string): string[] {
  // Forms go through the normalizer the text goes through (`hoá` = `hóa`, `Ð` = `Đ`).
  const text = normalizeText(form).text;
  const toks = tokenize(text, new Vocabulary());
  const out: string[] = [];
  for (let i = 0; i < toks.count; i++) out.push(text.slice(toks.start[i]!, toks.end[i]!).toLowerCase());
  return out;
}
