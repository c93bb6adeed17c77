/**
 * Launches Debian's Chromium with the built extension loaded (headless, temporary profile) and
 * gives the tests what they need: the extension id, its service worker, pages and popups, tab
 * ids, page reports, and the errors the extension causes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { PageReport } from '../../../lib/messaging/protocol';
import { CHROMIUM, EXT_DIR } from './paths';

/** Saved pages reference ads, fonts and trackers: resolve nothing but loopback so runs are offline and quick. */
const OFFLINE = '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1';
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface LaunchOptions {
  extensionDir?: string;
  colorScheme?: 'light' | 'dark';
  /** A profile to use (and keep across `quit()`), e.g. to relaunch with the same settings; default a new temporary one. */
  userDataDir?: string;
}

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  /** The extension's current service worker (found again if Chromium restarted it). */
  serviceWorker(): Promise<Worker>;
  openPage(url: string): Promise<Page>;
  /** The popup as a tab: `popup.html?tabId=N` (or no tabId), sized like the toolbar popup. */
  openPopup(tabId?: number): Promise<Page>;
  /** Send any message to the background worker from an extension page; returns the raw reply. */
  send(message: unknown): Promise<unknown>;
  /** `{ type: 'page-report', tabId }` → the bare PageReport (throws on an error reply). */
  pageReport(tabId: number): Promise<PageReport>;
  tabIdOf(page: Page): Promise<number>;
  /** Errors attributable to the extension so far, on `page` only when given. */
  extensionErrors(page?: Page): string[];
  /** Quit the browser and keep the profile folder. */
  quit(): Promise<void>;
  /** Quit the browser and delete the profile folder. */
  close(): Promise<void>;
}

/** Minimal view of the `chrome` global inside extension pages (no @types/chrome in the project). */
interface ChromeApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  tabs: {
    query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}
declare const chrome: ChromeApi;

function mentionsExtension(text: string | undefined, id: string): boolean {
  return !!text && (text.includes('chrome-extension://') || text.includes(id) || /\bNK Context\b/.test(text));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const extDir = path.resolve(options.extensionDir ?? EXT_DIR);
  const userDataDir = options.userDataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'nk-e2e-profile-')));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 800 },
    args: [`--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...QUIET, OFFLINE],
  });
  try {
    const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(first.url()).host;
    const prefix = `chrome-extension://${extensionId}/`;

    const errors: { page?: Page; text: string }[] = [];
    const watch = (page: Page) => {
      page.on('pageerror', (e) => {
        if (mentionsExtension(`${e.message}\n${e.stack ?? ''}`, extensionId)) errors.push({ page, text: `pageerror: ${e.message}` });
      });
      page.on('console', (m) => {
        if (m.type() !== 'error') return;
        if (m.location().url.startsWith(prefix) || mentionsExtension(m.text(), extensionId)) errors.push({ page, text: `console: ${m.text()}` });
      });
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    const watchWorker = (w: Worker) => {
      if (w.url().startsWith(prefix)) w.on('console', (m) => m.type() === 'error' && errors.push({ text: `worker: ${m.text()}` }));
    };
    context.serviceWorkers().forEach(watchWorker);
    context.on('serviceworker', watchWorker);

    // manifest.json is an extension page that runs none of our code: a quiet place to send messages from.
    let messenger: Promise<Page> | undefined;
    const openMessenger = async () => {
      const page = await context.newPage();
      await page.goto(`${prefix}manifest.json`);
      return page;
    };
    const messagePage = async () => {
      if (!messenger || (await messenger).isClosed()) messenger = openMessenger();
      return messenger;
    };
    await messagePage();

    const tabIds = new WeakMap<Page, number>();
    let tabLock: Promise<unknown> = Promise.resolve();

    const harness: ExtensionHarness = {
      context,
      extensionId,
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
      async send(message) {
        const page = await messagePage();
        return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
      },
      async pageReport(tabId) {
        const reply = await harness.send({ type: 'page-report', tabId });
        if (reply === undefined || reply === null) throw new Error(`page-report for tab ${tabId}: no answer from the background worker`);
        if (typeof reply === 'object' && (reply as { nkError?: unknown }).nkError === true) {
          throw new Error(`page-report for tab ${tabId}: ${(reply as { error?: unknown }).error}`);
        }
        return reply as PageReport;
      },
      tabIdOf(page) {
        const known = tabIds.get(page);
        if (known !== undefined) return Promise.resolve(known);
        // Without the "tabs" permission tabs carry no URL: bring the page to front and ask for the
        // active tab, one page at a time so parallel callers cannot swap answers.
        const lookup = async () => {
          // Open the messenger first: opening it would make it the active tab.
          const messenger = await messagePage();
          // Another test's new tab can become active between bringToFront and the query: confirm
          // with the content script's own answer (its URL) and try again when it is another page.
          let id: number | undefined;
          let answered = false;
          const ask = async () => {
            for (let attempt = 0; attempt < 10; attempt++) {
              await page.bringToFront();
              const found = await messenger.evaluate(async () => {
                const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
                if (tab?.id === undefined) return null;
                const top = (await chrome.tabs.sendMessage(tab.id, { type: 'bg:ping' }, { frameId: 0 }).catch(() => null)) as { href?: string } | null;
                return { id: tab.id, href: top?.href ?? null };
              });
              if (found) id = found.id;
              answered ||= found?.href != null;
              if (found?.href === page.url()) return;
              // Another page, or no content script there (yet): ask again.
              await new Promise((done) => setTimeout(done, 100));
            }
          };
          await ask();
          // No content script answered at all: a page loaded in the first moments after the
          // browser started can miss the extension's injection. Load it once more and ask again;
          // after that the active tab is the best answer there is (pages where it doesn't run).
          if (!answered) {
            await page.reload({ waitUntil: 'load' }).catch(() => undefined);
            await ask();
          }
          if (id === undefined) throw new Error(`no active tab found for ${page.url()}`);
          tabIds.set(page, id);
          return id;
        };
        // A hung tab must not hold the lock for everyone else.
        const run = tabLock.then(() => withTimeout(lookup(), 10_000, `the tab id of ${page.url()}`));
        tabLock = run.catch(() => undefined);
        return run;
      },
      extensionErrors(page) {
        return errors.filter((e) => page === undefined || e.page === page).map((e) => e.text);
      },
      async quit() {
        // A hung tab can keep close() waiting: give up after a while.
        await withTimeout(context.close(), 15_000, 'closing Chromium').catch(() => undefined);
      },
      async close() {
        await harness.quit();
        await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
      },
    };
    return harness;
  } catch (error) {
    await context.close().catch(() => undefined);
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(
      `The extension in ${extDir} did not start (no service worker). Is it built? (npm run build)\n${String(error)}`,
    );
  }
}

/** A plain Chromium without the extension, for "what does the page look like untouched" baselines. */
export async function launchPlainBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...QUIET, OFFLINE] });
}
