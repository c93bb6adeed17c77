/**
 * What a Chromium trace says about the extension's cost to one page. Pure: takes the trace events
 * (Tracing.dataCollected), returns numbers. The content script runs in the page's renderer main
 * thread; a top-level task counts as the extension's when the V8 sampling profiler caught the
 * content script on the stack in it, or when it compiled/evaluated/called into the script.
 * Resumed async code (after scheduler.yield) has no URL of its own in the trace: only the samples
 * attribute it, which is why the trace must include `disabled-by-default-v8.cpu_profiler`.
 */

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'toplevel',
];

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; beginData?: Record<string, unknown>; name?: string };
}

export interface CallFrame {
  url?: string;
  functionName?: string;
  lineNumber?: number;
  columnNumber?: number;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: CallFrame;
}

export interface Sample {
  ts: number;
  /** Time this sample stands for (the gap to the next sample, capped), µs. */
  weight: number;
  node: number;
}

export interface ThreadProfile {
  nodes: Map<number, ProfileNode>;
  samples: Sample[];
}

export interface Task {
  ts: number;
  dur: number;
  /** µs of samples with the script on the stack. */
  scriptUs: number;
  /** The task compiled, evaluated or called the script by URL. */
  byUrl: boolean;
}

export interface ThreadCost {
  /** Tasks in which the script ran. */
  tasks: number;
  /** Sum of those tasks' durations, ms (what the page's main thread lost, including DOM, style and GC work inside them). */
  taskMs: number;
  /** Samples with the script on the stack, ms (its own JS and the DOM calls it makes). */
  scriptMs: number;
  /** The longest such task, ms. */
  longestTaskMs: number;
  /** First such task's start to last one's end, ms. */
  spanMs: number;
  /** How many of them lasted over 50 ms. */
  over50: number;
  /** Sample interval seen, µs (median). */
  sampleUs: number;
  /** Sampled time per source position of the script's top frame: `line:column` → µs (for a sourcemap). */
  selfByFrame: Map<string, number>;
  /** Times the script was evaluated on this thread (once per frame it was injected into). */
  injections: number;
  /** The same, within the longest task only. */
  longestByFrame: Map<string, number>;
}

/** Longest gap a sample stands for: longer gaps are idle time that the profiler did not see. */
const MAX_SAMPLE_US = 2_000;

/** The renderer main thread that parsed `pageUrl` (pid, tid). */
export function findPageThread(events: TraceEvent[], pageUrl: string): { pid: number; tid: number } | null {
  for (const e of events) {
    if (e.name === 'ParseHTML' && e.args?.beginData?.url === pageUrl) return { pid: e.pid, tid: e.tid };
  }
  return null;
}

/** The service worker thread whose script URL starts with `prefix`. */
export function findWorkerThread(events: TraceEvent[], prefix: string): { pid: number; tid: number } | null {
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name ?? ''));
  for (const e of events) {
    const url = e.args?.data?.url;
    if (typeof url === 'string' && url.startsWith(prefix) && names.get(`${e.pid}:${e.tid}`) === 'ServiceWorker thread') return { pid: e.pid, tid: e.tid };
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk') continue;
    const nodes = (e.args?.data?.cpuProfile as { nodes?: ProfileNode[] } | undefined)?.nodes ?? [];
    if (nodes.some((n) => n.callFrame.url?.startsWith(prefix)) && names.get(`${e.pid}:${e.tid}`) === 'ServiceWorker thread') return { pid: e.pid, tid: e.tid };
  }
  return null;
}

/** The CPU profile sampled on one thread (its Profile + ProfileChunk events). */
export function threadProfile(events: TraceEvent[], thread: { pid: number; tid: number }): ThreadProfile {
  const nodes = new Map<number, ProfileNode>();
  const samples: Sample[] = [];
  const profile = events.find((e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid);
  if (!profile) return { nodes, samples };
  let ts = Number((profile.args?.data as { startTime?: number } | undefined)?.startTime ?? profile.ts);
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === thread.pid && e.id === profile.id);
  for (const chunk of chunks) {
    const data = chunk.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = data?.cpuProfile?.samples ?? [];
    const deltas = data?.timeDeltas ?? [];
    ids.forEach((node, i) => {
      ts += deltas[i] ?? 0;
      samples.push({ ts, weight: 0, node });
    });
  }
  samples.sort((a, b) => a.ts - b.ts);
  for (let i = 0; i < samples.length; i++) {
    const next = samples[i + 1];
    samples[i]!.weight = next ? Math.min(MAX_SAMPLE_US, next.ts - samples[i]!.ts) : 0;
  }
  return { nodes, samples };
}

/** Top-level tasks of a thread: RunTask events not nested in another. */
export function topLevelTasks(events: TraceEvent[], thread: { pid: number; tid: number }): { ts: number; dur: number }[] {
  const all = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === thread.pid && e.tid === thread.tid && (e.dur ?? 0) > 0)
    .map((e) => ({ ts: e.ts, dur: e.dur! }))
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out: { ts: number; dur: number }[] = [];
  let reach = -Infinity;
  for (const t of all) {
    if (t.ts < reach) continue;
    out.push(t);
    reach = t.ts + t.dur;
  }
  return out;
}

/**
 * The script's cost on one thread. `isScript(url)` says which URLs are the script's (the content
 * script file, or the worker's).
 */
export function threadCost(events: TraceEvent[], thread: { pid: number; tid: number }, isScript: (url: string) => boolean): ThreadCost {
  const { nodes, samples } = threadProfile(events, thread);
  const onStack = new Map<number, boolean>();
  const scriptOnStack = (id: number): boolean => {
    const known = onStack.get(id);
    if (known !== undefined) return known;
    const node = nodes.get(id);
    const url = node?.callFrame.url;
    const yes = !!node && ((!!url && isScript(url)) || (node.parent !== undefined && scriptOnStack(node.parent)));
    onStack.set(id, yes);
    return yes;
  };
  const tasks: Task[] = topLevelTasks(events, thread).map((t) => ({ ...t, scriptUs: 0, byUrl: false }));
  const taskAt = (ts: number): Task | undefined => {
    let lo = 0;
    let hi = tasks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = tasks[mid]!;
      if (ts < t.ts) hi = mid - 1;
      else if (ts > t.ts + t.dur) lo = mid + 1;
      else return t;
    }
    return undefined;
  };
  const selfByFrame = new Map<string, number>();
  // Self time by the innermost frame of the script (native callees count for their JS caller).
  const frameOf = (id: number): string => {
    for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
      if (n.callFrame.url && isScript(n.callFrame.url)) return `${n.callFrame.lineNumber ?? 0}:${n.callFrame.columnNumber ?? 0}`;
    }
    return '?';
  };
  let scriptUs = 0;
  for (const s of samples) {
    if (!scriptOnStack(s.node)) continue;
    scriptUs += s.weight;
    const task = taskAt(s.ts);
    if (task) task.scriptUs += s.weight;
    const key = frameOf(s.node);
    selfByFrame.set(key, (selfByFrame.get(key) ?? 0) + s.weight);
  }
  let injections = 0;
  for (const e of events) {
    if (e.pid !== thread.pid || e.tid !== thread.tid) continue;
    const url = e.args?.data?.url ?? (e.args?.data as { fileName?: string } | undefined)?.fileName;
    if (typeof url === 'string' && isScript(url)) {
      if (e.name === 'EvaluateScript') injections++;
      const task = taskAt(e.ts);
      if (task) task.byUrl = true;
    }
  }
  const mine = tasks.filter((t) => t.scriptUs > 0 || t.byUrl);
  const longest = mine.reduce<Task | undefined>((a, t) => (!a || t.dur > a.dur ? t : a), undefined);
  const longestByFrame = new Map<string, number>();
  if (longest) {
    for (const s of samples) {
      if (s.ts < longest.ts || s.ts > longest.ts + longest.dur) continue;
      const key = scriptOnStack(s.node) ? frameOf(s.node) : `(not the script: ${nodes.get(s.node)?.callFrame.functionName || 'native'})`;
      longestByFrame.set(key, (longestByFrame.get(key) ?? 0) + s.weight);
    }
  }
  const deltas = samples.slice(1, 2001).map((s, i) => s.ts - samples[i]!.ts).sort((a, b) => a - b);
  return {
    tasks: mine.length,
    taskMs: mine.reduce((n, t) => n + t.dur, 0) / 1000,
    scriptMs: scriptUs / 1000,
    longestTaskMs: mine.reduce((n, t) => Math.max(n, t.dur), 0) / 1000,
    spanMs: mine.length ? (mine.at(-1)!.ts + mine.at(-1)!.dur - mine[0]!.ts) / 1000 : 0,
    over50: mine.filter((t) => t.dur > 50_000).length,
    sampleUs: deltas[deltas.length >> 1] ?? 0,
    selfByFrame,
    injections,
    longestByFrame,
  };
}
