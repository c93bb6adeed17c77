/**
 * The newcomer's one command (`npm start` = install, build, then this): serves the demo article
 * on loopback and opens Chromium with the built extension on it, the popup in a second tab.
 * Without a display or a Chromium it says what to do by hand, and keeps serving until Ctrl-C.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { serveDemo, type DemoServer } from './serve';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXT_DIR = path.join(ROOT, '.output', 'chrome-mv3');
const CANDIDATES = [
  process.env.NK_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

interface ChromeApi {
  tabs: { query(q: { active: boolean; lastFocusedWindow: boolean }): Promise<{ id?: number }[]> };
}
declare const chrome: ChromeApi;

function findChromium(): string | undefined {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p));
}

/** Linux needs an X11 or Wayland display; macOS and Windows always have one. */
function hasDisplay(): boolean {
  return process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
}

function byHand(demo: DemoServer, why: string): void {
  console.log(`
${why}

Load the extension by hand:
  Chrome / Chromium: open chrome://extensions, switch on "Developer mode",
                     click "Load unpacked" and choose
                       ${EXT_DIR}
  Firefox:           npm run build:firefox, then open about:debugging#/runtime/this-firefox,
                     "Load Temporary Add-on…" and choose .output/firefox-mv2/manifest.json
Then open the demo article:
  ${demo.url}

Serving the demo article until you press Ctrl-C.`);
}

async function openChromium(executablePath: string, demo: DemoServer): Promise<() => Promise<void>> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'nk-context-start-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      // NK_START_HEADLESS=1 lets a smoke test run this path where no display exists.
      headless: process.env.NK_START_HEADLESS === '1',
      viewport: null,
      // Our own Ctrl-C handler closes the browser and removes the profile.
      handleSIGINT: false,
      ignoreDefaultArgs: ['--enable-automation'],
      args: [`--disable-extensions-except=${EXT_DIR}`, `--load-extension=${EXT_DIR}`, '--no-first-run', '--no-default-browser-check'],
    });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  let stopping = false;
  const cleanup = async () => {
    stopping = true;
    await context.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(demo.url);
    await page.bringToFront();
    // The popup needs the demo tab's id; without the "tabs" permission, ask which tab is active.
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`);
    await page.bringToFront();
    console.log(`
Chromium is open with NK Context (${extensionId}) on the demo article:
  ${demo.url}
The popup is in the second tab. Hover an underlined term for its card.
Close the browser or press Ctrl-C to stop.`);
  } catch (error) {
    await cleanup();
    throw error;
  }
  context.on('close', () => {
    if (stopping) return;
    console.log(`\nChromium closed. Still serving ${demo.url} — press Ctrl-C to stop.`);
    void rm(profile, { recursive: true, force: true });
  });
  return cleanup;
}

async function main(): Promise<void> {
  const demo = await serveDemo();
  let cleanup: () => Promise<void> = async () => undefined;
  // npm and tsx may pass Ctrl-C on as SIGTERM: clean up (browser, temporary profile) on either.
  let exiting = false;
  const stop = () => {
    if (exiting) return;
    exiting = true;
    void cleanup()
      .then(() => demo.close())
      .finally(() => process.exit(0));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);

  if (!existsSync(path.join(EXT_DIR, 'manifest.json'))) {
    byHand(demo, `The extension is not built yet (${EXT_DIR} has no manifest.json): run \`npm run build\`, then:`);
    return;
  }
  const executable = findChromium();
  if (!executable) {
    byHand(demo, 'No Chromium or Google Chrome found (looked for /usr/bin/chromium, chromium-browser, google-chrome; set NK_CHROMIUM to point at one).');
    return;
  }
  if (!hasDisplay() && process.env.NK_START_HEADLESS !== '1') {
    byHand(demo, 'No display here ($DISPLAY and $WAYLAND_DISPLAY are unset), so no browser window can open.');
    return;
  }
  try {
    cleanup = await openChromium(executable, demo);
  } catch (error) {
    byHand(demo, `Could not open ${executable} with the extension: ${String(error).split('\n')[0]}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
