/**
 * Prototype (size experiment): `wxt/browser` without webextension-polyfill, for the content script
 * only. Chrome's MV3 APIs return promises; what the polyfill adds that the content script uses is
 * a Promise returned from a runtime.onMessage listener, which Chrome ignores: the listener must
 * call sendResponse and return true instead (see the report).
 */
export const browser = (globalThis as unknown as { browser?: { runtime?: { id?: string } }; chrome: unknown }).browser?.runtime?.id
  ? (globalThis as unknown as { browser: typeof chrome }).browser
  : (globalThis as unknown as { chrome: typeof chrome }).chrome;
declare const chrome: any;
