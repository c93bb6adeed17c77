/**
 * The popup's page view against real pages: it lists what the page holds, grouped, with the page
 * report's counts; "Show on page" brings a mention into view and flashes it; "Annotate anyway"
 * marks a page that is not about North Korea; site mode Off restores the page and Automatic
 * brings the marks back, without a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from '../../lib/messaging/protocol';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { ids } from './support/knowledge';
import { bodySnapshot } from './support/marks';
import { startServer, type TestServer } from './support/server';
import { entryOf, poll, settledReport } from './support/waits';
import { registerFixtures, type Fixtures } from './support-cards/fixtures';
import { waitForCard } from './support-cards/hover-card';
import { findMark, highlightRect, highlightTexts, inViewport } from './support-cards/page-marks';
import { resetSettings } from './support-cards/worker-hooks';

let h: ExtensionHarness;
let server: TestServer;
let urls: Fixtures;
let demo: Page;
let demoTab: number;
let report: PageReport;

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();
const KIND_TITLES = { actor: 'Actors', term: 'Terms', event: 'Events', place: 'Places' } as const;

beforeAll(async () => {
  server = await startServer();
  urls = registerFixtures(server);
  h = await launchExtension();
  demo = await h.openPage(server.url('/demo.html'));
  demoTab = await h.tabIdOf(demo);
  report = await settledReport(h, demoTab);
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

const statusOf = (popup: Page) => popup.locator('[data-testid="page-status"]');
const row = (popup: Page, id: string) => popup.locator(`[data-testid="page-entry"][data-entry-id="${id}"]`);

describe('the page view', () => {
  it('lists every entry of the page report, grouped by kind, with the report’s counts', async () => {
    expect(report.status).toBe('annotated');
    const popup = await h.openPopup(demoTab);
    await popup.locator('[data-testid="page-status"][data-status="annotated"]').waitFor();
    await row(popup, report.entries[0]!.id).waitFor();
    const shown = await popup.locator('[data-testid="page-entry"]').evaluateAll((rows) =>
      rows.map((r) => ({
        id: r.getAttribute('data-entry-id'),
        count: (r.querySelector('.nk-count')?.textContent ?? '').trim(),
        group: r.closest('section[aria-label]')?.getAttribute('aria-label') ?? null,
        label: (r.querySelector('.nk-entry-label')?.textContent ?? '').trim(),
      })),
    );
    expect(shown.map((s) => s.id).sort()).toEqual(report.entries.map((e) => e.id).sort());
    for (const e of report.entries) {
      const s = shown.find((x) => x.id === e.id)!;
      expect({ id: e.id, count: s.count, group: s.group, label: s.label }).toEqual({
        id: e.id,
        count: String(e.count),
        group: KIND_TITLES[e.kind],
        label: e.label,
      });
    }
    // Groups in a reader's order, each one's most mentioned entry first.
    const groups = [...new Set(shown.map((s) => s.group))];
    expect(groups).toEqual(Object.values(KIND_TITLES).filter((t) => groups.includes(t)));
    for (const g of groups) {
      const counts = shown.filter((s) => s.group === g).map((s) => Number(s.count));
      expect(counts, g ?? '').toEqual([...counts].sort((a, b) => b - a));
    }
    expect(squash(await statusOf(popup).textContent())).toContain(String(report.entries.length));
    await popup.close();
  });

  it('"Show on page" scrolls the page to a mention far below the fold and flashes it', async () => {
    await demo.evaluate(() => window.scrollTo(0, 0));
    const viewportHeight = await demo.evaluate(() => innerHeight);
    // An entry mentioned once, far down the article: the only place "Show on page" can go.
    let target: { id: string; text: string } | undefined;
    for (const e of report.entries.filter((x) => x.count === 1)) {
      const mark = await findMark(demo, { text: squash(e.mentions[0] ?? ''), scroll: false });
      if (mark && mark.rect.top > viewportHeight * 2) {
        target = { id: e.id, text: mark.text };
        break;
      }
    }
    expect(target, 'an entry mentioned once, two screens down').toBeDefined();
    const popup = await h.openPopup(demoTab);
    await row(popup, target!.id).getByRole('button', { name: 'Show on page' }).click();
    // The popup sits over the page in real use: the page stays visible.
    await demo.bringToFront();
    const flashed = await poll(() => highlightRect(demo, 'nk-mark-flash'), (r) => r !== null, {
      what: 'the mention to flash',
      intervalMs: 20,
    });
    expect(flashed!.text).toBe(target!.text);
    const focus = await poll(
      async () => ({ scrollY: await demo.evaluate(() => scrollY), rect: await highlightRect(demo, 'nk-mark-focus') }),
      (s) => s.scrollY > 0 && s.rect !== null && inViewport(s.rect, { width: 1280, height: viewportHeight }),
      { what: 'the page to scroll the focused mention into view' },
    );
    expect(focus.rect!.text).toBe(target!.text);
    // …and opens its card beside it.
    const card = await waitForCard(demo, target!.id);
    expect(inViewport(card.rect!, card.viewport)).toBe(true);
    await demo.keyboard.press('Escape');
    await popup.close();
  });
});

describe('on a page that is not about North Korea', () => {
  it('marks nothing, and "Annotate anyway" marks its one mention', async () => {
    const page = await h.openPage(urls.incidental);
    const tabId = await h.tabIdOf(page);
    const before = await settledReport(h, tabId);
    expect(before.status).toBe('not-relevant');
    expect(await highlightTexts(page)).toEqual([]);

    const popup = await h.openPopup(tabId);
    await popup.locator('[data-testid="page-status"][data-status="not-relevant"]').waitFor();
    await popup.getByRole('button', { name: 'Annotate anyway' }).click();
    await popup.locator('[data-testid="page-status"][data-status="annotated"]').waitFor();
    await row(popup, ids.northKorea()).waitFor();

    const after = await settledReport(h, tabId, { accept: (r) => r.status === 'annotated' });
    expect(entryOf(after, ids.northKorea())?.count).toBe(1);
    expect(await highlightTexts(page)).toEqual(['North Korea']);
    await popup.close();
    await page.close();
  });
});

describe('site mode', () => {
  afterAll(async () => {
    await resetSettings(h);
  });

  it('Off restores the page (status disabled, DOM unchanged); Automatic brings the marks back without a reload', async () => {
    const marksBefore = await highlightTexts(demo);
    expect(marksBefore.length).toBeGreaterThan(0);
    const domBefore = await bodySnapshot(demo);
    // A token in the page's own world: a reload would lose it.
    await demo.evaluate(() => ((window as { nkNoReload?: string }).nkNoReload = 'still here'));

    const popup = await h.openPopup(demoTab);
    const siteMode = popup.getByRole('radiogroup', { name: 'On this site' });
    await siteMode.getByRole('radio', { name: 'Automatic', exact: true }).waitFor();
    expect(await siteMode.getByRole('radio', { name: 'Automatic', exact: true }).isChecked()).toBe(true);

    await siteMode.getByRole('radio', { name: 'Off', exact: true }).check();
    const off = await settledReport(h, demoTab, { accept: (r) => r.status === 'disabled' });
    expect(off.entries).toEqual([]);
    await poll(() => highlightTexts(demo), (t) => t.length === 0, { what: 'every mark to go' });
    expect(await bodySnapshot(demo)).toEqual(domBefore);
    await popup.locator('[data-testid="page-status"][data-status="disabled"]').waitFor();

    await siteMode.getByRole('radio', { name: 'Automatic', exact: true }).check();
    const back = await settledReport(h, demoTab, { accept: (r) => r.status === 'annotated' });
    expect(back.entries.map((e) => `${e.id}:${e.count}`)).toEqual(report.entries.map((e) => `${e.id}:${e.count}`));
    const marksAfter = await poll(() => highlightTexts(demo), (t) => t.length === marksBefore.length, { what: 'the marks to come back' });
    expect(marksAfter).toEqual(marksBefore);
    expect(await demo.evaluate(() => (window as { nkNoReload?: string }).nkNoReload)).toBe('still here');
    expect(await bodySnapshot(demo)).toEqual(domBefore);
    await popup.close();
  });

  it('caused no extension errors', () => {
    expect(h.extensionErrors()).toEqual([]);
  });
});
