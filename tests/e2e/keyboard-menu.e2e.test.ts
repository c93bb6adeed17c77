/**
 * Keyboard commands and the context menu, through the same code paths the browser's shortcuts and
 * menu run (headless Chromium can press neither; see support-cards/worker-hooks.ts), and the
 * toolbar popup they open (support-cards/toolbar-popup.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from '../../lib/messaging/protocol';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { ids, knowledgeEntries, labelOf } from './support/knowledge';
import { bodySnapshot } from './support/marks';
import { startServer, type TestServer } from './support/server';
import { entryOf, poll, settledReport } from './support/waits';
import { registerFixtures, type Fixtures } from './support-cards/fixtures';
import { hoverMark, readCard, waitForCard } from './support-cards/hover-card';
import { highlightRect, highlightTexts } from './support-cards/page-marks';
import { attachToolbarPopup } from './support-cards/toolbar-popup';
import { menuClick, resetSettings, runCommand } from './support-cards/worker-hooks';

let h: ExtensionHarness;
let server: TestServer;
let urls: Fixtures;
let page: Page;
let tabId: number;
let report: PageReport;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  server = await startServer();
  urls = registerFixtures(server);
  h = await launchExtension();
  page = await h.openPage(urls.focus);
  tabId = await h.tabIdOf(page);
  report = await settledReport(h, tabId);
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

/** The entry a marked text belongs to, by the page report's mentions. */
function entryOfText(text: string): string {
  const found = report.entries.find((e) => e.mentions.some((m) => squash(m) === text));
  if (!found) throw new Error(`no entry has the mention "${text}"`);
  return found.id;
}

/** The focused mark's text once it is `expected` (nk-mark-focus). */
const focusedMark = (expected: string) =>
  poll(() => highlightRect(page, 'nk-mark-focus'), (r) => r?.text === expected, { what: `the focus mark on "${expected}"` });

interface PopupState {
  card: string | null;
  heading: string;
  query: string;
}
const POPUP_STATE = `(() => ({
  card: document.querySelector('article.nk-card')?.getAttribute('data-entry-id') ?? null,
  heading: (document.querySelector('article.nk-card h2')?.textContent ?? '').trim(),
  query: document.querySelector('[role="combobox"]')?.value ?? '',
}))()`;

describe('keyboard commands', () => {
  it('next-mark and prev-mark move the focus mark through the page and open each card with focus in it', async () => {
    expect(report.status).toBe('annotated');
    const marks = await highlightTexts(page);
    expect(marks.length).toBeGreaterThanOrEqual(3);
    await page.bringToFront();
    await page.focus('#before');

    await runCommand(h, 'next-mark', tabId);
    await focusedMark(marks[0]!);
    let card = await waitForCard(page, entryOfText(marks[0]!));
    expect(card.focusInside, 'focus moved into the card').toBe(true);

    await runCommand(h, 'next-mark', tabId);
    await focusedMark(marks[1]!);
    card = await waitForCard(page, entryOfText(marks[1]!));
    expect(card.focusInside).toBe(true);

    await runCommand(h, 'prev-mark', tabId);
    await focusedMark(marks[0]!);
    await waitForCard(page, entryOfText(marks[0]!));
  });

  it('Escape closes the card at once and returns focus to where it was', async () => {
    expect((await readCard(page)).open).toBe(true);
    await page.keyboard.press('Escape');
    expect((await readCard(page)).open).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('before');
  });

  it('prev-mark from the first mark wraps round to the last', async () => {
    const marks = await highlightTexts(page);
    await runCommand(h, 'prev-mark', tabId);
    await focusedMark(marks[marks.length - 1]!);
    await waitForCard(page, entryOfText(marks[marks.length - 1]!));
    await page.keyboard.press('Escape');
  });

  it('toggle-site turns the site off (page restored) and on again, without a reload', async () => {
    const marks = await highlightTexts(page);
    const dom = await bodySnapshot(page);
    await runCommand(h, 'toggle-site', tabId);
    await settledReport(h, tabId, { accept: (r) => r.status === 'disabled' });
    await poll(() => highlightTexts(page), (t) => t.length === 0, { what: 'the marks to go' });
    expect(await bodySnapshot(page)).toEqual(dom);

    await runCommand(h, 'toggle-site', tabId);
    await settledReport(h, tabId, { accept: (r) => r.status === 'annotated' });
    expect(await poll(() => highlightTexts(page), (t) => t.length === marks.length, { what: 'the marks to return' })).toEqual(marks);
    await resetSettings(h);
  });
});

describe('the context menu and "Open in popup"', () => {
  it('looking up a selected misspelling opens the toolbar popup on the right card', async () => {
    await page.bringToFront();
    await menuClick(h, '  Gadaffi\n');
    const popup = await attachToolbarPopup(page, h.extensionId);
    try {
      const state = await poll(() => popup.evaluate<PopupState>(POPUP_STATE), (s) => s.card !== null, { what: 'a card in the popup' });
      expect(state).toEqual({ card: ids.qaddafi(), heading: labelOf(ids.qaddafi()), query: 'Gadaffi' });
    } finally {
      await popup.close();
    }
  });

  it('the hover card’s "Open in popup" opens the same entry in the toolbar popup', async () => {
    const id = ids.cvid();
    await hoverMark(page, squash(entryOf(report, id)!.mentions[0]!), id);
    await page.locator('nk-context-ui [role="dialog"]').getByRole('button', { name: 'Open in popup' }).click();
    const popup = await attachToolbarPopup(page, h.extensionId);
    try {
      const state = await poll(() => popup.evaluate<PopupState>(POPUP_STATE), (s) => s.card !== null, { what: 'a card in the popup' });
      expect(state.card).toBe(id);
      expect(state.heading).toBe(labelOf(id));
    } finally {
      await popup.close();
      await page.keyboard.press('Escape');
    }
  });

  it('a related entry that is not on the page opens in the toolbar popup', async () => {
    const id = ids.cvid();
    const { card } = await hoverMark(page, squash(entryOf(report, id)!.mentions[0]!), id);
    const elsewhere = card.related.find((r) => r.id !== null && !entryOf(report, r.id));
    expect(elsewhere, `a related entry of ${id} that the page does not mention`).toBeDefined();
    expect(knowledgeEntries().some((e) => e.id === elsewhere!.id)).toBe(true);
    await page.locator(`nk-context-ui .nk-card-related button[data-entry-id="${elsewhere!.id}"]`).click();
    const popup = await attachToolbarPopup(page, h.extensionId);
    try {
      const state = await poll(() => popup.evaluate<PopupState>(POPUP_STATE), (s) => s.card !== null, { what: 'a card in the popup' });
      expect(state.card).toBe(elsewhere!.id);
    } finally {
      await popup.close();
      await page.keyboard.press('Escape');
    }
  });

  it('caused no extension errors', () => {
    expect(h.extensionErrors()).toEqual([]);
  });
});
