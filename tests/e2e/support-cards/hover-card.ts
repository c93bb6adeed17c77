/**
 * The on-page hover card as a reader (and the DOM contract) sees it: `<nk-context-ui data-nk-ui>`
 * on the root element with an open shadow root holding `[role=dialog]` and the `.nk-card`.
 * Read from the page's main world, which can see into an open shadow root.
 */
import type { Page } from 'playwright-core';
import { emptyPoint, markAt, type Box, type MarkOnScreen } from './page-marks';
import { poll } from '../support/waits';

export interface CardView {
  /** How many `nk-context-ui` hosts the page holds. */
  hosts: number;
  hostParent: string | null;
  hasUiAttr: boolean;
  shadowMode: 'open' | 'none';
  /** The dialog is shown (not hidden, has a size). */
  open: boolean;
  dialogLabel: string | null;
  entryId: string | null;
  heading: string;
  headingTag: string;
  labelledBy: boolean;
  kind: string;
  definition: string;
  quote: string;
  source: string;
  background: string;
  pageSentence: string;
  /** The text inside `<mark>` in the page sentence. */
  pageSentenceMark: string;
  related: { id: string | null; label: string }[];
  rect: Box | null;
  viewport: { width: number; height: number };
  /** Computed background colour of the dialog. */
  backgroundColor: string;
  /** Focus is inside the card (the host is the document's active element). */
  focusInside: boolean;
}

export function readCard(page: Page): Promise<CardView> {
  return page.evaluate(() => {
    const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
    const hosts = document.querySelectorAll('nk-context-ui');
    const host = hosts[0] as HTMLElement | undefined;
    const shadow = host?.shadowRoot ?? null;
    const dialog = shadow?.querySelector<HTMLElement>('[role="dialog"]') ?? null;
    const article = dialog?.querySelector('article.nk-card') ?? null;
    const text = (sel: string) => squash(article?.querySelector(sel)?.textContent);
    const heading = article?.querySelector('h1, h2, h3, h4, h5, h6') ?? null;
    const r = dialog && !dialog.hidden ? dialog.getBoundingClientRect() : null;
    const open = !!r && r.width > 0 && r.height > 0;
    return {
      hosts: hosts.length,
      hostParent: host?.parentElement?.tagName.toLowerCase() ?? null,
      hasUiAttr: !!host?.hasAttribute('data-nk-ui'),
      shadowMode: shadow ? 'open' : 'none',
      open,
      dialogLabel: dialog?.getAttribute('aria-label') ?? null,
      entryId: article?.getAttribute('data-entry-id') ?? null,
      heading: squash(heading?.textContent),
      headingTag: heading?.tagName.toLowerCase() ?? '',
      labelledBy: !!article && !!heading && article.getAttribute('aria-labelledby') === heading.id,
      kind: text('.nk-card-kind'),
      definition: text('.nk-card-definition'),
      quote: text('blockquote.nk-card-quote'),
      source: text('.nk-card-source'),
      background: text('.nk-card-background'),
      pageSentence: text('.nk-card-page-sentence'),
      pageSentenceMark: text('.nk-card-page-sentence mark'),
      related: [...(article?.querySelectorAll('.nk-card-related button') ?? [])].map((b) => ({
        id: b.getAttribute('data-entry-id'),
        label: squash(b.firstChild?.textContent ?? b.textContent),
      })),
      rect: open && r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null,
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
      backgroundColor: dialog ? getComputedStyle(dialog).backgroundColor : '',
      focusInside: !!host && document.activeElement === host,
    } satisfies Record<string, unknown>;
  }) as Promise<CardView>;
}

export function waitForCard(page: Page, entryId?: string, what?: string): Promise<CardView> {
  return poll(() => readCard(page), (c) => c.open && (entryId === undefined || c.entryId === entryId), {
    what: what ?? `the hover card${entryId ? ` of ${entryId}` : ''} to open`,
    intervalMs: 25,
    timeoutMs: 10_000,
  });
}

export function waitForNoCard(page: Page, what = 'the hover card to close'): Promise<CardView> {
  return poll(() => readCard(page), (c) => !c.open, { what, intervalMs: 25, timeoutMs: 10_000 });
}

/**
 * Lets the page's own timers run for `ms`: any hide timer the extension set before this call, with
 * a shorter delay, has fired by the time it returns (timers of one event loop fire in order). So
 * "the card is still open afterwards" is an ordering fact, not a race against the test's clock.
 */
export function letPageTimersRun(page: Page, ms: number): Promise<void> {
  return page.evaluate((ms) => new Promise<void>((done) => setTimeout(done, ms)), ms);
}

/** A point inside the card's dialog (its middle, or `dy` px below its top). */
export function cardPoint(card: CardView, dy?: number): { x: number; y: number } {
  if (!card.rect) throw new Error('the card is not open');
  const { left, right, top, bottom } = card.rect;
  return { x: Math.round((left + right) / 2), y: Math.round(dy === undefined ? (top + bottom) / 2 : top + dy) };
}

/** WCAG relative luminance of a CSS rgb()/rgba() colour; NaN when unparseable. */
export function luminance(css: string): number {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/.exec(css);
  if (!m) return Number.NaN;
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => lin(Number(x))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Rest the real pointer on the mark with `text` (after closing any open card with the pointer
 * away and Escape); resolves when the card of `entryId` is open, with the time it took.
 */
export async function hoverMark(page: Page, text: string, entryId: string): Promise<{ mark: MarkOnScreen; card: CardView; elapsed: number }> {
  await page.bringToFront();
  const away = emptyPoint(page);
  await page.mouse.move(away.x, away.y);
  await page.keyboard.press('Escape');
  await waitForNoCard(page);
  const mark = await markAt(page, { text });
  const started = Date.now();
  await page.mouse.move(mark.x, mark.y);
  const card = await waitForCard(page, entryId);
  return { mark, card, elapsed: Date.now() - started };
}
