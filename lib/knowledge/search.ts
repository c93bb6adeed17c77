/**
 * Typo-tolerant, ranked search over the knowledge base for the popup's lookup box. Runs on every
 * keystroke, so everything that does not depend on the query is prepared once in `createSearch`.
 */
import type { SearchHit } from '../messaging/protocol';
import { entryForms, normaliseQuery, type EntryName } from './alias-index';
import type { KnowledgeBase } from './types';

/** Score tiers: any hit of a tier beats every hit of the tiers below it. */
export const TIER = { exact: 1000, prefix: 800, wordPrefix: 700, substring: 500, fuzzy: 400, fuzzyPrefix: 300, definition: 150 } as const;
const LIST_BONUS: Record<EntryName['list'], number> = { label: 6, alias: 4, short: 2, contextual: 0 };
const EDIT_COST = 40;

interface Name {
  norm: string;
  tokens: string[];
  entry: number;
  /** The name as the knowledge base lists it (for `matched`). */
  source: EntryName;
}

/** Edits a query of this length may contain and still match. */
export function editBound(length: number): number {
  return length <= 3 ? 0 : length <= 5 ? 1 : length <= 8 ? 2 : 3;
}

// Reused DP rows: a keystroke compares the query with a few thousand names without allocating.
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];
/** Set by `distances`: the distance from `a` to the closest prefix of `b`. */
let prefixResult = 0;

/**
 * Optimal-string-alignment Damerau–Levenshtein distance of `a` to `b`, and (in `prefixResult`) to the
 * closest prefix of `b`. Banded: only cells within `bound` of the diagonal are computed, and any
 * answer above `bound` is reported as `bound + 1`, so hopeless comparisons stop early.
 */
function distances(a: string, b: string, bound: number): number {
  const m = a.length;
  const n = Math.min(b.length, m + bound);
  const over = bound + 1;
  if (rows[0]!.length < n + 2) rows = rows.map(() => new Int32Array(n + 34));
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n + 1; j++) prev[j] = j <= bound ? j : over;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - bound);
    const hi = Math.min(n, i + bound);
    cur[lo - 1] = lo === 1 ? Math.min(i, over) : over;
    let rowMin = cur[lo - 1]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = Math.min(v, over);
      if (v < rowMin) rowMin = v;
    }
    if (hi + 1 <= n + 1) cur[hi + 1] = over;
    if (rowMin > bound) return (prefixResult = over);
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  let best = over;
  for (let j = Math.max(0, m - bound); j <= n; j++) best = Math.min(best, prev[j]!);
  prefixResult = best;
  return b.length <= m + bound ? prev[b.length]! : over;
}

/** Damerau–Levenshtein (optimal string alignment) distance, or `bound + 1` when it exceeds `bound`. */
export function editDistance(a: string, b: string, bound: number): number {
  return distances(a, b, bound);
}

/** Every query token matches a name token in order (exactly, as a prefix, or within the edit bound); the total cost. */
function tokenCost(qTokens: string[], tokens: string[], allowFuzzy: boolean): number | null {
  let at = 0;
  let cost = 0;
  for (const qt of qTokens) {
    let found = -1;
    let best = Infinity;
    for (let j = at; j < tokens.length && best > 0; j++) {
      const t = tokens[j]!;
      let c = t === qt ? 0 : t.startsWith(qt) ? 0.25 : Infinity;
      if (c === Infinity && allowFuzzy) {
        const bound = editBound(qt.length);
        const d = distances(qt, t, bound);
        if (d <= bound) c = d;
      }
      if (c < best) ((best = c), (found = j));
    }
    if (found < 0) return null;
    cost += best;
    at = found + 1;
  }
  return cost;
}

/** The quality of one name for a query (0: no match). */
function scoreName(q: string, qTokens: string[], name: Name): number {
  const n = name.norm;
  const coverage = Math.round((50 * q.length) / Math.max(n.length, q.length));
  if (n === q) return TIER.exact + 50;
  if (n.startsWith(q)) return TIER.prefix + coverage;
  if (tokenCost(qTokens, name.tokens, false) !== null) return TIER.wordPrefix + coverage;
  if (q.length >= 3 && n.includes(q)) return TIER.substring + coverage;
  const bound = editBound(q.length);
  if (bound === 0) return 0;
  const d = distances(q, n, bound);
  const p = prefixResult;
  if (d <= bound) return TIER.fuzzy - EDIT_COST * d + coverage / 5;
  const cost = tokenCost(qTokens, name.tokens, true);
  if (cost !== null) return TIER.fuzzy - 20 - EDIT_COST * cost + coverage / 5;
  // A partly typed word with a typo ("denuklea"); a tighter bound, as a short prefix matches too easily.
  if (n.length > q.length && p <= (q.length >= 6 ? bound - 1 : bound)) return TIER.fuzzyPrefix - EDIT_COST * p + coverage / 5;
  return 0;
}

export type Search = (query: string, limit?: number) => SearchHit[];

export function createSearch(kb: KnowledgeBase): Search {
  const names: Name[] = [];
  const definitionWords: Set<string>[] = [];
  kb.entries.forEach((entry, i) => {
    const seen = new Map<string, Name>();
    for (const { form, name } of entryForms(entry)) {
      const norm = normaliseQuery(form);
      const had = seen.get(norm);
      if (norm === '' || (had && LIST_BONUS[had.source.list] >= LIST_BONUS[name.list])) continue;
      seen.set(norm, { norm, tokens: norm.split(' '), entry: i, source: name });
    }
    names.push(...seen.values());
    definitionWords.push(new Set(normaliseQuery(entry.definition).split(' ').filter((w) => w.length >= 4)));
  });

  return (query, limit = 8) => {
    const q = normaliseQuery(query);
    if (q === '' || limit <= 0) return [];
    const qTokens = q.split(' ');
    const best = new Map<number, { score: number; source?: EntryName }>();
    for (const name of names) {
      const quality = scoreName(q, qTokens, name);
      if (quality === 0) continue;
      const score = quality + LIST_BONUS[name.source.list];
      const had = best.get(name.entry);
      if (!had || score > had.score) best.set(name.entry, { score, source: name.source });
    }
    // Words found only in definitions ("enrichment") still find their entries, below any name match.
    const defWords = qTokens.filter((t) => t.length >= 4);
    if (defWords.length === qTokens.length) {
      definitionWords.forEach((words, i) => {
        if (best.has(i) || !defWords.every((t) => words.has(t) || (t.length >= 5 && [...words].some((w) => w.startsWith(t))))) return;
        best.set(i, { score: TIER.definition });
      });
    }
    const hits: SearchHit[] = [];
    for (const [i, { score, source }] of best) {
      const entry = kb.entries[i]!;
      const hit: SearchHit = { id: entry.id, label: entry.label, kind: entry.kind, score: Math.round(score + entry.weight) };
      // A spelling of the label ("Kim Jong-un" for "Kim Jong Un") is the label, not another name.
      if (source && source.list !== 'label' && normaliseQuery(source.text) !== normaliseQuery(entry.label)) hit.matched = source.text;
      hits.push(hit);
    }
    hits.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
    return hits.slice(0, limit);
  };
}
