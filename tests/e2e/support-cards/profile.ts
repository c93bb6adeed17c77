/**
 * The extension in Chromium with a profile folder that outlives the browser, so a test can quit
 * and relaunch it ("settings persist across a restart"). Same flags and the same ExtensionHarness
 * shape as tests/e2e/support/extension.ts, whose launcher always uses a fresh temporary profile.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import type { PageReport } from '../../../lib/messaging/protocol';
import type { ExtensionHarness } from '../support/extension';
import { CHROMIUM, EXT_DIR } from '../support/paths';

const ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

interface ChromeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: { query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]> };
}
declare const chrome: ChromeApi;

export interface ProfileHarness extends ExtensionHarness {
  profileDir: string;
  /** The options page, as a tab. */
  openOptions(): Promise<Page>;
  /** Quit the browser but keep the profile folder (close() quits and deletes it). */
  quit(): Promise<void>;
}

export function newProfileDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'nk-e2e-kept-profile-'));
}

export async function launchWithProfile(profileDir: string): Promise<ProfileHarness> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: 'light',
    viewport: { width: 1280, height: 800 },
    args: [`--disable-extensions-except=${EXT_DIR}`, `--load-extension=${EXT_DIR}`, ...ARGS],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(first.url()).host;
  const prefix = `chrome-extension://${extensionId}/`;
  const errors: string[] = [];
  context.on('page', (page) => {
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && m.location().url.startsWith(prefix)) errors.push(`console: ${m.text()}`);
    });
  });

  let messenger: Page | undefined;
  const messagePage = async () => {
    if (!messenger || messenger.isClosed()) {
      messenger = await context.newPage();
      await messenger.goto(`${prefix}manifest.json`);
    }
    return messenger;
  };
  const tabIds = new WeakMap<Page, number>();

  const harness: ProfileHarness = {
    context,
    extensionId,
    profileDir,
    async serviceWorker() {
      const live = context.serviceWorkers().find((w) => w.url().startsWith(prefix));
      return live ?? (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix) }));
    },
    async openPage(url) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async openPopup(tabId) {
      const page = await context.newPage();
      await page.setViewportSize({ width: 400, height: 600 });
      await page.goto(`${prefix}popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
      return page;
    },
    async openOptions() {
      const page = await context.newPage();
      await page.goto(`${prefix}options.html`);
      return page;
    },
    async send(message) {
      return (await messagePage()).evaluate((m) => chrome.runtime.sendMessage(m), message);
    },
    async pageReport(tabId) {
      const reply = (await harness.send({ type: 'page-report', tabId })) as PageReport | { nkError: true; error: string } | null;
      if (!reply || 'nkError' in reply) throw new Error(`page-report for tab ${tabId}: ${JSON.stringify(reply)}`);
      return reply;
    },
    async tabIdOf(page) {
      const known = tabIds.get(page);
      if (known !== undefined) return known;
      const m = await messagePage();
      await page.bringToFront();
      const id = (await m.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true })))[0]?.id;
      if (id === undefined) throw new Error(`no active tab for ${page.url()}`);
      tabIds.set(page, id);
      return id;
    },
    extensionErrors() {
      return [...errors];
    },
    async quit() {
      await context.close().catch(() => undefined);
    },
    async close() {
      await context.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true });
    },
  };
  return harness;
}
