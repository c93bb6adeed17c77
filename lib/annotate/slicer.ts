/**
 * Runs work in slices of about `budgetMs` and yields to the page in between, so that annotating a
 * huge page never blocks a frame for long. Cancelling ends every loop at its next check.
 */

export interface SlicerOptions {
  /** Longest stretch of work before yielding, in ms. */
  budgetMs?: number;
  /** Clock (tests inject one). */
  now?: () => number;
  /** How to give the main thread back (tests inject one). */
  yieldTo?: () => Promise<void>;
}

export interface Slicer {
  /** Call `step` until it returns true, yielding when a slice is used up. Resolves false if cancelled. */
  loop(step: () => boolean): Promise<boolean>;
  /** Call `fn` for each item, sliced. Resolves false if cancelled. */
  each<T>(items: readonly T[], fn: (item: T, index: number) => void): Promise<boolean>;
  /** End every running loop (they resolve false); the slicer stays usable for new loops. */
  cancel(): void;
  /** How many times it has yielded (for benchmarks and tests). */
  readonly yields: number;
}

type Scheduler = { yield?: () => Promise<void> };

/** Longest stretch in which only our prioritised continuations run, before a plain macrotask yield. */
const FAIR_MS = 50;

/** scheduler.yield() where present (with a fair macrotask turn now and then), else an idle callback with a timeout, else a macrotask. */
export function defaultYield(): () => Promise<void> {
  const g = globalThis as typeof globalThis & { scheduler?: Scheduler };
  const scheduler = g.scheduler;
  if (scheduler && typeof scheduler.yield === 'function') {
    // yield() continuations run before the page's own timers: every FAIR_MS give those a turn too.
    let fair = performance.now();
    return () => {
      if (performance.now() - fair < FAIR_MS) return scheduler.yield!();
      fair = performance.now();
      return new Promise((resolve) => setTimeout(resolve, 0));
    };
  }
  if (typeof g.requestIdleCallback === 'function') {
    return () => new Promise((resolve) => g.requestIdleCallback(() => resolve(), { timeout: 100 }));
  }
  if (typeof g.MessageChannel === 'function') {
    return () =>
      new Promise((resolve) => {
        const channel = new g.MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve();
        };
        channel.port2.postMessage(null);
      });
  }
  return () => new Promise((resolve) => setTimeout(resolve, 0));
}

export function createSlicer(options: SlicerOptions = {}): Slicer {
  const budget = options.budgetMs ?? 8;
  const now = options.now ?? (() => performance.now());
  const yieldTo = options.yieldTo ?? defaultYield();
  let generation = 0;
  let sliceStart = now();
  let yields = 0;

  async function loop(step: () => boolean): Promise<boolean> {
    const gen = generation;
    for (;;) {
      // Checked before each step too: a loop may start late in a slice that another loop used.
      if (now() - sliceStart >= budget) {
        await yieldTo();
        yields++;
        sliceStart = now();
      }
      if (gen !== generation) return false;
      if (step()) return true;
    }
  }

  return {
    loop,
    each(items, fn) {
      let i = 0;
      return loop(() => {
        if (i >= items.length) return true;
        fn(items[i]!, i);
        i++;
        return i >= items.length;
      });
    },
    cancel() {
      generation++;
    },
    get yields() {
      return yields;
    },
  };
}
