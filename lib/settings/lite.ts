/**
 * The settings for the content script, read straight from `storage.local` without WXT's storage
 * library (8 KiB of the content script's budget). Same item as `storage.ts` (key `settings`, its
 * version in `settings$`), same sanitizing and site-mode rules. Stored migrations are written by
 * the full code (the background reads the settings at start-up); a value that is still older is
 * migrated here in memory, so a page never acts on an unmigrated value.
 */
import { browser } from 'wxt/browser';
import { sanitizeSettings } from './schema';
import type { Settings, SiteMode } from './schema';
import { SETTINGS_VERSION, settingsMigrations } from './migrations';
import { withSiteMode } from './sites';

export type { Settings, SiteMode };
export { siteModeFor } from './sites';

/** `local:settings` as `storage.local` sees it; WXT keeps the item's version under `key + '$'`. */
const KEY = 'settings';
const META = 'settings$';

type Meta = { v?: unknown } & Record<string, unknown>;
const metaOf = (raw: unknown): Meta => (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Meta) : {});

/** The stored value brought to the current version, as WXT's item would (without writing it back). */
function migrated(value: unknown, meta: unknown): unknown {
  if (value === undefined || value === null) return value;
  const v = metaOf(meta).v;
  let version = typeof v === 'number' && Number.isInteger(v) ? v : 1;
  let out = value;
  // A newer build's value: WXT refuses to downgrade; sanitizing keeps what this build understands.
  for (; version < SETTINGS_VERSION; version++) {
    try {
      out = settingsMigrations[version + 1]?.(out) ?? out;
    } catch {
      return undefined;
    }
  }
  return out;
}

function repaired(raw: unknown): Settings {
  const { settings, warnings } = sanitizeSettings(raw);
  for (const w of warnings) console.warn(`[NK Context] ${w}`);
  return settings;
}

async function readStored(): Promise<{ value: unknown; meta: unknown }> {
  const got = await browser.storage.local.get([KEY, META]);
  return { value: got[KEY], meta: got[META] };
}

export async function getSettings(): Promise<Settings> {
  const { value, meta } = await readStored();
  return repaired(migrated(value, meta));
}

/** Call `cb` with the new settings whenever another page (or this one) changes them. */
export function watchSettings(cb: (settings: Settings) => void): () => void {
  let meta: unknown;
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local') return;
    if (META in changes) meta = changes[META]?.newValue;
    if (!(KEY in changes)) return;
    const value = changes[KEY]?.newValue;
    // A migration writes the value and its version together; otherwise ask storage for the version.
    if (META in changes) cb(repaired(migrated(value, meta)));
    else void browser.storage.local.get(META).then((got) => cb(repaired(migrated(value, got[META]))), () => cb(repaired(value)));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

// Read-modify-write steps of this page run one after another (see storage.ts).
let queue: Promise<unknown> = Promise.resolve();

/** Set `hostname`'s mode; an override equal to what it would inherit anyway is removed instead. */
export function setSiteMode(hostname: string, mode: SiteMode): Promise<Settings> {
  const run = queue.then(async () => {
    const { value, meta } = await readStored();
    const next = withSiteMode(repaired(migrated(value, meta)), hostname, mode);
    // Written with its version, as WXT's item would, so the background never re-migrates it.
    await browser.storage.local.set({ [KEY]: next, [META]: { ...metaOf(meta), v: SETTINGS_VERSION } });
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}
