/**
 * Nothing leaves the browser: while a reader uses the extension (demo page marked, a mark hovered,
 * the popup searched, the options page opened), every network request made by the page, the
 * content script, the extension's pages and its service worker goes either to the loopback test
 * server or to chrome-extension:// itself. Probes first prove the recorder sees each of those.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { EXT_DIR } from './support/paths';
import { startServer, type TestServer } from './support/server';
import { poll, settledReport } from './support/waits';
import { hoverCard, visibleMark } from './support-hardening/ui';

let h: ExtensionHarness;
let server: TestServer;
const requests: { url: string; from: string }[] = [];

function origin(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return `worker ${worker.url()}`;
  try {
    return `page ${request.frame().url()}`;
  } catch {
    return 'unknown';
  }
}

beforeAll(async () => {
  server = await startServer();
  h = await launchExtension();
  h.context.on('request', (r) => requests.push({ url: r.url(), from: origin(r) }));
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

/** The page's own server, the extension's files (the hover UI under its per-session dynamic URL too), inline data. */
const allowed = (url: string) =>
  url.startsWith(`${server.origin}/`) ||
  url.startsWith(`chrome-extension://${h.extensionId}/`) ||
  /^chrome-extension:\/\/[0-9a-f-]{36}\/hover-ui\.js$/.test(url) ||
  url.startsWith('data:') ||
  url.startsWith('blob:');

describe('network use', () => {
  it('the recorder sees requests from a page, an extension page and the service worker', async () => {
    const page = await h.openPage(server.url('/split-mentions.html'));
    await page.evaluate((u) => fetch(u).then(() => undefined), server.url('/probe-page'));
    await h.send({ type: 'no-such-message' }); // opens the quiet extension page
    const ext = h.context.pages().find((p) => p.url().startsWith(`chrome-extension://${h.extensionId}/`));
    await ext!.evaluate((u) => fetch(u).then(() => undefined, () => undefined), server.url('/probe-extension-page'));
    const worker = await h.serviceWorker();
    await worker.evaluate((u) => fetch(u).then(() => undefined, () => undefined), server.url('/probe-worker'));
    const seen = () => requests.map((r) => new URL(r.url).pathname);
    await poll(async () => seen(), (s) => ['/probe-page', '/probe-extension-page', '/probe-worker'].every((p) => s.includes(p)), {
      what: 'the three probe requests to be recorded',
    });
    expect(requests.find((r) => r.url.endsWith('/probe-worker'))?.from).toMatch(/^worker chrome-extension:/);
    await page.close();
  });

  it('makes no request outside the browser while marking, hovering, searching and opening options', async () => {
    requests.length = 0;
    const page = await h.openPage(server.url('/demo.html'));
    const tabId = await h.tabIdOf(page);
    const report = await settledReport(h, tabId, { accept: (r) => r.status === 'annotated' });
    expect(report.entries.length).toBeGreaterThan(5);

    const mark = await visibleMark(page);
    expect(mark, 'a mark in view').toBeDefined();
    await page.mouse.move(mark!.x, mark!.y, { steps: 4 });
    await poll(() => hoverCard(page), (c) => c.open, { what: 'the hover card' });

    const popup = await h.openPopup(tabId);
    const box = popup.getByRole('combobox', { name: 'Look up a term or name' });
    await box.fill('denuclearization');
    await popup.getByRole('option').first().waitFor();
    await box.fill('Gaddafi');
    await popup.getByRole('option').first().waitFor();
    await popup.getByRole('listbox').getByRole('option').first().click();
    await popup.locator('.nk-card').first().waitFor();

    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.waitForLoadState('load');

    const outside = requests.filter((r) => !allowed(r.url));
    expect(outside).toEqual([]);
    // It did see traffic: the page itself and the extension's own files.
    expect(requests.some((r) => r.url.startsWith(`chrome-extension://${h.extensionId}/`))).toBe(true);
    expect(h.extensionErrors()).toEqual([]);
    await Promise.all([page.close(), popup.close(), options.close()]);
  });
});

/**
 * The built files: no code from strings and no network API besides fetch (which Vite's
 * modulepreload helper uses for the extension's own chunks; the recorder above covers fetch).
 */
describe('the built extension', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith('.js') ? [path.join(dir, d.name)] : []));

  it('contains no eval, no new Function, no document.write, no socket, beacon or XHR', () => {
    const bundles = files(EXT_DIR);
    expect(bundles.length).toBeGreaterThan(2);
    const hits: string[] = [];
    for (const file of bundles) {
      const code = readFileSync(file, 'utf8');
      const name = path.relative(EXT_DIR, file);
      if (/\beval\s*\(/.test(code)) hits.push(`${name}: eval(`);
      if (/\bnew Function\s*\(/.test(code)) hits.push(`${name}: new Function`);
      if (/\bdocument\.write(ln)?\s*\(/.test(code)) hits.push(`${name}: document.write`);
      if (/\binsertAdjacentHTML\b/.test(code)) hits.push(`${name}: insertAdjacentHTML`);
      if (/\b(WebSocket|EventSource|sendBeacon|XMLHttpRequest)\b/.test(code)) hits.push(`${name}: network API`);
    }
    expect(hits).toEqual([]);
  });
});
