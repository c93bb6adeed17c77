// @vitest-environment node
/**
 * The bench's pure parts: trace attribution, the huge page, statistics, the pending-fix patcher
 * and the bundle-size attribution. (The bench itself runs in Chromium: `npm run bench`.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hugePageHtml } from '../../scripts/bench/huge-page';
import { fmt, spread } from '../../scripts/bench/report';
import { groupShares, sourceShares } from '../../scripts/bench/sizes';
import { findPageThread, threadCost, type TraceEvent } from '../../scripts/bench/trace';

const PAGE = { pid: 10, tid: 10 };
const CS = 'chrome-extension://abc/content-scripts/content.js';

/** A trace with three top-level tasks: the script's injection, a page task, a resumed slice of the script. */
function trace(): TraceEvent[] {
  const task = (ts: number, dur: number): TraceEvent => ({ name: 'RunTask', ph: 'X', ...PAGE, ts, dur });
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)' } },
    { id: 2, parent: 1, callFrame: { functionName: 'pageFn', url: 'http://127.0.0.1/page.js' } },
    { id: 3, parent: 1, callFrame: { functionName: 'walk', url: CS, lineNumber: 5, columnNumber: 10 } },
    { id: 4, parent: 3, callFrame: { functionName: 'nextNode' } },
  ];
  // Samples every 100 µs from t=1000: 1000–1400 in the page task, 2000–2300 in the resumed slice.
  const at = [1000, 1100, 1200, 1300, 2000, 2100, 2200, 2300, 2400];
  const ids = [2, 2, 2, 2, 3, 4, 4, 3, 1];
  return [
    { name: 'ParseHTML', ph: 'X', ...PAGE, ts: 10, dur: 5, args: { beginData: { url: 'http://127.0.0.1/p.html' } } },
    task(100, 50),
    { name: 'EvaluateScript', ph: 'X', ...PAGE, ts: 110, dur: 30, args: { data: { url: CS } } },
    task(1000, 400),
    task(2000, 350),
    { name: 'RunTask', ph: 'X', ...PAGE, ts: 2010, dur: 100 }, // nested: not top level
    { name: 'Profile', ph: 'P', ...PAGE, ts: 0, id: '0x1', args: { data: { startTime: 0 } } },
    {
      name: 'ProfileChunk',
      ph: 'P',
      ...PAGE,
      ts: 0,
      id: '0x1',
      args: { data: { cpuProfile: { nodes, samples: ids }, timeDeltas: at.map((t, i) => t - (at[i - 1] ?? 0)) } },
    },
  ];
}

describe('trace attribution', () => {
  it('finds the thread that parsed the page', () => {
    expect(findPageThread(trace(), 'http://127.0.0.1/p.html')).toEqual(PAGE);
    expect(findPageThread(trace(), 'http://127.0.0.1/other.html')).toBeNull();
  });

  it("counts only the tasks where the script ran, by URL or by samples, and not the page's own", () => {
    const cost = threadCost(trace(), PAGE, (u) => u.includes('/content-scripts/'));
    expect(cost.tasks).toBe(2);
    expect(cost.taskMs).toBeCloseTo(0.4); // 50 µs + 350 µs
    expect(cost.longestTaskMs).toBeCloseTo(0.35);
    expect(cost.spanMs).toBeCloseTo(2.25); // 100 → 2350
    expect(cost.over50).toBe(0);
    // Samples at 2000, 2100, 2200, 2300 (100 µs each); the one at 2400 is outside the script.
    expect(cost.scriptMs).toBeCloseTo(0.4);
    // A native callee counts for the script function that called it.
    expect([...cost.selfByFrame]).toEqual([['5:10', 400]]);
    expect(cost.longestByFrame.get('5:10')).toBe(400);
  });

  it('reports nothing for a thread where the script never ran', () => {
    const cost = threadCost(trace(), PAGE, (u) => u.includes('/no-such-script/'));
    expect(cost.tasks).toBe(0);
    expect(cost.taskMs).toBe(0);
  });
});

describe('huge page', () => {
  it('is big enough and mixes the article into unrelated text with nested inline elements', { timeout: 30_000 }, () => {
    const page = hugePageHtml();
    expect(page.textChars).toBeGreaterThanOrEqual(2_000_000);
    expect(page.textNodes).toBeGreaterThanOrEqual(50_000);
    expect(page.articleParagraphs).toBeGreaterThan(100);
    expect(page.paragraphs).toBeGreaterThan(page.articleParagraphs * 3);
    expect(page.html).toMatch(/<(em|strong|b|i|span class="x"|mark)>(<[a-z]+[^>]*>)+[^<]+<\//); // nested inline
    expect(page.html).toContain('Kim Jong Un');
    expect(page.html.trimEnd()).toMatch(/<script>[^<]*<\/script><\/body><\/html>$/);
  });

  it('is the same page every time for a seed, and another for another seed', () => {
    const small = { textChars: 20_000 };
    expect(hugePageHtml(small).html).toBe(hugePageHtml(small).html);
    expect(hugePageHtml({ ...small, seed: 7 }).html).not.toBe(hugePageHtml(small).html);
  });
});

describe('statistics', () => {
  it('takes medians with min and max, ignoring missing values', () => {
    expect(spread([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, n: 3 });
    expect(spread([4, 1, 2, NaN, 3]).median).toBe(2.5);
    expect(fmt(spread([1.25, 3, 2]))).toBe('2.0 (1.3–3.0)');
    expect(fmt(spread([NaN]))).toBe('—');
  });
});
