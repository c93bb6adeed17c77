import { describe, expect, it } from 'vitest';
import { createSlicer } from './slicer';

/** A clock that advances one "millisecond" per reading, so work is measured without real time. */
function fakeClock() {
  let t = 0;
  return () => t++;
}

describe('createSlicer', () => {
  it('does all the work in order and gives the main thread back between slices', async () => {
    let yielded = 0;
    const done: number[] = [];
    const slicer = createSlicer({ budgetMs: 8, now: fakeClock(), yieldTo: async () => void yielded++ });
    const items = Array.from({ length: 100 }, (_, i) => i);
    expect(await slicer.each(items, (i) => done.push(i))).toBe(true);
    expect(done).toEqual(items);
    // Each item costs about one clock tick: ~100 ticks in slices of 8 → many yields, never a long slice.
    expect(yielded).toBeGreaterThanOrEqual(10);
    expect(slicer.yields).toBe(yielded);
  });

  it('never runs a step after the slice budget without yielding first', async () => {
    let now = 0;
    const spans: number[] = [];
    let sliceStart = 0;
    const slicer = createSlicer({
      budgetMs: 8,
      now: () => now,
      yieldTo: async () => {
        spans.push(now - sliceStart);
        now += 100; // the page's own work
        sliceStart = now;
      },
    });
    let n = 0;
    await slicer.loop(() => {
      now += 3; // each step costs 3 ms
      return ++n === 20;
    });
    expect(n).toBe(20);
    expect(Math.max(...spans.slice(1))).toBeLessThanOrEqual(8 + 3);
  });

  it('stops at the next check when cancelled and stays usable', async () => {
    let release: () => void = () => undefined;
    const slicer = createSlicer({ budgetMs: 0, now: fakeClock(), yieldTo: () => new Promise<void>((r) => (release = r)) });
    const seen: number[] = [];
    const running = slicer.each([1, 2, 3, 4], (i) => seen.push(i));
    slicer.cancel();
    release();
    expect(await running).toBe(false);
    expect(seen.length).toBeLessThan(4);
    const after: number[] = [];
    const again = slicer.each([7], (i) => after.push(i));
    release();
    expect(await again).toBe(true);
    expect(after).toEqual([7]);
  });

  it('resolves true at once for no work', async () => {
    const slicer = createSlicer({ yieldTo: async () => undefined });
    expect(await slicer.each([], () => undefined)).toBe(true);
  });
});
