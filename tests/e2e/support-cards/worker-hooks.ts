/**
 * Keyboard commands and the context menu can't be pressed in headless Chromium: the background
 * worker exposes the same code paths as `globalThis.nkContext = { menuClick, runCommand }`
 * (entrypoints/background/index.ts), reachable only from the extension itself. Evaluated here in
 * the worker, they run exactly what `commands.onCommand` / `contextMenus.onClicked` run.
 */
import type { ExtensionHarness } from '../support/extension';

export type CommandName = 'toggle-site' | 'next-mark' | 'prev-mark';

const MISSING =
  'The background worker has no test hook `globalThis.nkContext` (menuClick, runCommand). ' +
  'Add to entrypoints/background/index.ts: Object.assign(globalThis, { nkContext: { menuClick, runCommand } }).';

export async function runCommand(h: ExtensionHarness, command: CommandName, tabId: number): Promise<void> {
  const worker = await h.serviceWorker();
  const ok = await worker.evaluate(
    async ({ command, tabId }) => {
      const hook = (globalThis as { nkContext?: { runCommand?(c: string, t?: number): Promise<void> } }).nkContext;
      if (typeof hook?.runCommand !== 'function') return false;
      await hook.runCommand(command, tabId);
      return true;
    },
    { command, tabId },
  );
  if (!ok) throw new Error(MISSING);
}

/** What choosing “Look up “<selection>” in NK Context” in the page's context menu does. */
export async function menuClick(h: ExtensionHarness, selectionText: string): Promise<void> {
  const worker = await h.serviceWorker();
  const ok = await worker.evaluate(async (text) => {
    const hook = (globalThis as { nkContext?: { menuClick?(t: string): Promise<void> } }).nkContext;
    if (typeof hook?.menuClick !== 'function') return false;
    await hook.menuClick(text);
    return true;
  }, selectionText);
  if (!ok) throw new Error(MISSING);
}

/** The extension's stored settings (chrome.storage.local `settings`), read in the worker. */
export async function storedSettings(h: ExtensionHarness): Promise<Record<string, unknown> | undefined> {
  const worker = await h.serviceWorker();
  return worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    return (await api.storage.local.get('settings')).settings as Record<string, unknown> | undefined;
  });
}

/** Test setup only: put the stored settings back to defaults (no site overrides). */
export async function resetSettings(h: ExtensionHarness): Promise<void> {
  const worker = await h.serviceWorker();
  await worker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { storage: { local: { remove(k: string): Promise<void> } } } }).chrome;
    await api.storage.local.remove('settings');
  });
}
