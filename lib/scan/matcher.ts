/**
 * The multi-pattern matcher the content script runs over every text run of a page: an
 * Aho–Corasick automaton (sparse trie + failure links, dense lazily filled rows for the shallow
 * states), fed the page's text one folded code unit at a time, so no folded copy of the text is
 * ever made.
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
/**
 * States this shallow (≈300 of 5000) get a dense DFA row, filled entry by entry as the text needs
 * it; deeper ones, met only inside a near-match, follow the sparse trie and failure links, which
 * for them is nearly always one child look-up.
 */
const DENSE_DEPTH = 3;
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

// Word test on folded code units: only `learn` asks, once per code unit, and caches the answer.
function isWord(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  return isWordCode(c);
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

export function compileMatcher(table: PatternTable): Matcher {
  return new AcMatcher(table);
}

/**
 * Per-code-unit info is flat below this (Latin, Greek, Cyrillic, punctuation: the hot path, one
 * load) and in pages of 256 above it, each allocated when one of its code units is first seen.
 */
const FLAT = 0x3000;
// A page that nothing has learnt yet; shared and never written.
const EMPTY_PAGE = new Uint16Array(256);

/**
 * Compile cost matters more than anything here: every frame the content script runs in builds
 * one. So the trie is stored sparsely (children of a state are contiguous in breadth-first
 * numbering, looked up linearly) with failure links, and only the shallow states, which take
 * nearly all of the text, get dense DFA rows, each entry computed when the text first needs it.
 */
class AcMatcher implements Matcher {
  private readonly patternCount: number;
  private readonly states: number;
  private readonly width: number;
  private readonly classMap: Map<number, number>;
  /** Per-code-unit info (0: not learnt yet): `low` below FLAT, `pages` from it. */
  private readonly low = new Uint16Array(FLAT);
  private readonly pages: Uint16Array[];
  /** Children of state s: ids kidStart[s] … kidStart[s + 1] − 1; kidCls[id] is the class that leads to id. */
  private readonly kidStart: Uint16Array | Uint32Array;
  private readonly kidCls: Uint16Array;
  private readonly fail: Uint16Array | Uint32Array;
  /** States below this id (breadth-first: the shallow ones) have a row in `delta`. */
  private readonly dense: number;
  /** `delta[state * width + class]` = next state + 1, or 0 while not computed yet. */
  private readonly delta: Uint16Array | Uint32Array;
  private readonly depth: Uint16Array;
  /** First pattern whose whole text ends at a state, or -1. */
  private readonly term: Int32Array;
  /** Nearest proper suffix state that is terminal (0 = none). */
  private readonly dict: Uint16Array | Uint32Array;
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
    this.patternCount = count;
    this.nextSame = new Int32Array(count).fill(-1);
    this.rule = new Uint8Array(count);
    this.forms = new Array<Uint16Array | null>(count).fill(null);
    this.pages = new Array<Uint16Array>(256).fill(EMPTY_PAGE);

    let cap = 1;
    let maxText = 0;
    for (const pat of patterns) {
      if (typeof pat?.text !== 'string') continue;
      cap += pat.text.length;
      maxText = Math.max(maxText, pat.text.length);
    }
    // The trie as first-child / next-sibling lists in insertion numbering (0 = none: the root is nobody's child).
    const firstKid = new Int32Array(cap);
    const sibling = new Int32Array(cap);
    const label = new Uint16Array(cap);
    const depth0 = new Uint16Array(cap);
    const term0 = new Int32Array(cap).fill(-1);
    const lastSame = new Int32Array(cap);
    const formBuf = new Uint16Array(maxText);
    const classMap = new Map<number, number>([[SPACE, SPACE_CLASS]]);
    const classLow = new Uint16Array(FLAT); // classMap's hot part, for compiling only
    let n = 1;
    const step = (s: number, cls: number): number => {
      let k = firstKid[s]!;
      while (k !== 0 && label[k] !== cls) k = sibling[k]!;
      if (k === 0) {
        k = n++;
        label[k] = cls;
        depth0[k] = depth0[s]! + 1;
        sibling[k] = firstKid[s]!;
        firstKid[s] = k;
      }
      return k;
    };
    let maxLen = 0;
    for (let p = 0; p < count; p++) {
      const pat = patterns[p]!;
      const text = pat?.text;
      if (typeof text !== 'string') continue;
      const form = typeof pat.form === 'string' && pat.form.length === text.length ? pat.form : text;
      // Normalised on the fly: folded, SOFT dropped, one space per whitespace run, trimmed.
      let s = 0;
      let len = 0;
      let space = false;
      let cased = false;
      for (let i = 0; i < text.length; i++) {
        const c = foldCode(text.charCodeAt(i));
        if (c === SOFT) continue;
        if (c === SPACE) {
          space = len > 0;
          continue;
        }
        if (space) {
          s = step(s, SPACE_CLASS);
          formBuf[len++] = SPACE;
          space = false;
        }
        let cls = c < FLAT ? classLow[c]! : (classMap.get(c) ?? 0);
        if (cls === 0) {
          // Rows are dense over the classes, and the class must fit the info word's low bits.
          if (classMap.size + 1 >= CLASS_MASK) throw new RangeError('compileMatcher: more than 8190 distinct characters in the patterns');
          classMap.set(c, (cls = classMap.size + 1));
          if (c < FLAT) classLow[c] = cls;
        }
        s = step(s, cls);
        const f = form.charCodeAt(i);
        formBuf[len++] = f;
        if (!cased && caseOf(f) !== 0) cased = true;
      }
      if (len === 0) continue;
      this.rule[p] = !cased ? RULE_ANY : pat.caseRule === 'exact' ? RULE_EXACT : pat.caseRule === 'initial' ? RULE_INITIAL : RULE_ANY;
      if (this.rule[p] !== RULE_ANY) this.forms[p] = formBuf.slice(0, len);
      if (term0[s] === -1) term0[s] = p;
      else this.nextSame[lastSame[s]!] = p;
      lastSame[s] = p;
      maxLen = Math.max(maxLen, len);
    }

    // Renumber breadth-first, so that each state's children are contiguous and every failure
    // target (always shallower) is computed before it is needed.
    const states = n;
    const width = classMap.size + 1;
    const Ids = states <= 0xffff ? Uint16Array : Uint32Array;
    const order = new Int32Array(states);
    const kidStart = new Ids(states + 1);
    const kidCls = new Uint16Array(states);
    const depth = new Uint16Array(states);
    const term = new Int32Array(states);
    let tail = 1;
    for (let h = 0; h < states; h++) {
      const old = order[h]!;
      kidStart[h] = tail;
      depth[h] = depth0[old]!;
      term[h] = term0[old]!;
      for (let k = firstKid[old]!; k !== 0; k = sibling[k]!) {
        kidCls[tail] = label[k]!;
        order[tail++] = k;
      }
    }
    kidStart[states] = tail;
    this.states = states;
    this.width = width;
    this.classMap = classMap;
    this.kidStart = kidStart;
    this.kidCls = kidCls;
    this.depth = depth;
    this.term = term;
    this.fail = new Ids(states);
    this.dict = new Ids(states);
    this.hasOut = new Uint8Array(states);
    let dense = 1;
    while (dense < states && depth[dense]! <= DENSE_DEPTH) dense++;
    this.dense = dense;
    // The root's row is complete from the start: it is where every scan begins and returns to.
    this.delta = new (states < 0xffff ? Uint16Array : Uint32Array)(dense * width).fill(1, 0, width);
    for (let k = kidStart[0]!; k < kidStart[1]!; k++) this.delta[kidCls[k]!] = k + 1;

    for (let h = 0; h < states; h++) {
      for (let k = kidStart[h]!; k < kidStart[h + 1]!; k++) {
        const f = h === 0 ? 0 : this.next(this.fail[h]!, kidCls[k]!);
        this.fail[k] = f;
        this.dict[k] = term[f]! >= 0 ? f : this.dict[f]!;
        this.hasOut[k] = term[k]! >= 0 || this.dict[k] !== 0 ? 1 : 0;
      }
    }

    let ring = 4;
    while (ring < maxLen + 2) ring <<= 1;
    this.mask = ring - 1;
    this.infoRing = new Uint16Array(ring);
    this.posRing = new Int32Array(ring);
  }

  get stats(): MatcherStats {
    let bytes = this.low.byteLength + this.delta.byteLength + this.kidStart.byteLength + this.kidCls.byteLength +
      this.fail.byteLength + this.depth.byteLength + this.term.byteLength + this.dict.byteLength + this.hasOut.byteLength +
      this.nextSame.byteLength + this.rule.byteLength;
    for (const page of this.pages) if (page !== EMPTY_PAGE) bytes += page.byteLength;
    for (const form of this.forms) if (form) bytes += form.byteLength;
    return { patterns: this.patternCount, states: this.states, classes: this.width, bytes };
  }

  /** The AC transition from `s` on `cls`: its child, else its failure target's transition. */
  private next(s: number, cls: number): number {
    const { kidStart, kidCls, fail, delta, dense, width } = this;
    for (let t = s; ; t = fail[t]!) {
      if (t < dense) {
        const known = delta[t * width + cls]!;
        if (known !== 0) return known - 1;
      }
      const end = kidStart[t + 1]!;
      for (let k = kidStart[t]!; k < end; k++) if (kidCls[k] === cls) return k;
      if (t === 0) return 0;
    }
  }

  /** A dense state's transition, computed and remembered on first use. */
  private fill(s: number, cls: number): number {
    const to = this.next(s, cls);
    this.delta[s * this.width + cls] = to + 1;
    return to;
  }

  find(text: string): Match[] {
    const out: Match[] = [];
    this.findIter(text, (start, end, pattern) => {
      out.push({ start, end, pattern });
    });
    return out;
  }

  findIter(text: string, onMatch: OnMatch): number {
    if (typeof text !== 'string' || text.length === 0 || this.states === 1) return 0;
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
    const { low, pages, delta, dense, width, kidStart, kidCls, depth, hasOut, infoRing, posRing, mask } = this;
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
      let v = code < FLAT ? low[code]! : pages[code >>> 8]![code & 0xff]!;
      if (v === 0) v = this.learn(code);
      if (v >= INVISIBLE) continue;
      const cls = v & CLASS_MASK;
      if (cls === SPACE_CLASS) {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      if (outState !== 0 && (v & WORD) === 0 && this.resolve(text, outState, fed - 1)) pending = true;
      if (state < dense) {
        const to = delta[state * width + cls]!;
        state = to !== 0 ? to - 1 : this.fill(state, cls);
      } else {
        const k = kidStart[state]!;
        state = k < kidStart[state + 1]! && kidCls[k] === cls ? k : this.next(state, cls);
      }
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
    if (code < FLAT) this.low[code] = v;
    else {
      let page = this.pages[code >>> 8]!;
      if (page === EMPTY_PAGE) this.pages[code >>> 8] = page = new Uint16Array(256);
      page[code & 0xff] = v;
    }
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
