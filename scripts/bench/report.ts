/** Medians over runs and the Markdown of docs/benchmarks.md. Pure. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { median, min: v[0]!, max: v.at(-1)!, n: v.length };
}

/** `12.3 (10.1–15.0)`; one value alone without the range. */
export function fmt(s: Spread, digits = 1): string {
  if (!s.n) return '—';
  const f = (x: number) => x.toFixed(digits);
  return s.n === 1 || s.min === s.max ? f(s.median) : `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

export function table(head: string[], rows: (string | number)[][], align?: ('l' | 'r')[]): string {
  const a = align ?? head.map((_, i) => (i === 0 ? 'l' : 'r'));
  return [
    `| ${head.join(' | ')} |`,
    `|${a.map((x) => (x === 'r' ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** One measurement of one page in one run. */
export interface PageRun {
  page: string;
  textKb: number;
  textNodes: number;
  /** Bare TreeWalker pass, median of repetitions, ms. */
  floorMs: number;
  /** Main-thread time in tasks where the content script ran, ms. */
  extTaskMs: number;
  /** Sampled content-script JS (and the DOM calls it makes), ms. */
  extScriptMs: number;
  longestTaskMs: number;
  tasksOver50: number;
  /** First to last content-script task, ms (includes waiting for the worker and yields). */
  spanMs: number;
  marks: number;
  /** Frames of the page the content script was injected into (allFrames), on the page's main thread. */
  injections: number;
  status: string;
  finished: boolean;
  /** Retained JS heap with the extension minus without, after GC, KiB. */
  heapKb: number;
  /** CDP Performance.getMetrics TaskDuration with the extension minus without, ms. */
  taskDurationDeltaMs: number;
  /** Worker thread busy in tasks while the page was annotated, ms. */
  workerTaskMs: number;
  /** compromise code sampled in the worker during the page, ms. */
  compromiseMs: number;
  /** Probe: `content:scan` round trip with the page's candidates, ms. */
  roundTripMs: number;
  candidates: number;
  sentenceKb: number;
  compileMs: number;
  collectMs: number;
  matchMs: number;
  batchMs: number;
  walkCapped: boolean;
}
