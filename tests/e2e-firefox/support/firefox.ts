/**
 * Debian's Firefox ESR with the built extension, driven by puppeteer-core over WebDriver BiDi.
 *
 * BiDi refuses to navigate to moz-extension:// pages, so with `--remote-allow-system-access` we
 * evaluate in the browser window (chrome scope) to open extension pages as ordinary tabs; BiDi
 * then evaluates in them like in any tab. That gives the page report, the popup and the
 * extension's console errors, as in the Chromium harness.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { PageReport } from '../../../lib/messaging/protocol';
import { FIREFOX } from './build';

interface BidiConnection {
  send(method: string, params: unknown): Promise<{ result: Record<string, unknown> }>;
}
interface BidiValue {
  type: string;
  value?: unknown;
}
interface TreeContext {
  context: string;
  url: string;
}

export interface FirefoxHarness {
  browser: Browser;
  addonId: string;
  /** The moz-extension:// host of this install. */
  uuid: string;
  /** A new tab on `url` (made unique with `?nk-tab=N`, which the test server ignores). */
  openPage(url: string): Promise<Page>;
  tabIdOf(page: Page): Promise<number>;
  /** Evaluate an expression (may return a promise) in an extension page; JSON in, JSON out. */
  inExtensionPage<T>(path: string, expression: string): Promise<T>;
  send(message: unknown): Promise<unknown>;
  pageReport(tabId: number): Promise<PageReport>;
  /** Fire a manifest command as its keyboard shortcut would (BiDi keys never reach browser shortcuts). */
  command(name: string): Promise<void>;
  /** Errors and uncaught exceptions logged by the extension's scripts (content scripts included). */
  extensionErrors(): Promise<string[]>;
  close(): Promise<void>;
}

export async function launchFirefox(extensionDir: string): Promise<FirefoxHarness> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocol: 'webDriverBiDi',
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 800 },
    // Offline and quiet: no update checks, telemetry or remote settings during the run.
    extraPrefsFirefox: { 'network.proxy.type': 0, 'browser.safebrowsing.update.enabled': false },
  });
  try {
    const addonId = await browser.installExtension(extensionDir);
    const connection = (browser as unknown as { connection: BidiConnection }).connection;

    async function evaluate(context: string, expression: string): Promise<unknown> {
      const { result } = await connection.send('script.evaluate', {
        // JSON across the wire keeps values plain, whatever the page did to its globals.
        expression: `(async () => JSON.stringify(await (${expression})))()`,
        target: { context },
        awaitPromise: true,
      });
      if (result.type === 'exception') throw new Error(`evaluation failed: ${JSON.stringify(result.exceptionDetails).slice(0, 600)}`);
      const value = (result.result as BidiValue).value;
      return typeof value === 'string' ? JSON.parse(value) : undefined;
    }

    const tree = async (scope: 'chrome' | 'content') =>
      ((await connection.send('browsingContext.getTree', { 'moz:scope': scope, maxDepth: 0 })).result.contexts as TreeContext[]);
    const chromeContext = (await tree('chrome'))[0]?.context;
    if (!chromeContext) throw new Error('no browser window found in chrome scope');
    const inChrome = <T>(body: string): Promise<T> =>
      evaluate(
        chromeContext,
        `(async () => {
          const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
          const ext = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)});
          ${body}
        })()`,
      ) as Promise<T>;

    const uuid = await inChrome<string>('return ext.uuid;');
    const prefix = `moz-extension://${uuid}/`;
    const extensionPages = new Map<string, Promise<string>>();

    async function extensionContext(path: string): Promise<string> {
      let context = extensionPages.get(path);
      if (!context) {
        context = (async () => {
          const url = prefix + path;
          await inChrome(`gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() }); return null;`);
          for (let i = 0; i < 200; i++) {
            const found = (await tree('content')).find((c) => c.url === url);
            if (found) {
              // Wait until the extension API is there (the document may still be loading).
              const ready = await evaluate(found.context, `typeof browser !== 'undefined' && document.readyState === 'complete'`).catch(() => false);
              if (ready) return found.context;
            }
            await new Promise((done) => setTimeout(done, 50));
          }
          throw new Error(`extension page ${url} did not open`);
        })();
        extensionPages.set(path, context);
      }
      return context;
    }

    let tabSeq = 0;
    const harness: FirefoxHarness = {
      browser,
      addonId,
      uuid,
      async openPage(url) {
        const page = await browser.newPage();
        const unique = new URL(url);
        unique.searchParams.set('nk-tab', String(++tabSeq));
        await page.goto(unique.href, { waitUntil: 'load' });
        return page;
      },
      async tabIdOf(page) {
        const id = await inChrome<number | null>(`
          const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(page.url())});
          return tab ? ext.tabManager.getWrapper(tab).id : null;`);
        if (typeof id !== 'number') throw new Error(`no tab shows ${page.url()}`);
        return id;
      },
      async inExtensionPage<T>(path: string, expression: string) {
        return (await evaluate(await extensionContext(path), expression)) as T;
      },
      send(message) {
        return harness.inExtensionPage('popup.html?nk-messenger', `browser.runtime.sendMessage(${JSON.stringify(message)})`);
      },
      async pageReport(tabId) {
        const reply = await harness.send({ type: 'page-report', tabId });
        if (!reply || typeof reply !== 'object' || (reply as { nkError?: unknown }).nkError) {
          throw new Error(`page-report for tab ${tabId}: ${JSON.stringify(reply)}`);
        }
        return reply as PageReport;
      },
      async command(name) {
        await inChrome(`ext.shortcuts.onCommand(${JSON.stringify(name)}); return null;`);
      },
      extensionErrors() {
        return inChrome<string[]>(`
          return Services.console.getMessageArray()
            .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.warningFlag) && !(m.flags & Ci.nsIScriptError.infoFlag))
            .filter((m) => (m.sourceName || '').startsWith(${JSON.stringify(prefix)}) || /NK Context/.test(m.errorMessage))
            .map((m) => m.errorMessage + ' @ ' + m.sourceName + ':' + m.lineNumber);`);
      },
      async close() {
        await browser.close().catch(() => undefined);
      },
    };
    return harness;
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}
