/**
 * Chromium stops an idle MV3 service worker whenever it likes. Stopping it through the DevTools
 * protocol (ServiceWorker.stopAllWorkers) — after a page is reported, and in the middle of a
 * page's scan — loses nothing: the next page report and search get the right answer, per-tab
 * results and settings survive.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from '../../lib/messaging/protocol';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { ids } from './support/knowledge';
import { startServer, type TestServer } from './support/server';
import { poll, settledReport } from './support/waits';
import { highlightMarks } from './support-hardening/ui';

let h: ExtensionHarness;
let server: TestServer;
let cdp: CDPSession;
/** How often DevTools has reported our worker stopped (it may be woken again at once). */
let stops = 0;

beforeAll(async () => {
  server = await startServer();
  h = await launchExtension();
  // A DevTools session on an extension page: its storage partition holds the extension's worker.
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/manifest.json`);
  cdp = await h.context.newCDPSession(page);
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    const ours = e.versions.find((v) => v.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`));
    if (ours?.runningStatus === 'stopped') stops++;
  });
  await cdp.send('ServiceWorker.enable');
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

/**
 * Stop the worker and wait until DevTools reports it stopped (Playwright's Worker never says so).
 * A message (the popup's polling, a content script) may wake it again right away: that is the point.
 */
async function stopWorker(): Promise<void> {
  await h.send({ type: 'popup:search', query: 'wake' }); // running, so that there is something to stop
  const before = stops;
  await cdp.send('ServiceWorker.stopAllWorkers');
  await poll(async () => stops, (n) => n > before, { what: 'the service worker to stop' });
}

const stable = (r: PageReport) => JSON.stringify({ status: r.status, url: r.url, entries: r.entries });

describe('a stopped service worker', () => {
  let page: Page;
  let tabId: number;
  let before: PageReport;

  beforeAll(async () => {
    page = await h.openPage(server.url('/demo.html'));
    tabId = await h.tabIdOf(page);
    before = await settledReport(h, tabId, { accept: (r) => r.status === 'annotated' });
  });

  it('keeps per-tab results: the same page report after a restart', async () => {
    await stopWorker();
    const after = await h.pageReport(tabId);
    expect(stable(after)).toBe(stable(before));
    // The tab's page did not notice: its marks are all still there.
    expect((await highlightMarks(page)).length).toBe(before.entries.reduce((n, e) => n + e.count, 0));
  });

  it('answers a search right after a restart', async () => {
    await stopWorker();
    const hits = (await h.send({ type: 'popup:search', query: 'Kim Jong-un' })) as { id: string }[];
    expect(hits[0]?.id).toBe(ids.kimJongUn());
  });

  it('keeps settings: the site mode chosen in the popup is still chosen', async () => {
    const popup = await h.openPopup(tabId);
    const always = popup.getByRole('radiogroup', { name: 'On this site' }).getByRole('radio', { name: 'Always' });
    await always.check();
    await stopWorker();
    await popup.reload();
    await expect.poll(() => popup.getByRole('radio', { name: 'Always' }).isChecked()).toBe(true);
    // Back to the default for the tests that follow.
    await popup.getByRole('radio', { name: 'Automatic' }).check();
    await popup.close();
    const report = await settledReport(h, tabId, { accept: (r) => r.status === 'annotated' });
    expect(report.entries.map((e) => e.id)).toEqual(before.entries.map((e) => e.id));
  });

  it('loses nothing when stopped again and again while a page is being scanned', async () => {
    const next = await h.context.newPage();
    const loading = next.goto(server.url('/demo.html'), { waitUntil: 'load' });
    for (let i = 0; i < 3; i++) {
      await stopWorker();
      // Each message wakes the worker again; stop it while the content script is mid-scan.
      await h.send({ type: 'popup:search', query: 'CVID' });
    }
    await loading;
    const nextTab = await h.tabIdOf(next);
    const report = await settledReport(h, nextTab, { accept: (r) => r.entries.length === before.entries.length, timeoutMs: 30_000 });
    expect(stable({ ...report, url: before.url })).toBe(stable(before));
    expect((await highlightMarks(next)).length).toBe(before.entries.reduce((n, e) => n + e.count, 0));
    expect(h.extensionErrors()).toEqual([]);
    await next.close();
  });
});
