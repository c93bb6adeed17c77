/**
 * One page, one run: load it traced with the extension, wait until the worker has judged it and the
 * marks stop changing, read the trace; load it traced without the extension, measure the floor.
 * Also the worker's cold start. Talks CDP through playwright-core sessions.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import type { ExtensionHarness } from '../../tests/e2e/support/extension';
import type { ProbeResult } from './page-probe';
import type { PageRun } from './report';
import { TRACE_CATEGORIES, findPageThread, findWorkerThread, threadCost, type ThreadCost, type TraceEvent } from './trace';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Attribution {
  /** Source file of a content-script frame `line:column` (0-based, as CPU profiles give them). */
  content(frame: string): string;
  /** Source file of a worker frame. */
  worker(frame: string): string;
}

export interface PageMeasurement {
  run: PageRun;
  /** Content-script sampled time by source file, µs. */
  contentBySource: Map<string, number>;
  /** What the longest content-script task did: source (or non-script work) → µs, largest first. */
  longestTask: [string, number][];
}

async function traced<T>(cdp: CDPSession, body: () => Promise<T>): Promise<{ result: T; events: TraceEvent[] }> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: object[] }) => {
    for (const v of e.value) events.push(v as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
  let result: T;
  try {
    result = await body();
  } finally {
    const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  return { result, events };
}

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return usage.usedSize;
}

async function taskDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN) * 1000;
}

interface Done {
  status: string;
  marks: number;
  finished: boolean;
  wallMs: number;
}

/** Poll the page report until the worker has judged this URL, then until the mark count holds still. */
async function waitDone(h: ExtensionHarness, page: Page, tabId: number, url: string, timeoutMs: number): Promise<Done> {
  const t0 = Date.now();
  let last = -1;
  let still = 0;
  let status = 'none';
  while (Date.now() - t0 < timeoutMs) {
    const report = await h.pageReport(tabId).catch(() => null);
    if (report && report.url === url) status = report.status;
    if (status === 'annotated' || status === 'not-relevant') {
      const marks = await page.evaluate(() => (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights?.get('nk-mark')?.size ?? 0);
      if (marks === last) {
        if (++still >= 2) return { status, marks, finished: true, wallMs: Date.now() - t0 };
      } else {
        last = marks;
        still = 0;
      }
    }
    await sleep(250);
  }
  return { status, marks: Math.max(0, last), finished: false, wallMs: Date.now() - t0 };
}

/** Evaluate the probe bundle in the extension's isolated world of the page's main frame. */
async function runProbe(cdp: CDPSession, bundle: string): Promise<ProbeResult | null> {
  const contexts: { id: number; origin: string; name: string; auxData?: { frameId?: string; isDefault?: boolean } }[] = [];
  const onContext = (e: { context: (typeof contexts)[number] }) => contexts.push(e.context);
  cdp.on('Runtime.executionContextCreated', onContext);
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  cdp.off('Runtime.executionContextCreated', onContext);
  const ctx = contexts.find((c) => c.origin.startsWith('chrome-extension://') && c.auxData?.frameId === frameTree.frame.id && !c.auxData?.isDefault);
  if (!ctx) return null;
  await cdp.send('Runtime.evaluate', { expression: bundle, contextId: ctx.id });
  const reply = (await cdp.send('Runtime.evaluate', {
    expression: '__nkBenchProbe()',
    contextId: ctx.id,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value?: ProbeResult }; exceptionDetails?: { text: string } };
  await cdp.send('Runtime.disable');
  return reply.result.value ?? null;
}

/**
 * The bare walk: every text node's value, in the page's own world. The page clock is coarse (0.1 ms
 * without cross-origin isolation), so each repetition walks as many times as fit in 5 ms at least;
 * the median of `reps` repetitions, per walk.
 */
export async function floor(page: Page, reps = 7): Promise<{ ms: number; nodes: number; chars: number }> {
  // A string, not a function: tsx would wrap the inner function in a `__name` helper the page lacks.
  return page.evaluate(`(() => {
    let nodes = 0;
    let chars = 0;
    const walk = () => {
      const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
      let count = 0;
      let length = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        length += node.data.length;
        count++;
      }
      nodes = count;
      chars = length;
    };
    walk(); // warm-up
    const times = [];
    for (let r = 0; r < ${reps}; r++) {
      let walks = 0;
      const t0 = performance.now();
      let elapsed = 0;
      while (elapsed < 5 || walks < 1) {
        walk();
        walks++;
        elapsed = performance.now() - t0;
      }
      times.push(elapsed / walks);
    }
    times.sort((a, b) => a - b);
    return { ms: times[times.length >> 1], nodes, chars };
  })()`);
}

export interface MeasureOptions {
  harness: ExtensionHarness;
  plain: BrowserContext;
  name: string;
  url: string;
  probe: string;
  attribution: Attribution;
  timeoutMs: number;
}

export async function measurePage(o: MeasureOptions): Promise<PageMeasurement> {
  const { harness: h } = o;
  const prefix = `chrome-extension://${h.extensionId}/`;
  const isContent = (u: string) => u.startsWith(prefix) && u.includes('/content-scripts/');
  const isWorker = (u: string) => u.startsWith(prefix) && !u.includes('/content-scripts/');

  // With the extension.
  const page = await h.context.newPage();
  const tabId = await h.tabIdOf(page);
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { result: done, events } = await traced(cdp, async () => {
    await page.goto(o.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return waitDone(h, page, tabId, o.url, o.timeoutMs);
  });
  const pageThread = findPageThread(events, o.url);
  const content: ThreadCost | null = pageThread ? threadCost(events, pageThread, isContent) : null;
  const workerThread = findWorkerThread(events, prefix);
  const worker: ThreadCost | null = workerThread ? threadCost(events, workerThread, isWorker) : null;
  events.length = 0;
  const extTask = await taskDuration(cdp);
  const extHeap = await heapAfterGc(cdp);
  const probe = await runProbe(cdp, o.probe).catch(() => null);
  await cdp.detach().catch(() => undefined);
  await page.close();

  const contentBySource = new Map<string, number>();
  for (const [frame, us] of content?.selfByFrame ?? []) {
    const source = o.attribution.content(frame);
    contentBySource.set(source, (contentBySource.get(source) ?? 0) + us);
  }
  const longest = new Map<string, number>();
  for (const [frame, us] of content?.longestByFrame ?? []) {
    const source = frame.startsWith('(') ? frame : o.attribution.content(frame);
    longest.set(source, (longest.get(source) ?? 0) + us);
  }
  let compromiseUs = 0;
  for (const [frame, us] of worker?.selfByFrame ?? []) if (o.attribution.worker(frame).includes('node_modules/compromise')) compromiseUs += us;

  // Without: same tracing, so that its overhead is in both TaskDurations; the floor after it.
  const bare = await o.plain.newPage();
  const bareCdp = await o.plain.newCDPSession(bare);
  await bareCdp.send('Performance.enable');
  await traced(bareCdp, async () => {
    await bare.goto(o.url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    await sleep(Math.min(Math.max(done.wallMs, 1000), 3_000));
  });
  const bareTask = await taskDuration(bareCdp);
  const bareHeap = await heapAfterGc(bareCdp);
  const walk = await floor(bare);
  await bareCdp.detach().catch(() => undefined);
  await bare.close();

  return {
    contentBySource,
    longestTask: [...longest].sort((a, b) => b[1] - a[1]),
    run: {
      page: o.name,
      textKb: walk.chars / 1000,
      textNodes: walk.nodes,
      floorMs: walk.ms,
      extTaskMs: content?.taskMs ?? NaN,
      extScriptMs: content?.scriptMs ?? NaN,
      longestTaskMs: content?.longestTaskMs ?? NaN,
      tasksOver50: content?.over50 ?? NaN,
      spanMs: content?.spanMs ?? NaN,
      marks: done.marks,
      injections: content?.injections ?? NaN,
      status: done.finished ? done.status : `unfinished (${done.status})`,
      finished: done.finished,
      heapKb: (extHeap - bareHeap) / 1024,
      taskDurationDeltaMs: extTask - bareTask,
      workerTaskMs: worker?.taskMs ?? NaN,
      compromiseMs: compromiseUs / 1000,
      roundTripMs: probe?.roundTripMs ?? NaN,
      candidates: probe?.candidates ?? NaN,
      sentenceKb: (probe?.sentenceChars ?? NaN) / 1000,
      compileMs: probe?.compileMs ?? NaN,
      collectMs: probe?.collectMs ?? NaN,
      matchMs: probe?.matchMs ?? NaN,
      batchMs: probe?.batchMs ?? NaN,
      walkCapped: probe?.walkCapped ?? false,
    },
  };
}

export interface ColdStart {
  coldMs: number;
  warmMs: number;
  hits: number;
}

/**
 * Stop the extension's service worker (CDP ServiceWorker.stopAllWorkers), then time the first
 * answer to a lookup from an extension page; then the same lookup warm.
 */
export async function coldStart(h: ExtensionHarness, messenger: Page): Promise<ColdStart> {
  const cdp = await h.context.newCDPSession(messenger);
  const before = await h.serviceWorker();
  const closed = new Promise((r) => before.once('close', r));
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([closed, sleep(5000)]);
  await sleep(200);
  const ask = () =>
    messenger.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      const t0 = performance.now();
      const reply = await c.runtime.sendMessage({ type: 'popup:search', query: 'cvid' });
      return { ms: performance.now() - t0, hits: Array.isArray(reply) ? reply.length : -1 };
    });
  const cold = await ask();
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) warm.push((await ask()).ms);
  await cdp.send('ServiceWorker.disable').catch(() => undefined);
  await cdp.detach().catch(() => undefined);
  warm.sort((a, b) => a - b);
  return { coldMs: cold.ms, warmMs: warm[1]!, hits: cold.hits };
}
