/**
 * The multi-pattern matcher the content script runs over every text run of a page: an
 * Aho–Corasick automaton compiled once into a flat DFA (`delta[state * width + class]`), fed the
 * page's text one folded code unit at a time, so no folded copy of the text is ever made.
 *
 * Text conventions (see lib/text/fold): SOFT code units are invisible and skipped, a run of
 * whitespace counts as one space, and every Match indexes the original text.
 * Selection is leftmost-longest and non-overlapping; at an identical span the first valid
 * pattern in table order wins (the table's order is its priority).
 */
import { foldCode, isWordCode, SOFT } from '../text/fold';
import type { Match, PatternTable } from './types';

const SPACE = 0x20;
// Per-code-unit info, learnt lazily: the automaton class in the low bits, then flags.
const KNOWN = 1 << 13;
const WORD = 1 << 14;
const INVISIBLE = 1 << 15; // folds to SOFT: skipped; the highest bit, so `v >= INVISIBLE` tests it
const CLASS_MASK = KNOWN - 1;
const SPACE_CLASS = 1; // reserved even when no pattern has a space: whitespace runs collapse anyway
const RULE_ANY = 0;
const RULE_INITIAL = 1;
const RULE_EXACT = 2;

export type OnMatch = (start: number, end: number, pattern: number) => void;

export interface MatcherStats {
  patterns: number;
  states: number;
  /** Distinct folded code units in the patterns, plus one class for "anything else". */
  classes: number;
  /** Bytes held by the automaton's typed arrays. */
  bytes: number;
}

export interface Matcher {
  /** Non-overlapping leftmost-longest matches in text order. Never throws. */
  find(text: string): Match[];
  /** Same matches as `find`, reported through a callback without allocating; returns the count. */
  findIter(text: string, onMatch: OnMatch): number;
  readonly stats: MatcherStats;
}

// Word test on folded code units: ASCII inline, everything else cached after one regex test.
const wordCache = new Uint8Array(0x10000); // 0 unknown, 1 no, 2 yes
function isWord(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  let v = wordCache[c]!;
  if (v === 0) {
    v = isWordCode(c) ? 2 : 1;
    wordCache[c] = v;
  }
  return v === 2;
}

/** 1 = uppercase (or titlecase), 2 = lowercase, 0 = no case. */
function caseOf(c: number): number {
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? 1 : c >= 0x61 && c <= 0x7a ? 2 : 0;
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  const upper = ch.toUpperCase();
  if (lower === upper) return 0;
  return ch === lower ? 2 : 1;
}

interface Normalised {
  text: number[];
  form: number[];
}

/** Folded text without SOFT, one space per whitespace run, trimmed; `form` kept aligned. */
function normalise(text: string, form: string): Normalised {
  const useForm = form.length === text.length;
  const out: Normalised = { text: [], form: [] };
  for (let i = 0; i < text.length; i++) {
    const c = foldCode(text.charCodeAt(i));
    if (c === SOFT) continue;
    if (c === SPACE && (out.text.length === 0 || out.text[out.text.length - 1] === SPACE)) continue;
    out.text.push(c);
    out.form.push(useForm ? form.charCodeAt(i) : c);
  }
  if (out.text[out.text.length - 1] === SPACE) {
    out.text.pop();
    out.form.pop();
  }
  return out;
}

export function compileMatcher(table: PatternTable): Matcher {
  return new AcMatcher(table);
}

class AcMatcher implements Matcher {
  readonly stats: MatcherStats;
  private readonly width: number;
  private readonly classMap: Map<number, number>;
  private readonly info = new Uint16Array(0x10000);
  private readonly delta: Uint16Array | Uint32Array;
  private readonly depth: Uint16Array;
  /** First pattern whose whole text ends at a state, or -1. */
  private readonly term: Int32Array;
  /** Nearest proper suffix state that is terminal (0 = none). */
  private readonly dict: Uint32Array;
  private readonly hasOut: Uint8Array;
  /** Next pattern with the same normalised text, in table order, or -1. */
  private readonly nextSame: Int32Array;
  private readonly rule: Uint8Array;
  private readonly forms: (Uint16Array | null)[];
  // Scan scratch: the last `mask + 1` fed code units and their offsets in the original text.
  private readonly mask: number;
  private infoRing: Uint16Array;
  private posRing: Int32Array;
  private pendS = new Int32Array(16);
  private pendE = new Int32Array(16);
  private pendP = new Int32Array(16);
  private head = 0;
  private tail = 0;
  private cursor = 0;
  private busy = false;

  constructor(table: PatternTable) {
    const patterns = Array.isArray(table?.patterns) ? table.patterns : [];
    const count = patterns.length;
    this.nextSame = new Int32Array(count).fill(-1);
    this.rule = new Uint8Array(count);
    this.forms = new Array<Uint16Array | null>(count).fill(null);

    // Alphabet classes and a Map-based trie: compile-time only.
    const classMap = new Map<number, number>([[SPACE, SPACE_CLASS]]);
    const children: Map<number, number>[] = [new Map()];
    const termList: number[] = [-1];
    const lastSame: number[] = [-1];
    const depthList: number[] = [0];
    let maxLen = 0;
    for (let p = 0; p < count; p++) {
      const pat = patterns[p]!;
      if (typeof pat?.text !== 'string') continue;
      const norm = normalise(pat.text, typeof pat.form === 'string' ? pat.form : pat.text);
      if (norm.text.length === 0) continue;
      const cased = norm.form.some((c) => caseOf(c) !== 0);
      this.rule[p] = !cased ? RULE_ANY : pat.caseRule === 'exact' ? RULE_EXACT : pat.caseRule === 'initial' ? RULE_INITIAL : RULE_ANY;
      if (this.rule[p] !== RULE_ANY) this.forms[p] = Uint16Array.from(norm.form);
      let s = 0;
      for (const c of norm.text) {
        let cls = classMap.get(c);
        if (cls === undefined) {
          // A full DFA row per state is only sensible for a small alphabet (Latin aliases use ~40).
          if (classMap.size + 1 >= CLASS_MASK) throw new RangeError('compileMatcher: more than 8190 distinct characters in the patterns');
          classMap.set(c, (cls = classMap.size + 1));
        }
        let next = children[s]!.get(cls);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          termList.push(-1);
          lastSame.push(-1);
          depthList.push(depthList[s]! + 1);
          children[s]!.set(cls, next);
        }
        s = next;
      }
      if (termList[s] === -1) termList[s] = p;
      else this.nextSame[lastSame[s]!] = p;
      lastSame[s] = p;
      maxLen = Math.max(maxLen, norm.text.length);
    }

    const states = children.length;
    const width = classMap.size + 1;
    this.width = width;
    this.classMap = classMap;
    this.delta = states < 0xffff ? new Uint16Array(states * width) : new Uint32Array(states * width);
    this.depth = Uint16Array.from(depthList);
    this.term = Int32Array.from(termList);
    this.dict = new Uint32Array(states);
    this.hasOut = new Uint8Array(states);
    const fail = new Uint32Array(states);

    // Breadth-first: every state's failure target is shallower, so its row is already complete.
    const queue = new Uint32Array(states);
    let qHead = 0;
    let qTail = 0;
    for (const [cls, child] of children[0]!) {
      this.delta[cls] = child;
      queue[qTail++] = child;
    }
    while (qHead < qTail) {
      const s = queue[qHead++]!;
      const f = fail[s]!;
      this.dict[s] = this.term[f]! >= 0 ? f : this.dict[f]!;
      this.hasOut[s] = this.term[s]! >= 0 || this.dict[s] !== 0 ? 1 : 0;
      const row = s * width;
      const fRow = f * width;
      for (let cls = 0; cls < width; cls++) this.delta[row + cls] = this.delta[fRow + cls]!;
      for (const [cls, child] of children[s]!) {
        fail[child] = this.delta[fRow + cls]!;
        this.delta[row + cls] = child;
        queue[qTail++] = child;
      }
    }

    let ring = 4;
    while (ring < maxLen + 2) ring <<= 1;
    this.mask = ring - 1;
    this.infoRing = new Uint16Array(ring);
    this.posRing = new Int32Array(ring);
    const bytes =
      this.info.byteLength + this.delta.byteLength + this.depth.byteLength + this.term.byteLength +
      this.dict.byteLength + this.hasOut.byteLength + this.nextSame.byteLength + this.rule.byteLength;
    this.stats = { patterns: count, states, classes: width, bytes };
  }

  find(text: string): Match[] {
    const out: Match[] = [];
    this.findIter(text, (start, end, pattern) => {
      out.push({ start, end, pattern });
    });
    return out;
  }

  findIter(text: string, onMatch: OnMatch): number {
    if (typeof text !== 'string' || text.length === 0 || this.stats.states === 1) return 0;
    if (this.busy) {
      // Re-entered from inside onMatch: scan with fresh scratch over the same automaton.
      const copy = Object.create(this) as AcMatcher;
      copy.freshScratch();
      return copy.scan(text, onMatch);
    }
    this.busy = true;
    try {
      return this.scan(text, onMatch);
    } finally {
      this.busy = false;
    }
  }

  /** @internal */
  scan(text: string, onMatch: OnMatch): number {
    const { delta, info, width, depth, hasOut, infoRing, posRing, mask } = this;
    const n = text.length;
    this.head = this.tail = this.cursor = 0;
    let emitted = 0;
    let pending = false;
    let state = 0;
    let fed = 0; // code units fed to the automaton
    let lastSpace = false;
    let outState = 0; // a state whose outputs wait for the next code unit (the after-boundary)
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      let v = info[code]!;
      if (v === 0) v = this.learn(code);
      if (v >= INVISIBLE) continue;
      const cls = v & CLASS_MASK;
      if (cls === SPACE_CLASS) {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      if (outState !== 0 && (v & WORD) === 0 && this.resolve(text, outState, fed - 1)) pending = true;
      state = delta[state * width + cls]!;
      infoRing[fed & mask] = v;
      posRing[fed & mask] = i;
      fed++;
      outState = hasOut[state] === 1 ? state : 0;
      if (pending) {
        const d = depth[state]!;
        emitted += this.commit(d === 0 ? n : posRing[(fed - d) & mask]!, onMatch);
        pending = this.tail !== this.head;
      }
    }
    if (outState !== 0) this.resolve(text, outState, fed - 1);
    emitted += this.commit(n, onMatch);
    return emitted;
  }

  private learn(code: number): number {
    const f = foldCode(code);
    const v = f === SOFT ? KNOWN | INVISIBLE : KNOWN | (isWord(f) ? WORD : 0) | (this.classMap.get(f) ?? 0);
    this.info[code] = v;
    return v;
  }

  /** Turns the outputs of `s`, whose last code unit was fed as number `k`, into pending candidates. */
  private resolve(text: string, s: number, k: number): boolean {
    const { depth, term, dict, nextSame, rule, infoRing, posRing, mask } = this;
    let added = false;
    // Longest first, so starts increase along the chain.
    for (let st = term[s]! >= 0 ? s : dict[s]!; st !== 0; st = dict[st]!) {
      const j = k - depth[st]! + 1;
      if (j > 0 && (infoRing[(j - 1) & mask]! & WORD) !== 0) continue;
      const start = posRing[j & mask]!;
      if (start < this.cursor) continue;
      const end = posRing[k & mask]! + 1;
      for (let p = term[st]!; p >= 0; p = nextSame[p]!) {
        if (rule[p] === RULE_ANY || this.caseOk(text, start, end, p)) {
          this.addPending(start, end, p);
          added = true;
          break;
        }
      }
    }
    return added;
  }

  private caseOk(text: string, start: number, end: number, p: number): boolean {
    const form = this.forms[p]!;
    const exact = this.rule[p] === RULE_EXACT;
    let q = 0;
    let lastSpace = false;
    for (let i = start; i < end && q < form.length; i++) {
      const code = text.charCodeAt(i);
      const f = foldCode(code);
      if (f === SOFT) continue;
      if (f === SPACE) {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      const want = caseOf(form[q++]!);
      if (want === 0) continue;
      if (!exact) return caseOf(code) === 1; // `initial`: only the first cased letter counts
      if (caseOf(code) !== want) return false;
    }
    return true;
  }

  /** Keeps pending candidates sorted by start; a later candidate with the same start is longer. */
  private addPending(start: number, end: number, p: number): void {
    let i = this.tail;
    while (i > this.head && this.pendS[i - 1]! > start) i--;
    if (i > this.head && this.pendS[i - 1] === start) {
      this.pendE[i - 1] = end;
      this.pendP[i - 1] = p;
      return;
    }
    if (this.tail === this.pendS.length) {
      if (this.head > 0) {
        this.pendS.copyWithin(0, this.head, this.tail);
        this.pendE.copyWithin(0, this.head, this.tail);
        this.pendP.copyWithin(0, this.head, this.tail);
        i -= this.head;
        this.tail -= this.head;
        this.head = 0;
      } else {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        this.pendS = grow(this.pendS);
        this.pendE = grow(this.pendE);
        this.pendP = grow(this.pendP);
      }
    }
    this.pendS.copyWithin(i + 1, i, this.tail);
    this.pendE.copyWithin(i + 1, i, this.tail);
    this.pendP.copyWithin(i + 1, i, this.tail);
    this.pendS[i] = start;
    this.pendE[i] = end;
    this.pendP[i] = p;
    this.tail++;
  }

  /**
   * Emits pending candidates that nothing still in progress can beat: every future candidate
   * starts at or after `activeStart`, the start of the deepest partial match.
   */
  private commit(activeStart: number, onMatch: OnMatch): number {
    let emitted = 0;
    while (this.head < this.tail && this.pendS[this.head]! < activeStart) {
      const start = this.pendS[this.head]!;
      const end = this.pendE[this.head]!;
      const p = this.pendP[this.head]!;
      this.head++;
      this.cursor = end;
      while (this.head < this.tail && this.pendS[this.head]! < end) this.head++;
      emitted++;
      onMatch(start, end, p);
    }
    if (this.head === this.tail) this.head = this.tail = 0;
    return emitted;
  }

  /** @internal */
  freshScratch(): void {
    this.infoRing = new Uint16Array(this.infoRing.length);
    this.posRing = new Int32Array(this.posRing.length);
    this.pendS = new Int32Array(16);
    this.pendE = new Int32Array(16);
    this.pendP = new Int32Array(16);
  }
}
