/**
 * Where the marks are on screen, read from the page's main world (Chromium shares the document's
 * highlight registry between worlds; see tests/e2e/support/marks.ts), so a test can point the real
 * mouse at one.
 */
import type { Page } from 'playwright-core';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface MarkOnScreen {
  /** The marked text, whitespace squashed. */
  text: string;
  /** Centre of the mark's first line, in viewport coordinates. */
  x: number;
  y: number;
  rect: Box;
}

export interface FindMark {
  /** The mark's text (whitespace squashed); the first such mark unless `index` says otherwise. */
  text: string;
  index?: number;
  /** Scroll it to the middle of the viewport first (default true). */
  scroll?: boolean;
  /** Highlight name (default 'nk-mark'). */
  name?: string;
}

/** The on-screen position of a mark, or null when no mark has that text. */
export function findMark(page: Page, find: FindMark): Promise<MarkOnScreen | null> {
  return page.evaluate(
    ({ text, index, scroll, name }) => {
      const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
      const highlight = CSS.highlights.get(name);
      if (!highlight) return null;
      const ranges = [...highlight]
        .map((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live;
        })
        .filter((r) => squash(r.toString()) === text)
        .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[index];
      if (!range) return null;
      if (scroll) {
        const el = range.startContainer.parentElement;
        el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      }
      const r = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return {
        text: squash(range.toString()),
        x: r.left + r.width / 2,
        y: r.top + r.height / 2,
        rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      };
    },
    { text: find.text, index: find.index ?? 0, scroll: find.scroll ?? true, name: find.name ?? 'nk-mark' },
  );
}

/** Like findMark, but fails with what the page does mark when there is no such mark. */
export async function markAt(page: Page, find: FindMark): Promise<MarkOnScreen> {
  const mark = await findMark(page, find);
  if (mark) return mark;
  const texts = await page.evaluate(() => [...(CSS.highlights.get('nk-mark') ?? [])].map((r) => {
    const live = document.createRange();
    live.setStart(r.startContainer, r.startOffset);
    live.setEnd(r.endContainer, r.endOffset);
    return live.toString();
  }));
  throw new Error(`No mark "${find.text}" (#${find.index ?? 0}) on ${page.url()}; marks: ${[...new Set(texts)].slice(0, 40).join(' | ')}`);
}

/** Texts of every range under a highlight name, in document order. */
export function highlightTexts(page: Page, name = 'nk-mark'): Promise<string[]> {
  return page.evaluate((name) => {
    const ranges = [...(CSS.highlights.get(name) ?? [])].map((r) => {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      return live;
    });
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim());
  }, name);
}

/** The viewport rect of the first range under `name` (e.g. 'nk-mark-focus'), or null. */
export function highlightRect(page: Page, name: string): Promise<(Box & { text: string }) | null> {
  return page.evaluate((name) => {
    const first = [...(CSS.highlights.get(name) ?? [])][0];
    if (!first) return null;
    const live = document.createRange();
    live.setStart(first.startContainer, first.startOffset);
    live.setEnd(first.endContainer, first.endOffset);
    const r = live.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, text: live.toString().replace(/\s+/g, ' ').trim() };
  }, name);
}

/**
 * A point on the page with no mark and no card under it (the left margin of the demo article,
 * beside the middle of the viewport), for "the pointer went away".
 */
export function emptyPoint(page: Page): { x: number; y: number } {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  return { x: 8, y: Math.round(size.height / 2) };
}

export function inViewport(rect: Box, viewport: { width: number; height: number }): boolean {
  return rect.top >= 0 && rect.left >= 0 && rect.bottom <= viewport.height && rect.right <= viewport.width;
}

/** How the page paints its marks: the computed `::highlight(nk-mark)` style of the first mark's element. */
export function markPaint(page: Page): Promise<{ textDecorationLine: string; backgroundColor: string } | null> {
  return page.evaluate(() => {
    const first = [...(CSS.highlights.get('nk-mark') ?? [])][0];
    const el = first?.startContainer.parentElement;
    if (!el) return null;
    const style = getComputedStyle(el, '::highlight(nk-mark)');
    return { textDecorationLine: style.textDecorationLine, backgroundColor: style.backgroundColor };
  });
}
