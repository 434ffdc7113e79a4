/**
 * Keys as frames: each catalog key states the concepts that define it and their roles, and a
 * number gets the key whose frame its statement fills, the most specific first. Verbs and
 * fillers between the concepts do not matter; deficit cues do.
 *
 * A number's statement, in tokens:
 *   - `counted`: the concept right after the number (`64% hộ gia đình`), else the subject a cue
 *     names before it (`tỷ lệ hộ …`, `tổng số thành viên … là 9.874`), else the label it follows
 *     (`Hộ có cáp quang: 71%`), else, for a share stated by ellipsis (`… và cáp quang 81%`), the
 *     counted concept of the coordinated number before it;
 *   - its scope: the clause from the previous number's end to the next number's start, cut at a
 *     coordination that leads to the next number (that part is the next number's), and joined
 *     with a coordinated neighbour's scope when the numbers share one predicate (`3.100 doanh
 *     nghiệp và 820 hộ kinh doanh sử dụng hóa đơn điện tử`).
 */
import type { Unit } from '../candidates/types.js';
import type { ConceptHit, ConceptLexicon } from '../concepts/lexicon.js';
import { NUMBER, PUNCT, WORD, tokenAt, type Tokens } from '../tokens/tokenize.js';

export interface CompiledFrame {
  key: string;
  counted: Set<number> | null;
  with: Set<number>[];
  without: Set<number>;
  deficit: boolean;
  units: ReadonlySet<Unit>;
  /** The catalog's units for the key: what a number this frame lends its key to may be. */
  keyUnits: ReadonlySet<Unit>;
  /** Reads a bare number as this unit (`as:`), or null. */
  as: 'score' | 'rank' | null;
  /** Keys with a frame that says less than this one (their generic parents). */
  parents: Set<string>;
  /** The most slots any frame of a key has, for every key with a frame (shared by a set's frames). */
  slotsByKey: ReadonlyMap<string, number>;
  /** Where the frame was written, for diagnostics. */
  file: string;
  line: number;
}

export interface FrameSet {
  lexicon: ConceptLexicon;
  frames: CompiledFrame[];
  /** Per catalog-phrase concept (`key:<key>`), the key it names, as a frame with no slots. */
  phraseFrames: Map<number, CompiledFrame>;
  /** Concept ids of the cues, by role. */
  cues: { deficit: Set<number>; subject: Set<number>; filler: Set<number>; coord: Set<number>; stop: Set<number>; norm: Set<number>; breakdown: Set<number> };
}

/** The concept hits of one article, indexed by token. */
export class ArticleConcepts {
  readonly tokens: Tokens;
  readonly hits: ConceptHit[];
  /** Hit index starting at each token, or -1. */
  private readonly hitAt: Int32Array;

  constructor(text: string, readonly set: FrameSet) {
    this.text = text;
    this.tokens = set.lexicon.tokenize(text);
    this.hits = set.lexicon.scan(this.tokens);
    this.hitAt = new Int32Array(this.tokens.count).fill(-1);
    this.hits.forEach((h, k) => (this.hitAt[h.from] = k));
  }

  hitStartingAt(tok: number): ConceptHit | null {
    if (tok < 0 || tok >= this.tokens.count) return null;
    const k = this.hitAt[tok]!;
    return k >= 0 ? this.hits[k]! : null;
  }

  /** `name "form"` for the concept hits within a dozen words of a span (for `chiso explain`). */
  conceptsNear(start: number, end: number): string[] {
    const from = Math.max(0, tokenAt(this.tokens, start) - 12);
    const to = Math.min(this.tokens.count, tokenAt(this.tokens, end) + 12);
    return this.hitsIn(from, to).map((h) => `${h.concepts.map((c) => this.set.lexicon.names[c]).join('|')} "${this.formText(h)}"`);
  }

  readonly text: string = '';

  private formText(h: ConceptHit): string {
    return this.text.slice(this.tokens.start[h.from], this.tokens.end[h.to - 1]);
  }

  /** Whether a concept (not a cue) stands between two offsets of the text. */
  namesBetween(start: number, end: number): boolean {
    return this.hitsIn(tokenAt(this.tokens, start), tokenAt(this.tokens, end)).some((h) => !isCueHit(this.set, h));
  }

  /** Hits wholly inside the token range [from, to). */
  hitsIn(from: number, to: number): ConceptHit[] {
    const out: ConceptHit[] = [];
    for (let t = from; t < to; ) {
      const h = this.hitStartingAt(t);
      if (h && h.to <= to) {
        out.push(h);
        t = h.to;
      } else t++;
    }
    return out;
  }
}

/** One number, as the pipeline sees it: offsets in normalized text. */
export interface FrameQuery {
  start: number;
  end: number;
  unit: Unit;
  /** Nothing after the number says what it is: a frame with `as` may read it as a score or rank. */
  bare?: boolean;
  clauseStart: number;
  clauseEnd: number;
  /** The previous / next live number in the same clause, if any. */
  prev: { start: number; end: number } | null;
  next: { start: number; end: number } | null;
  /** The next-but-one number's start (bounds a coordinated neighbour's scope), if any. */
  nextNextStart: number | null;
  /** The number before `prev`, if any (bounds `prev`'s scope). */
  prevPrevEnd: number | null;
  /** `prev` states a change (`tăng thêm 640 doanh nghiệp, nâng tổng số lên 7.925 …`): this number continues its statement. */
  prevChange?: boolean;
}

export interface FrameMatch {
  frame: CompiledFrame;
  /** The number's unit as the frame reads it (a bare number read `as` a score or rank). */
  unit: Unit;
  /** Offsets of the statement the frame rests on (number plus the concepts used). */
  start: number;
  end: number;
  score: number;
  /** Concept names that filled each role, for `explain`. */
  why: string;
  /** The counted concept was lent by the previous number (a share stated by ellipsis). */
  inherited: boolean;
}

interface Statement {
  numFrom: number;
  numTo: number;
  roles: ConceptHit[];
  /** The counted concept right after the number (a count must be of what the frame counts). */
  after: ConceptHit | null;
  /** `after` is a longer name its head noun repeats: what is counted, never an attribute. */
  afterNamed: boolean;
  /** The end of the head noun that repeated the name (the record's text keeps it), or -1. */
  headTo: number;
  /** A word right after the number that no concept knows: the number counts something else. */
  unknownNoun: boolean;
  scope: ConceptHit[];
  /** Concepts between the previous number and this number's own words (that number's statement). */
  before: ConceptHit[];
  /** The counted concept lent by the previous number, if that is where it came from. */
  inherited: ConceptHit | null;
  /** The number's own words: tokens [ownFrom, ownTo), and the first token after its fillers. */
  ownFrom: number;
  ownTo: number;
  afterFillers: number;
}

/** Every frame the number's statement fills, the best (most specific, nearest) first. */
export function matchFrames(ac: ArticleConcepts, q: FrameQuery, blocked?: Set<string>): FrameMatch[] {
  const st = statementOf(ac, q);
  if (!st) return [];
  const out: FrameMatch[] = [];
  // Only frames whose every slot names a concept the statement holds can be filled.
  const present = new Set<number>();
  for (const h of st.scope) for (const c of h.concepts) present.add(c);
  for (const h of st.roles) for (const c of h.concepts) present.add(c);
  for (const h of st.before) for (const c of h.concepts) present.add(c);
  const holds = (slot: Set<number>) => {
    for (const c of slot) if (present.has(c)) return true;
    return false;
  };
  // Only frames whose first slot a present concept fills (the index), in the order written.
  const index = frameIndex(ac.set);
  const pick = new Uint8Array(ac.set.frames.length);
  for (const c of present) for (const i of index.get(c) ?? []) pick[i] = 1;
  for (let i = 0; i < pick.length; i++) {
    if (!pick[i]) continue;
    const f = ac.set.frames[i]!;
    const unit = q.bare && f.as ? f.as : q.unit;
    if (!f.units.has(unit) || (f.counted && !holds(f.counted)) || !f.with.every(holds)) continue;
    const m = tryFrame(ac, f, st, unit === q.unit ? q : { ...q, unit }, blocked);
    if (m) out.push(m);
  }
  // Stable: among equal scores the frame written first wins.
  return out.sort((a, b) => b.score - a.score);
}

const frameIndexes = new WeakMap<FrameSet, Map<number, number[]>>();

/** Per concept, the frames (by position) whose first slot (`counted`, else `with[0]`) it fills. */
function frameIndex(set: FrameSet): Map<number, number[]> {
  let index = frameIndexes.get(set);
  if (!index) {
    index = new Map();
    set.frames.forEach((f, i) => {
      for (const c of f.counted ?? f.with[0] ?? []) index!.set(c, [...(index!.get(c) ?? []), i]);
    });
    frameIndexes.set(set, index);
  }
  return index;
}

/**
 * The frame reading of a number, given the key a regex rule gave it (if any): a rule keeps its
 * key unless a frame of that same key is filled and another frame is strictly more specific
 * (`1.234 DVCTT có phát sinh hồ sơ`: the generic rule for online services gives way to the
 * frame that also has `phát sinh hồ sơ`). A rule whose key no frame fills keeps it: it reads a
 * phrasing the frames do not know.
 */
export function chooseFrame(matches: FrameMatch[], ruleKey: string | null, unit?: Unit): FrameMatch | null {
  const best = matches[0];
  if (!best) return null;
  if (ruleKey === null) return best;
  if (best.frame.key === ruleKey) return null;
  // The rule's key is a generic parent of the winning frame's (`chip_id_cards_issued` under
  // `chip_id_health_insurance`): the statement says more than the rule read.
  if (best.frame.parents.has(ruleKey)) return best;
  const own = matches.find((m) => m.frame.key === ruleKey);
  // The rule and a frame of its key agree: only a frame that says more overrides them.
  if (own) return slotCount(best.frame) > slotCount(own.frame) ? best : null;
  // The frames know the rule's key, yet none of its frames is filled while a frame that says
  // as much as any of them is: the rule's pattern read past what the words say.
  // (An index's name is no weak clue: for a rank or score one slot says as much as any.)
  const ruleSlots = best.frame.slotsByKey.get(ruleKey);
  const floor = unit === 'rank' || unit === 'score' ? 1 : 2;
  return ruleSlots !== undefined && slotCount(best.frame) >= Math.max(floor, ruleSlots) ? best : null;
}

export function slotCount(f: CompiledFrame): number {
  return (f.counted ? 1 : 0) + f.with.length;
}

/**
 * True when frame `a` says less than frame `b`: fewer slots, each of which shares a concept with
 * a distinct slot of `b`, and no deficit difference.
 */
export function generalizes(a: CompiledFrame, b: CompiledFrame): boolean {
  if (a.deficit !== b.deficit || slotCount(a) >= slotCount(b)) return false;
  const slots = (f: CompiledFrame) => (f.counted ? [f.counted, ...f.with] : f.with);
  const sa = slots(a);
  const sb = slots(b);
  const taken = new Set<number>();
  return sa.every((x) => {
    const k = sb.findIndex((y, i) => !taken.has(i) && [...x].some((c) => y.has(c)));
    if (k < 0) return false;
    taken.add(k);
    return true;
  });
}

/** How far before a number a `mỗi` makes it a norm, and how far a frame's concepts may be. */
const NORM_REACH = 12;
const WINDOW = 40;
const MAX_REACH = 24;

function isCue(set: Set<number>, h: ConceptHit | null): boolean {
  return !!h && h.concepts.some((c) => set.has(c));
}

// matchFrames and, when no frame is filled, matchPhrase read the same number's statement.
const statements = new WeakMap<FrameQuery, Statement | null>();

function statementOf(ac: ArticleConcepts, q: FrameQuery): Statement | null {
  let st = statements.get(q);
  if (st === undefined) {
    st = readStatement(ac, q);
    statements.set(q, st);
  }
  return st;
}

function readStatement(ac: ArticleConcepts, q: FrameQuery): Statement | null {
  const { tokens, set } = ac;
  const { cues } = set;
  const numFrom = tokenAt(tokens, q.start);
  const numTo = tokenAt(tokens, q.end);
  const clauseFrom = tokenAt(tokens, q.clauseStart);
  const clauseTo = tokenAt(tokens, q.clauseEnd);
  // A statement is a few dozen words at most; the bound also keeps a pathological clause linear.
  // After a change, the level it leads to continues the change's statement (`Số doanh nghiệp sử
  // dụng hóa đơn điện tử tăng thêm 640 doanh nghiệp, nâng tổng số lên 7.925 doanh nghiệp`).
  const leftBound = q.prevChange ? q.prevPrevEnd : q.prev ? q.prev.end : null;
  const leftFrom = Math.max(numFrom - WINDOW, leftBound !== null ? Math.max(clauseFrom, tokenAt(tokens, leftBound)) : clauseFrom);
  let rightTo = Math.min(numTo + WINDOW, q.next ? Math.min(clauseTo, tokenAt(tokens, q.next.start)) : clauseTo);
  // A concept form that holds the next number (`theo mô hình 4 lớp`) is read whole.
  const formAtNext = q.next ? ac.hitStartingAt(rightTo) : null;
  if (formAtNext && formAtNext.to > rightTo) rightTo = formAtNext.to;

  // A norm per unit (`mỗi trường ít nhất 5 người, trong đó 1 cán bộ …`) is no statistic.
  // (A density is what `bình quân mỗi người dân có 1,2 thuê bao` states.)
  // (Nor is a share whose subject holds one: `Tỷ lệ mỗi người dân có một điện thoại thông minh`.)
  if (q.unit !== 'density') {
    for (let k = Math.max(clauseFrom, numFrom - NORM_REACH); k < numFrom; k++) {
      if (isCue(cues.norm, ac.hitStartingAt(k)) && !(q.unit === 'percent' && subjectCueEndingAt(ac, k))) return null;
    }
  }

  // Counted: right after the number, past fillers (`100% các xã`, `1.200 lượt người`).
  let t = numTo;
  // Only within the clause: the next line's `Số …` is another statement.
  for (let k = 0; k < 2 && t < rightTo && isCue(cues.filler, ac.hitStartingAt(t)); k++) t = ac.hitStartingAt(t)!.to;
  let after = t < rightTo ? ac.hitStartingAt(t) : null;
  if (after && isCueHit(set, after)) after = null;
  let unknownNoun = !after && t < rightTo && tokens.kind[t] === WORD && !isCue(cues.stop, ac.hitStartingAt(t)) && !isCue(cues.coord, ac.hitStartingAt(t)) && !isCue(cues.subject, ac.hitStartingAt(t));

  // A breakdown (`…, trong đó thuê bao 4G …`) is about a part, not about this number.
  for (let k = after ? after.to : numTo; k < rightTo; k++) {
    const h = ac.hitStartingAt(k);
    if (isCue(cues.breakdown, h)) {
      rightTo = k;
      break;
    }
    if (h) k = h.to - 1;
  }
  // The last link (`,` `và`) before the next number ends this number's part of the clause;
  // the rest is the next number's (`… 98,7% thôn, bản và cáp quang 79,6%`).
  let coordinated = false;
  if (q.next) {
    const ownFrom = after ? after.to : numTo;
    const nextFrom = tokenAt(tokens, q.next.start);
    const cut = lastLinkStart(ac, ownFrom, Math.min(rightTo, nextFrom));
    if (cut >= 0) {
      rightTo = cut;
      // Two numbers share one predicate when nothing stands between the counted noun, the
      // link and the next number (`3.100 doanh nghiệp và 820 hộ kinh doanh sử dụng …`).
      coordinated = cut === ownFrom && lastLink(ac, cut, nextFrom) === nextFrom;
    }
  }

  const roles: ConceptHit[] = [];
  let inherited: ConceptHit | null = null;
  const leftAll = ac.hitsIn(leftFrom, numFrom);
  // `Tổng số hộ sản xuất nông nghiệp … là 4.518 hộ`, `… (152/152 cơ sở)`, `trong đó cấp xã có
  // 152 tổ`: the head noun after the number (a concept, or a word no concept knows) repeats a
  // longer name before it, and that name is what is counted — across a link too, as the press
  // drops the rest of a name it repeats (`90 tổ công nghệ số cộng đồng cấp xã và 900 tổ cấp
  // thôn`, `có thêm 46 doanh nghiệp công nghệ số, nâng tổng số lên 1.320 doanh nghiệp`, `…, trong
  // đó cấp xã có 152 tổ`), but not past the number before.
  // A head no concept knows (`… trong đó cấp xã có 152 tổ, cấp thôn có 1.408 tổ`) may repeat a
  // name from further back in the clause, past other numbers: the nearest such name.
  const headFrom = after ? after.from : unknownNoun ? t : -1;
  const headTo = after ? after.to : unknownNoun ? t + 1 : -1;
  let named = false;
  // A head whose own words after it fill a frame (`…, 300 doanh nghiệp sử dụng hóa đơn điện tử`)
  // repeats nothing: it counts what it says.
  if (headFrom >= 0 && tokens.id[headFrom] !== 0 && !(after && headSaysMore(ac, after, ac.hitsIn(after.to, rightTo)))) {
    const len = after ? after.to - after.from : 1;
    const names = after ? leftAll : ac.hitsIn(Math.max(clauseFrom, numFrom - WINDOW), numFrom);
    for (let k = names.length - 1; k >= 0; k--) {
      const h = names[k]!;
      if (h.to - h.from > len && !isCueHit(set, h) && tokens.id.subarray(h.from, h.from + len).every((id, j) => id === tokens.id[headFrom + j])) {
        after = h;
        unknownNoun = false;
        named = true;
        break;
      }
    }
  }
  // A count that says nothing but its head noun after the number before (`… tăng từ 215.300 lên
  // 346.800 tài khoản`, `… đề ra 84 nhiệm vụ, đến nay đã hoàn thành 63 nhiệm vụ`) continues that
  // number's statement when the head repeats a name in it: the name is what it counts.
  // The token after the last link (`,` `và`) before the number: after an earlier number, its own words start there.
  const afterLastLink = q.prev ? lastLink(ac, leftFrom, numFrom) : leftFrom;
  let continues = false;
  if (after && !named && q.prev && !ac.hitsIn(afterLastLink, numFrom).some((h) => !isCueHit(set, h)) && !ac.hitsIn(after.to, rightTo).some((h) => !isCueHit(set, h))) {
    const len = after.to - after.from;
    const names = ac.hitsIn(Math.max(clauseFrom, numFrom - WINDOW), afterLastLink);
    for (let k = names.length - 1; k >= 0; k--) {
      const h = names[k]!;
      if (h.to - h.from >= len && !isCueHit(set, h) && tokens.id.subarray(h.from, h.from + len).every((id, j) => id === tokens.id[after!.from + j])) {
        after = h;
        named = continues = true;
        break;
      }
    }
  }
  if (after) roles.push(after);
  // Subject named by a cue before the number: the first concept after the last cue.
  // After an earlier number, what stands before the last link (`,` `và`) is that number's
  // statement (`64 công chức chuyên trách … và 152 cán bộ kiêm nhiệm`): this one's own words
  // start after the link.
  // A part (`512.640 hồ sơ … tài khoản định danh điện tử, trong đó 450.000 tài khoản đã được
  // kích hoạt`) keeps what the whole's statement says of it.
  // (A subject named after the number before holds its own commas: `…, tỷ lệ số hóa hồ sơ, kết
  // quả giải quyết TTHC đạt 89,1%` — the number's words start at its cue.)
  let linkEnd = afterLastLink;
  if (q.prev) {
    const cue = leftAll.filter((h) => isCue(cues.subject, h) && !isCue(cues.filler, h)).pop();
    if (cue && cue.from < linkEnd) linkEnd = cue.from;
  }
  const part = q.prev !== null && isCue(cues.breakdown, ac.hitStartingAt(linkEnd));
  // After a change, and for a rank or score after another (`đạt 465,68 điểm chuyển đổi số, xếp
  // thứ 21/63`), the words after the number before are this number's too.
  const ranked = (q.unit === 'rank' || q.unit === 'score') && q.prev !== null;
  // So are they for a total that names nothing of its own (`…, nâng tổng số lên 1.342 thủ tục`).
  const own = q.prev ? ac.hitsIn(linkEnd, numFrom) : leftAll; // the number's own words, after the last link
  const cueAt = own.findIndex((h) => isCue(cues.subject, h));
  const restated = cueAt >= 0 && !own.slice(cueAt + 1).some((h) => !isCueHit(set, h));
  const left = continues ? ac.hitsIn(Math.max(clauseFrom, tokenAt(tokens, q.prev!.start) - WINDOW, q.prevPrevEnd !== null ? tokenAt(tokens, q.prevPrevEnd) : 0), numFrom)
    : q.prev && !part && !q.prevChange && !ranked && !restated ? own : leftAll;
  let lastCue = -1;
  left.forEach((h, k) => {
    if (isCue(cues.subject, h)) lastCue = k;
  });
  if (lastCue >= 0) {
    const subj = left.slice(lastCue + 1).find((h) => !isCueHit(set, h));
    if (subj) roles.push(subj);
  }
  // A rank or score takes as its subject the name right before it, after the last link
  // (`chính quyền số đạt 0,6588, kinh tế số 0,4912`): the name before the link is the other's.
  if (roles.length === 0 && (q.unit === 'rank' || q.unit === 'score')) {
    const ownNames = own.filter((h) => !isCueHit(set, h));
    if (ownNames.length) roles.push(ownNames[ownNames.length - 1]!);
  }
  // A label: `Hộ có cáp quang: 71%`, `Tỷ lệ DVCTT toàn trình | 85,2%`.
  const prevTok = numFrom - 1;
  if (prevTok >= leftFrom && (isMark(ac, prevTok, ':') || isMark(ac, prevTok, '|'))) {
    const lab = left.find((h) => !isCueHit(set, h));
    if (lab && !roles.includes(lab)) roles.push(lab);
  }

  let scope = [...left, ...ac.hitsIn(numTo, rightTo)];
  // Numbers coordinated with this one share its predicate: a count and its neighbour
  // (`3.100 doanh nghiệp và 820 hộ kinh doanh sử dụng …`, `ở 17/17 sở, ngành và 11/11 huyện`).
  if (coordinated && q.next) {
    const nextFrom = tokenAt(tokens, q.next.end);
    const nextTo = Math.min(nextFrom + WINDOW, q.nextNextStart !== null ? Math.min(clauseTo, tokenAt(tokens, q.nextNextStart)) : clauseTo);
    scope = scope.concat(ac.hitsIn(nextFrom, firstLink(ac, nextFrom, nextTo)));
  }
  // A rank or score right after another number of the same index (`… an toàn thông tin mạng
  // đạt 0,8125, xếp thứ 7/63`) is of what that number's statement names.
  // So is a share or level after another with nothing named between them (`tăng từ 34,5% năm
  // 2022 lên 67,9% năm 2024`).
  // So is any number in the next cell of a table row (`Số doanh nghiệp công nghệ số | 450 | 512`).
  const sameIndex = q.prev && (((q.unit !== 'count' && q.unit !== 'vnd') && !ac.hitsIn(tokenAt(tokens, q.prev.end), numFrom).some((h) => !isCueHit(set, h))) || onlyCellBars(ac, tokenAt(tokens, q.prev.end), numFrom));
  // A part (`…, riêng khu vực thành thị đạt gần 97%`) is of what the whole's statement names.
  // A coordinated number that says what it has after it (`100% số xã và 99,7% số thôn, bản được
  // phủ sóng 4G`) borrows nothing.
  const ownAfter = ac.hitsIn(after ? after.to : numTo, rightTo).some((h) => !isCueHit(set, h));
  if (q.prev && (sameIndex || part || (!ownAfter && onlyLinkWords(ac, tokenAt(tokens, q.prev.end), numFrom, true)))) {
    const prevStart = tokenAt(tokens, q.prev.start);
    const prevFrom = Math.max(prevStart - WINDOW, q.prevPrevEnd !== null ? Math.max(clauseFrom, tokenAt(tokens, q.prevPrevEnd)) : clauseFrom);
    scope = ac.hitsIn(prevFrom, prevStart).concat(scope);
  }
  // A share stated by ellipsis takes the counted concept of its neighbour (`… 98,7% thôn, bản
  // và cáp quang 79,6%`): the first concept between the previous number and this one.
  if (roles.length === 0 && (q.unit === 'percent' || q.unit === 'fraction') && q.prev) {
    const lent = leftAll.find((h) => !isCueHit(set, h));
    if (lent) {
      roles.push(lent);
      inherited = lent;
      if (!scope.includes(lent)) scope.push(lent);
    }
  }
  const before = leftAll.filter((h) => !left.includes(h) && !isCueHit(set, h));
  return {
    numFrom, numTo, roles, after, afterNamed: named, headTo: named ? headTo : -1, unknownNoun, before, inherited, scope: scope.filter((h) => !isCueHit(set, h) || isCue(cues.deficit, h)),
    ownFrom: afterLastLink, ownTo: rightTo, afterFillers: t,
  };
}

/** Whether token k is the punctuation mark `mark` (`,` `:` `|`), read from the text. */
function isMark(ac: ArticleConcepts, k: number, mark: string): boolean {
  return ac.tokens.kind[k] === PUNCT && ac.text[ac.tokens.start[k]!] === mark;
}

/** Whether tokens [from, to) are only the bars between table cells. */
function onlyCellBars(ac: ArticleConcepts, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) if (!isMark(ac, k, '|')) return false;
  return true;
}

/** Whether a frame counting the head is filled by the concepts after it alone. */
function headSaysMore(ac: ArticleConcepts, head: ConceptHit, rightHits: ConceptHit[]): boolean {
  const right = new Set<number>();
  for (const h of rightHits) if (!isCueHit(ac.set, h)) for (const c of h.concepts) right.add(c);
  if (right.size === 0) return false;
  const index = frameIndex(ac.set);
  for (const c of head.concepts) {
    for (const i of index.get(c) ?? []) {
      const f = ac.set.frames[i]!;
      if (f.counted && f.with.length > 0 && f.with.every((slot) => [...slot].some((x) => right.has(x)))) return true;
    }
  }
  return false;
}

/**
 * True when tokens [from, to) hold only commas, coordinations and concepts (a counted noun
 * and its `và`): two numbers so joined share one predicate. With `needConcept` the gap must
 * hold exactly one concept (the previous number's counted noun) and a coordination.
 */
function onlyLinkWords(ac: ArticleConcepts, from: number, to: number, needConcept = false): boolean {
  const { tokens, set } = ac;
  let sawLink = false;
  let concepts = 0;
  for (let k = from; k < to; k++) {
    const h = ac.hitStartingAt(k);
    if (h && h.to <= to) {
      if (isCue(set.cues.coord, h)) sawLink = true;
      // A filler (`địa bàn xã`) is no name of its own.
      else if (isCue(set.cues.filler, h)) {}
      // Function words and a qualifier (`và đến năm 2030 đạt 30%`, `và trên 70% hộ gia đình`)
      // link as well as nothing; a subject, a breakdown or a deficit starts another statement.
      else if (isCueHit(set, h) && h.to !== to && !isCue(set.cues.stop, h)) return false;
      else if (isCue(set.cues.subject, h) || isCue(set.cues.breakdown, h) || isCue(set.cues.deficit, h)) return false;
      else if (!isCueHit(set, h)) concepts++;
      k = h.to - 1;
      continue;
    }
    if (isMark(ac, k, ',')) {
      sawLink = true;
      continue;
    }
    // A number that states nothing (`đến năm 2030`): the statements' numbers bound the gap.
    if (tokens.kind[k] === NUMBER) continue;
    return false;
  }
  return sawLink && (!needConcept || concepts === 1);
}

/** Whether token k is a link (a comma, or a coordination outside any longer concept form). */
function linkAt(ac: ArticleConcepts, k: number): ConceptHit | 'comma' | null {
  const { set } = ac;
  if (isMark(ac, k, ',')) return 'comma';
  const h = ac.hitStartingAt(k);
  return h && isCue(set.cues.coord, h) ? h : null;
}

/** The token after the last link in [from, to), or `from`; links inside concept forms do not count. */
function lastLink(ac: ArticleConcepts, from: number, to: number): number {
  let at = from;
  for (let k = from; k < to; k++) {
    const link = linkAt(ac, k);
    if (link) {
      at = link === 'comma' ? k + 1 : link.to;
      continue;
    }
    const h = ac.hitStartingAt(k);
    if (h) k = h.to - 1;
  }
  return at;
}

/** The start of the last link in [from, to), or -1. */
function lastLinkStart(ac: ArticleConcepts, from: number, to: number): number {
  let at = -1;
  for (let k = from; k < to; k++) {
    if (linkAt(ac, k)) at = k;
    const h = ac.hitStartingAt(k);
    if (h) k = h.to - 1;
  }
  return at;
}

/** The first link in [from, to), or `to`. */
function firstLink(ac: ArticleConcepts, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    if (linkAt(ac, k)) return k;
    const h = ac.hitStartingAt(k);
    if (h) k = h.to - 1;
  }
  return to;
}

function isCueHit(set: FrameSet, h: ConceptHit): boolean {
  return h.concepts.every((c) => set.lexicon.names[c]!.startsWith('cue.'));
}

function tryFrame(ac: ArticleConcepts, f: CompiledFrame, st: Statement, q: FrameQuery, blocked?: Set<string>): FrameMatch | null {
  const { tokens } = ac;
  const used: ConceptHit[] = [];
  let counted: ConceptHit | null = null;
  if (f.counted) {
    counted = st.roles.find((h) => h.concepts.some((c) => f.counted!.has(c))) ?? null;
    // A share may name what it is of anywhere before it (`DVCTT toàn trình đạt 62,87%`), and so
    // may a count in a list whose word after it is the frame's attribute (`1.507 DVCTT, gồm 1.088
    // toàn trình`).
    const afterIsAttr = !!st.after && !st.afterNamed && !!q.prev && f.with.some((slot) => st.after!.concepts.some((c) => slot.has(c)));
    // So may a count that nothing nominal follows (`Thuê bao băng rộng cố định đạt 23,5 triệu.`).
    const bareCount = q.unit === 'count' && !st.after && !st.unknownNoun;
    if (!counted && ((st.roles.length === 0 && ((q.unit !== 'count' && q.unit !== 'vnd') || bareCount)) || afterIsAttr)) {
      // (A count glued to the noun before it names something: `Hệ thống 1022`, `Quốc lộ 9`.)
      for (const h of [...st.before, ...st.scope]) if (h.to <= st.numFrom && !(bareCount && h.to === st.numFrom) && h.concepts.some((c) => f.counted!.has(c))) counted = h; // the nearest
    }
    if (!counted) return null;
    used.push(counted);
  }
  if (st.unknownNoun && (q.unit === 'count' || q.unit === 'vnd')) return null;
  // A concept that marks another key or the opposite (`trễ hạn`) blocks the frame: a rule that
  // gave this key then read past the words (`blocked`).
  if (f.without.size && st.scope.some((h) => h !== counted && h.concepts.some((c) => f.without.has(c)))) {
    blocked?.add(f.key);
    return null;
  }
  let distance = 0;
  for (const slot of f.with) {
    let pick: ConceptHit | null = null;
    let pickDist = Infinity;
    for (const h of st.scope) {
      if (used.includes(h) || !h.concepts.some((c) => slot.has(c))) continue;
      const d = h.to <= st.numFrom ? st.numFrom - h.to : h.from - st.numTo;
      if (d < pickDist && d <= MAX_REACH) {
        pick = h;
        pickDist = d;
      }
    }
    if (!pick) return null;
    used.push(pick);
    distance += pickDist;
  }
  // What the number is said to count must be part of the frame (`1.200 trạm BTS` is not a
  // count of households, whatever else the clause says). A rank's noun is the field it is
  // taken in (`top 10 địa phương`), not what it ranks.
  const ranked = q.unit === 'rank';
  if (st.after && !used.includes(st.after) && !ranked) return null;
  // A frame without a counted concept reads only numbers whose subject it names.
  if (!f.counted && !ranked && st.roles.some((h) => !used.includes(h))) return null;

  const lo = Math.min(st.numFrom, ...used.map((h) => h.from));
  const hi = Math.max(st.numTo, ...used.map((h) => h.to));
  // A deficit cue inside the statement, or right after it (`sóng điện thoại rất yếu`); the
  // statement starts at its subject (`Tổng số hộ không có smartphone … là 6.981 hộ`).
  const from = Math.min(lo, ...st.roles.map((h) => h.from));
  // (An index value or a rank lacks nothing: `0,3915, thấp nhất trong các chỉ số` is a low score.)
  const deficit = q.unit !== 'score' && q.unit !== 'rank' && st.scope.some((h) => isCue(ac.set.cues.deficit, h) && h.from >= from && h.to <= hi + 2);
  if (deficit !== f.deficit) return null;
  const specificity = used.reduce((n, h) => n + (h.to - h.from), 0);
  // A rank or score is first of the name right before it (`chính quyền số … đứng thứ 29, còn kinh
  // tế số …`), however near another name stands after it.
  const namesSubject = (q.unit === 'rank' || q.unit === 'score') && st.roles.some((h) => used.includes(h)) ? 200 : 0;
  const score = (f.counted ? 500 : 0) + 1000 * f.with.length + 10 * specificity - distance + namesSubject;
  const names = (h: ConceptHit) => h.concepts.map((c) => ac.set.lexicon.names[c]).join('|');
  const why = [counted ? `counted=${names(counted)}` : null, ...used.filter((h) => h !== counted).map((h) => `with=${names(h)}`), f.deficit ? 'deficit' : null]
    .filter(Boolean).join(' ');
  const span = usedSpan(tokens, st, withSubjectCue(ac, used), q.prev ? tokenAt(tokens, q.prev.end) : -1, q.next ? tokenAt(tokens, q.next.start) : tokens.count);
  return { frame: f, unit: q.unit, start: span[0], end: span[1], score, why, inherited: counted !== null && counted === st.inherited };
}

/** The used concepts, and the subject cue (`Tỷ lệ`, `Số`) right before the first of them. */
function withSubjectCue(ac: ArticleConcepts, used: ConceptHit[]): ConceptHit[] {
  if (used.length === 0) return used;
  const first = used.reduce((a, b) => (b.from < a.from ? b : a));
  const cue = subjectCueEndingAt(ac, first.from);
  return cue ? [cue, ...used] : used;
}

/**
 * The record's span: the number, widened over the concepts the frame used, each within a few
 * tokens of the span so far (`85/85 cơ sở khám, chữa bệnh BHYT … bằng CCCD`), never over the
 * next number (coordinated numbers share their attribute, not their text).
 */
function usedSpan(tokens: Tokens, st: Statement, used: ConceptHit[], floor: number, ceiling: number): [number, number] {
  const GAP = 12;
  const hits = [...used].sort((a, b) => a.from - b.from);
  // The head noun that named what is counted is part of the number's words (`lên 346.800 tài khoản`).
  let to = st.headTo > 0 && st.headTo <= ceiling ? st.headTo : st.numTo;
  for (const h of hits) if (h.from >= st.numTo && h.from - to <= GAP && h.to <= ceiling) to = Math.max(to, h.to);
  let from = st.numFrom;
  // Leftwards the span may take in the number before (`PAR Index … tăng 3 bậc, lên vị trí thứ 15`):
  // the words it rests on come first, as the press writes them.
  for (const h of hits.reverse()) if (h.to <= st.numFrom && from - h.to <= (h.from >= floor ? GAP : WINDOW)) from = Math.min(from, h.from);
  const start = tokens.start[from] ?? 0;
  const end = tokens.end[Math.max(from, to - 1)] ?? start;
  return [start, Math.max(end, start + 1)];
}

/**
 * The key a noun phrase names on its own (`tỷ lệ hồ sơ giải quyết đúng hạn`, `xã hội số`): the
 * best frame whose every slot a concept of the phrase fills, leaving no population unused. `lent` is a counted concept from the phrase before (`hộ có cáp quang và điện
 * thoại thông minh`: the second phrase counts households too). Offsets in normalized text.
 */
export function framePhrase(ac: ArticleConcepts, start: number, end: number, unit: Unit, lent: number[] = []): { frame: CompiledFrame; counted: number[] } | null {
  const { set } = ac;
  const hits = ac.hitsIn(tokenAt(ac.tokens, start), tokenAt(ac.tokens, end)).filter((h) => !isCueHit(set, h));
  if (hits.length === 0) return null;
  let best: { frame: CompiledFrame; counted: number[]; score: number } | null = null;
  for (const f of set.frames) {
    if (!f.units.has(unit) && !(f.as && f.units.has(f.as))) continue;
    const used = new Set<ConceptHit>();
    let counted: number[] = [];
    if (f.counted) {
      const h = hits.find((x) => x.concepts.some((c) => f.counted!.has(c)));
      if (h) {
        used.add(h);
        counted = h.concepts;
      } else if (lent.some((c) => f.counted!.has(c))) counted = lent;
      else continue;
    }
    let ok = true;
    for (const slot of f.with) {
      const h = hits.find((x) => !used.has(x) && x.concepts.some((c) => slot.has(c)));
      if (!h) {
        ok = false;
        break;
      }
      used.add(h);
    }
    if (!ok || hits.some((h) => h.concepts.some((c) => f.without.has(c)))) continue;
    // A population the frame leaves unused means the phrase is about something else.
    const unused = hits.filter((h) => !used.has(h));
    if (unused.some((h) => h.concepts.some((c) => populations(set).has(c)))) continue;
    const score = slotCount(f) * 1000 + [...used].reduce((n, h) => n + h.to - h.from, 0) - 10 * unused.length;
    if (!best || score > best.score) best = { frame: f, counted, score };
  }
  return best && { frame: best.frame, counted: best.counted };
}

const populationsOf = new WeakMap<FrameSet, Set<number>>();

/** Every concept some frame counts (households, businesses, communes …). */
function populations(set: FrameSet): Set<number> {
  let out = populationsOf.get(set);
  if (!out) {
    out = new Set();
    for (const f of set.frames) for (const c of f.counted ?? []) out.add(c);
    populationsOf.set(set, out);
  }
  return out;
}

/**
 * `lần lượt` with frames: the subject text before it, split at its links (`,`, `và`), names one
 * key per number, in order. Null unless every part names a key and there are as many parts as
 * numbers. Returns each part's frame and where the part starts (normalized offsets).
 */
export function framesRespectively(ac: ArticleConcepts, start: number, end: number, unit: Unit, count: number): { frame: CompiledFrame; start: number }[] | null {
  const { tokens } = ac;
  const from = tokenAt(tokens, start);
  const to = tokenAt(tokens, end);
  const parts: [number, number][] = [];
  let partFrom = from;
  for (let k = from; k < to; k++) {
    const link = linkAt(ac, k);
    if (link) {
      if (k > partFrom) parts.push([partFrom, k]);
      partFrom = link === 'comma' ? k + 1 : link.to;
      k = partFrom - 1;
      continue;
    }
    const h = ac.hitStartingAt(k);
    if (h) k = h.to - 1;
  }
  if (to > partFrom) parts.push([partFrom, to]);
  // Parts without a concept (`tỉnh`, `của tỉnh`) are not subjects.
  const named = parts.filter(([a, b]) => ac.hitsIn(a, b).some((h) => !isCueHit(ac.set, h)));
  if (named.length !== count) return null;
  const out: { frame: CompiledFrame; start: number }[] = [];
  let lent: number[] = [];
  for (const [a, b] of named) {
    const read = framePhrase(ac, tokens.start[a]!, tokens.end[b - 1]!, unit, lent);
    if (!read) return null;
    if (read.counted.length) lent = read.counted;
    out.push({ frame: read.frame, start: tokens.start[a]! });
  }
  // Two parts naming one key is no list of distinct subjects.
  return new Set(out.map((o) => o.frame.key)).size === out.length ? out : null;
}

/**
 * The last resort, for a number no frame and no rule reads: the key whose catalog phrase the
 * number's own words hold (`Tỷ lệ HSTT đạt 45,5%`, `Toàn tỉnh có 1.234 chứng thư số được cấp`).
 * A count must be of the phrase (it follows the number); a share, rank or score takes the
 * nearest phrase of its statement. A deficit statement, or a count of a known other thing, is
 * left alone.
 */
export function matchPhrase(ac: ArticleConcepts, q: FrameQuery): FrameMatch | null {
  if (ac.set.phraseFrames.size === 0) return null;
  const st = statementOf(ac, q);
  if (!st) return null;
  const hits = ac.set.lexicon.scanPhrases(ac.tokens, st.ownFrom, st.ownTo);
  const countLike = q.unit === 'count' || q.unit === 'vnd';
  let best: ConceptHit | null = null;
  let bestDist = Infinity;
  for (const h of hits) {
    if (h.from < st.numTo && h.to > st.numFrom) continue;
    if (countLike && h.from !== st.afterFillers) continue;
    const d = h.to <= st.numFrom ? st.numFrom - h.to : h.from - st.numTo;
    if (d < bestDist) [best, bestDist] = [h, d];
  }
  if (!best || (st.after && (st.after.from < best.from || st.after.to > best.to))) return null;
  // A deficit the phrase does not itself say (`chưa có internet cố định` does) is another statement.
  if (st.scope.some((h) => isCue(ac.set.cues.deficit, h) && (h.from < best!.from || h.to > best!.to))) return null;
  const frame = best.concepts.map((c) => ac.set.phraseFrames.get(c)).find((f) => f?.units.has(q.unit));
  if (!frame || !namesPopulation(ac, frame.key, best, st, q.unit)) return null;
  const start = ac.tokens.start[Math.min(best.from, st.numFrom)]!;
  const end = ac.tokens.end[Math.max(best.to, st.numTo) - 1]!;
  return { frame, unit: q.unit, start, end, score: 0, why: `catalog phrase "${ac.text.slice(ac.tokens.start[best.from], ac.tokens.end[best.to - 1])}"`, inherited: false };
}

/** The subject cue (`Tỷ lệ`, `Số`) that ends right before token `tok`, or null. */
function subjectCueEndingAt(ac: ArticleConcepts, tok: number): ConceptHit | null {
  for (let k = Math.max(0, tok - 3); k < tok; k++) {
    const h = ac.hitStartingAt(k);
    if (h && h.to === tok && isCue(ac.set.cues.subject, h)) return h;
  }
  return null;
}

/**
 * Whether the number is of the key's population. When the phrase holds only what the key's
 * frames call its attribute (`hóa đơn điện tử` for businesses using e-invoices), a count of the
 * phrase counts something else (`1.860.000 hóa đơn điện tử`), and a share needs the population
 * named elsewhere in its statement — or the phrase as the share's whole subject (`Tỷ lệ phủ sóng
 * 4G đạt 99%`, `Tỷ lệ FTTH đạt 71%`): the press names an indicator's share by its attribute alone.
 */
function namesPopulation(ac: ArticleConcepts, key: string, phrase: ConceptHit, st: Statement, unit: Unit): boolean {
  const counted = new Set<number>();
  const attrs = new Set<number>();
  const own = ac.set.frames.filter((f) => f.key === key);
  // What marks another key in every frame of this one (`nhóm chỉ số` for a part of an index) does here too.
  if (own.length && own.every((f) => st.scope.some((h) => h.concepts.some((c) => f.without.has(c))))) return false;
  for (const f of own) {
    for (const c of f.counted ?? []) counted.add(c);
    for (const slot of f.with) for (const c of slot) attrs.add(c);
  }
  if (counted.size === 0) return true;
  if (unit === 'percent' && st.after === null && subjectCueEndingAt(ac, phrase.from)) return true;
  const inside = ac.hitsIn(phrase.from, phrase.to).flatMap((h) => h.concepts);
  if (inside.some((c) => counted.has(c)) || !inside.some((c) => attrs.has(c))) return true;
  return st.after === null && [...st.roles, ...st.scope].some((h) => h.concepts.some((c) => counted.has(c)));
}

const siblings = new WeakMap<FrameSet, Map<string, CompiledFrame | null>>();

/**
 * The frame of the same index in another unit: the score key of a rank key (`dti.rank_overall`
 * → `dti.score_overall`), found as the frame whose slots and exclusions are the same as the
 * key's and whose units hold `unit`. Null when the catalog has none or more than one.
 */
export function siblingFrame(set: FrameSet, key: string, unit: Unit): CompiledFrame | null {
  let memo = siblings.get(set);
  if (!memo) siblings.set(set, (memo = new Map()));
  const id = `${key} ${unit}`;
  if (memo.has(id)) return memo.get(id)!;
  const same = (a: Set<number> | null, b: Set<number> | null) => (a === null || b === null ? a === b : a.size === b.size && [...a].every((c) => b.has(c)));
  const own = set.frames.filter((f) => f.key === key);
  const found = new Set<CompiledFrame>();
  for (const f of own) {
    for (const g of set.frames) {
      if (g.key === key || !g.units.has(unit) || !same(f.counted, g.counted) || !same(f.without, g.without)) continue;
      if (g.with.length === f.with.length && g.with.every((slot, i) => same(slot, f.with[i]!))) found.add(g);
    }
  }
  const keys = new Set([...found].map((g) => g.key));
  const out = keys.size === 1 ? [...found][0]! : null;
  memo.set(id, out);
  return out;
}

/**
 * The index a sentence names, for a rank or score in the next sentence that names none (`Bộ …
 * vừa công bố Chỉ số chuyển đổi số cấp tỉnh (DTI) năm 2023. Theo đó, tỉnh xếp thứ 5/63`): the
 * frame without a counted concept, of the unit, whose slots the sentence's concepts fill and
 * which no other key's frame fills as well; null when there is none or more than one.
 */
export function indexNamedIn(ac: ArticleConcepts, start: number, end: number, unit: Unit): CompiledFrame | null {
  const hits = ac.hitsIn(tokenAt(ac.tokens, start), tokenAt(ac.tokens, end)).filter((h) => !isCueHit(ac.set, h));
  if (hits.length === 0) return null;
  const present = new Set(hits.flatMap((h) => h.concepts));
  let best: CompiledFrame | null = null;
  let bestSlots = 0;
  let tie = false;
  for (const f of ac.set.frames) {
    if (f.counted || f.with.length === 0 || !(f.units.has(unit) || f.as === unit)) continue;
    if (!f.with.every((slot) => [...slot].some((c) => present.has(c))) || [...f.without].some((c) => present.has(c))) continue;
    if (f.with.length > bestSlots) [best, bestSlots, tie] = [f, f.with.length, false];
    else if (f.with.length === bestSlots && best && best.key !== f.key) tie = true;
  }
  return tie ? null : best;
}
