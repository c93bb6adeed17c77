/**
 * The settings as a typed, versioned WXT storage item in `local:` (this browser only; never synced,
 * never sent anywhere). Every read is sanitized, so corrupt storage can't break a page or the popup.
 */
import { storage } from 'wxt/utils/storage';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, sanitizeSettings } from './schema';
import type { Settings, SiteMode } from './schema';
import { SETTINGS_VERSION, settingsMigrations } from './migrations';
import { withSiteMode, withoutSiteMode } from './sites';

export const SETTINGS_KEY = 'local:settings' as const;

/** Define the item (runs pending migrations). Exported for tests; use the functions below. */
export function defineSettingsItem(): WxtStorageItem<unknown, Record<string, never>> {
  return storage.defineItem<unknown, Record<string, never>>(SETTINGS_KEY, {
    fallback: DEFAULT_SETTINGS,
    version: SETTINGS_VERSION,
    migrations: settingsMigrations,
  });
}

let item: ReturnType<typeof defineSettingsItem> | undefined;
function settingsItem() {
  item ??= defineSettingsItem();
  return item;
}

function repaired(raw: unknown, base?: Settings): Settings {
  const { settings, warnings } = sanitizeSettings(raw, base);
  for (const w of warnings) console.warn(`[NK Context] ${w}`);
  return settings;
}

export async function getSettings(): Promise<Settings> {
  return repaired(await settingsItem().getValue());
}

// Read-modify-write steps run one after another, so quick successive changes (a slider drag)
// can't overwrite each other within this page.
let queue: Promise<unknown> = Promise.resolve();
function modify(change: (current: Settings) => Settings): Promise<Settings> {
  const run = queue.then(async () => {
    const next = change(await getSettings());
    await settingsItem().setValue(next);
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Merge `patch` into the stored settings; an invalid field in it is ignored (with a warning). */
export function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  return modify((current) => repaired({ ...current, ...patch }, current));
}

/** Call `cb` with the new settings whenever they change (in any of the extension's pages). */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  return settingsItem().watch((value) => cb(repaired(value)));
}

/** Set `hostname`'s mode; an override equal to what it would inherit anyway is removed instead. */
export function setSiteMode(hostname: string, mode: SiteMode): Promise<Settings> {
  return modify((current) => withSiteMode(current, hostname, mode));
}

/** Remove `hostname`'s own override (parent-domain overrides stay). */
export function clearSiteMode(hostname: string): Promise<Settings> {
  return modify((current) => withoutSiteMode(current, hostname));
}
