/**
 * Hover cards in a real Chromium, driven by the real mouse and keyboard: a card opens after the
 * hover delay with the entry's own text and the page's sentence, stays while the pointer is in it,
 * pins on click, closes on mouse-out or at once on Escape, navigates to related entries, and
 * stays inside the viewport next to every edge.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from '../../lib/messaging/protocol';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';
import { HIDE_DELAY_MS } from '../../lib/ui/hover/intent';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { ids, knowledgeEntries, labelOf } from './support/knowledge';
import { startServer, type TestServer } from './support/server';
import { entryOf, settledReport } from './support/waits';
import { CORNER_TERMS, registerFixtures, type Corner, type Fixtures } from './support-cards/fixtures';
import { cardPoint, hoverMark, letPageTimersRun, readCard, waitForCard, waitForNoCard } from './support-cards/hover-card';
import { emptyPoint, inViewport, markAt } from './support-cards/page-marks';

let h: ExtensionHarness;
let server: TestServer;
let urls: Fixtures;
let demo: Page;
let report: PageReport;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const entry = (id: string) => knowledgeEntries().find((e) => e.id === id)!;
/** Measured, for the report: how long after the pointer moved the card opened / closed. */
const measured: Record<string, number> = {};

beforeAll(async () => {
  server = await startServer();
  urls = registerFixtures(server);
  h = await launchExtension();
  demo = await h.openPage(server.url('/demo.html'));
  report = await settledReport(h, await h.tabIdOf(demo));
});

afterAll(async () => {
  if (Object.keys(measured).length) console.info('[cards] measured ms:', JSON.stringify(measured));
  await h?.close();
  await server?.close();
});

/** The first text the page marks for an entry. */
function mentionOf(id: string): string {
  const text = entryOf(report, id)?.mentions[0];
  if (!text) throw new Error(`the demo page has no mention of ${id}; entries: ${report.entries.map((e) => e.id).join(', ')}`);
  return squash(text);
}

/** Rest the real pointer on the entry's first mark; resolves when its card is open. */
const hover = (page: Page, id: string, text = mentionOf(id)) => hoverMark(page, text, id);

describe('hovering a marked term', () => {
  it('opens the entry’s card after the hover delay, in the page’s UI host, with the entry’s own text', async () => {
    const id = ids.denuclearisation();
    const { card, elapsed } = await hover(demo, id);
    measured.open = elapsed;
    // A timer can't fire early: the card never shows before the hover delay.
    expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.hoverDelayMs);

    expect(card.hosts).toBe(1);
    expect(card.hostParent, 'the host hangs off <html>, never <body>').toBe('html');
    expect(card.hasUiAttr).toBe(true);
    expect(card.shadowMode).toBe('open');

    const e = entry(id);
    expect(card.dialogLabel).toBe(e.label);
    expect(card.heading).toBe(e.label);
    expect(card.labelledBy).toBe(true);
    expect(card.kind.toLowerCase()).toContain(e.kind);
    expect(card.definition).toBe(squash(e.definition));
    expect(e.quotes.map(squash)).toContain(card.quote);
    expect(card.source).toContain('Trump-Kim Summit II: Setting Realistic Expectations');
    expect(card.source).toContain('Litwak');
    expect(card.source).toContain('Wilson Center');
  });

  it('shows the sentence of the page where the term stands, with the term marked in it', async () => {
    const id = ids.cvid();
    const { mark, card } = await hover(demo, id);
    expect(card.pageSentenceMark).toBe(mark.text);
    expect(card.pageSentence.length).toBeGreaterThan(mark.text.length);
    const body = squash(await demo.locator('body').innerText());
    expect(body).toContain(card.pageSentence);
  });

  it('closes after the hide delay once the pointer leaves the term', async () => {
    await hover(demo, ids.cvid());
    const started = Date.now();
    await demo.mouse.move(emptyPoint(demo).x, emptyPoint(demo).y);
    await waitForNoCard(demo);
    measured.close = Date.now() - started;
    expect(measured.close).toBeGreaterThanOrEqual(HIDE_DELAY_MS);
  });

  it('stays open while the pointer is inside the card, and closes when it leaves the card', async () => {
    const id = ids.denuclearisation();
    const { card } = await hover(demo, id);
    const inside = cardPoint(card, 12);
    await demo.mouse.move(inside.x, inside.y);
    await letPageTimersRun(demo, HIDE_DELAY_MS * 3);
    const still = await readCard(demo);
    expect(still.open, 'the card closed under the pointer').toBe(true);
    expect(still.entryId).toBe(id);
    await demo.mouse.move(emptyPoint(demo).x, emptyPoint(demo).y);
    await waitForNoCard(demo, 'the card to close after the pointer left it');
  });

  it('pins on click: the pinned card outlives mouse-out, and Escape closes it at once', async () => {
    const id = ids.denuclearisation();
    const { card } = await hover(demo, id);
    const inside = cardPoint(card, 12);
    await demo.mouse.move(inside.x, inside.y);
    await demo.mouse.click(inside.x, inside.y);
    await demo.mouse.move(emptyPoint(demo).x, emptyPoint(demo).y);
    await letPageTimersRun(demo, HIDE_DELAY_MS * 3);
    expect((await readCard(demo)).open, 'a pinned card closed on mouse-out').toBe(true);
    await demo.keyboard.press('Escape');
    // No waiting: Escape hides synchronously in the keydown handler.
    expect((await readCard(demo)).open).toBe(false);
  });

  it('Escape closes an unpinned card at once too', async () => {
    await hover(demo, ids.cvid());
    await demo.keyboard.press('Escape');
    expect((await readCard(demo)).open).toBe(false);
  });

  it('a related entry’s button shows that entry’s card in place, and it stays for reading', async () => {
    const from = ids.denuclearisation();
    const { card } = await hover(demo, from);
    const onPage = card.related.filter((r) => r.id !== null && entryOf(report, r.id));
    expect(onPage.length, `related entries of ${from} on the page`).toBeGreaterThan(0);
    const target = onPage[0]!;
    expect(entry(from).related).toContain(target.id);
    await demo.locator(`nk-context-ui [role="dialog"] .nk-card-related button[data-entry-id="${target.id}"]`).click();
    const next = await waitForCard(demo, target.id!, `the card of the related entry ${target.id}`);
    expect(next.heading).toBe(labelOf(target.id!));
    expect(next.dialogLabel).toBe(labelOf(target.id!));
    expect(next.definition).toBe(squash(entry(target.id!).definition));
    expect(next.focusInside, 'focus moves into the card with the new entry').toBe(true);
    await demo.mouse.move(emptyPoint(demo).x, emptyPoint(demo).y);
    await letPageTimersRun(demo, HIDE_DELAY_MS * 3);
    expect((await readCard(demo)).entryId).toBe(target.id);
    await demo.keyboard.press('Escape');
    expect((await readCard(demo)).open).toBe(false);
  });
});

describe('cards near the viewport’s edges', () => {
  const corners: [Corner, () => string][] = [
    ['top-left', ids.kimJongUn],
    ['top-right', ids.cvid],
    ['bottom-left', ids.pyongyang],
    ['bottom-right', ids.denuclearisation],
  ];
  let page: Page;

  beforeAll(async () => {
    page = await h.openPage(urls.corners);
    await page.setViewportSize({ width: 560, height: 420 });
    await settledReport(h, await h.tabIdOf(page), { accept: (r) => corners.every(([, id]) => entryOf(r, id())) });
  });

  for (const [corner, id] of corners) {
    it(`a card for the term at the ${corner} corner stays fully inside the viewport, beside the term`, async () => {
      await page.mouse.move(emptyPoint(page).x, emptyPoint(page).y);
      await page.keyboard.press('Escape');
      const mark = await markAt(page, { text: CORNER_TERMS[corner], scroll: false });
      await page.mouse.move(mark.x, mark.y);
      const card = await waitForCard(page, id());
      expect(inViewport(card.rect!, card.viewport), `card ${JSON.stringify(card.rect)} in ${JSON.stringify(card.viewport)}`).toBe(true);
      const r = card.rect!;
      const covers = r.left < mark.rect.right && r.right > mark.rect.left && r.top < mark.rect.bottom && r.bottom > mark.rect.top;
      expect(covers, 'the card covers the term it explains').toBe(false);
    });
  }
});

describe('errors', () => {
  it('the pages and the worker logged no extension errors', () => {
    expect(h.extensionErrors()).toEqual([]);
  });
});
