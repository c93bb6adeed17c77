/**
 * Prototype (size experiment): what the content script needs of the settings, read straight from
 * chrome.storage.local (the key WXT's storage item uses), without @wxt-dev/storage. Migrations
 * stay with the background and the popup, which run them; every read is still sanitized.
 */
import { sanitizeSettings, type Settings, type SiteMode } from '../../../lib/settings/schema';
import { siteModeFor, withSiteMode } from '../../../lib/settings/sites';

export type { Settings };
export { siteModeFor };

declare const chrome: {
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
    onChanged: {
      addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
      removeListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    };
  };
};

const KEY = 'settings';

export async function getSettings(): Promise<Settings> {
  return sanitizeSettings((await chrome.storage.local.get(KEY))[KEY]).settings;
}

export function watchSettings(cb: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) cb(sanitizeSettings(changes[KEY]!.newValue).settings);
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}

export async function setSiteMode(hostname: string, mode: SiteMode): Promise<Settings> {
  const next = withSiteMode(await getSettings(), hostname, mode);
  await chrome.storage.local.set({ [KEY]: next });
  return next;
}
