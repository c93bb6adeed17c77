/**
 * Reading what the extension did to a page, from the page's main world.
 *
 * Verified in Chromium 156: a Highlight registered by the content script (isolated world) IS
 * visible in the main world's `CSS.highlights` — the registry belongs to the document — so
 * marks can be read directly as ranges.
 */
import type { Frame, Page } from 'playwright-core';

export const SKIPPED_SELECTOR = 'input, textarea, [contenteditable=""], [contenteditable="true"], code, pre, script, style, svg, nk-context-ui';

export interface Mark {
  /** The marked text as the page shows it (a range may span several elements). */
  text: string;
  /** Up to 24 characters of the text before and after the mark, in the same text nodes. */
  before: string;
  after: string;
  /** Entry id, for wrapper marks (`nk-mark[data-nk-entry]`). */
  entry?: string;
  /** Tag of the nearest region the extension must never mark, if the mark is inside one. */
  skippedRegion?: string;
}

export interface Marks {
  /** Highlight API ranges under this name (empty when none). */
  highlights: Mark[];
  /** Wrapper fallback elements. */
  wrappers: Mark[];
}

/** Marks registered under `name` ('nk-mark', 'nk-mark-focus', 'nk-mark-flash') plus wrapper marks. */
export function readMarks(target: Page | Frame, name = 'nk-mark'): Promise<Marks> {
  return target.evaluate(
    ({ name, skipped }) => {
      const describe = (range: AbstractRange, entry?: string) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        const startText = range.startContainer.nodeType === Node.TEXT_NODE ? (range.startContainer.textContent ?? '') : '';
        const endText = range.endContainer.nodeType === Node.TEXT_NODE ? (range.endContainer.textContent ?? '') : '';
        const anchor = live.commonAncestorContainer;
        const element = anchor instanceof Element ? anchor : anchor.parentElement;
        const region = element?.closest(skipped);
        return {
          text: live.toString(),
          before: startText.slice(Math.max(0, range.startOffset - 24), range.startOffset),
          after: endText.slice(range.endOffset, range.endOffset + 24),
          ...(entry ? { entry } : {}),
          ...(region ? { skippedRegion: region.tagName.toLowerCase() } : {}),
        };
      };
      const highlight = 'highlights' in CSS ? CSS.highlights.get(name) : undefined;
      const highlights = highlight ? [...highlight].map((r) => describe(r)) : [];
      const wrappers = [...document.querySelectorAll('nk-mark[data-nk-entry]')].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return describe(range, el.getAttribute('data-nk-entry') ?? undefined);
      });
      return { highlights, wrappers };
    },
    { name, skipped: SKIPPED_SELECTOR },
  );
}

export function allMarks(marks: Marks): Mark[] {
  return [...marks.highlights, ...marks.wrappers];
}

export interface BodySnapshot {
  text: string;
  html: string;
}

/** What a reader sees and what the DOM holds, to prove annotation changed neither. */
export function bodySnapshot(target: Page | Frame): Promise<BodySnapshot> {
  return target.evaluate(() => ({ text: document.body?.innerText ?? '', html: document.body?.innerHTML ?? '' }));
}

/** Same text, runs of whitespace aside. */
export function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}
