/**
 * The settings' shape, defaults and a validator. Pure: storage lives in `storage.ts`.
 * Stored data may be corrupt (hand-edited, written by an older or newer build), so every read
 * goes through `sanitizeSettings`, which repairs field by field instead of failing.
 */
import type { SiteMode } from '../messaging/protocol';

export type { SiteMode };
export type MarkStyle = 'underline' | 'background' | 'hover';
export type ThemeSetting = 'auto' | 'light' | 'dark';

export interface Settings {
  /** Default mode for every site without an override. */
  mode: SiteMode;
  /** Per-site overrides, keyed by lowercase hostname; an entry also covers its subdomains. */
  siteModes: Record<string, SiteMode>;
  /** Delay before a hover card shows, in ms. */
  hoverDelayMs: number;
  markStyle: MarkStyle;
  theme: ThemeSetting;
  /** Show the count of marked entries on the toolbar icon. */
  badge: boolean;
}

export const SITE_MODES: readonly SiteMode[] = ['auto', 'always', 'off'];
export const MARK_STYLES: readonly MarkStyle[] = ['underline', 'background', 'hover'];
export const THEMES: readonly ThemeSetting[] = ['auto', 'light', 'dark'];
export const HOVER_DELAY_MIN = 100;
export const HOVER_DELAY_MAX = 1500;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  mode: 'auto',
  siteModes: Object.freeze({}) as Record<string, SiteMode>,
  hoverDelayMs: 300,
  markStyle: 'underline',
  theme: 'auto',
  badge: true,
});

export interface Sanitized {
  settings: Settings;
  /** One human-readable line per repaired field; callers `console.warn` them. */
  warnings: string[];
}

function isOneOf<T extends string>(list: readonly T[], x: unknown): x is T {
  return typeof x === 'string' && (list as readonly string[]).includes(x);
}

/** Lowercase, without a trailing dot; `null` when it cannot be a hostname. */
export function normalizeHostname(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const host = raw.trim().toLowerCase().replace(/\.$/, '');
  if (host.length === 0 || host.length > 253) return null;
  if (/[\s/\\?#@]/.test(host)) return null;
  return host;
}

function show(x: unknown): string {
  try {
    const s = JSON.stringify(x);
    return s === undefined ? String(x) : s.length > 60 ? s.slice(0, 57) + '...' : s;
  } catch {
    return String(x);
  }
}

/**
 * Repair `raw` into valid settings. A missing field silently takes `base`'s value; a present but
 * invalid one takes it with a warning. `base` defaults to the defaults; `updateSettings` passes
 * the current settings so that a bad patch field leaves that field unchanged.
 */
export function sanitizeSettings(raw: unknown, base: Readonly<Settings> = DEFAULT_SETTINGS): Sanitized {
  const warnings: string[] = [];
  const settings: Settings = { ...base, siteModes: { ...base.siteModes } };
  if (raw === undefined || raw === null) return { settings, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warnings.push(`settings: expected an object, got ${show(raw)}; using defaults`);
    return { settings, warnings };
  }
  const r = raw as Record<string, unknown>;
  const bad = (field: string) => warnings.push(`settings.${field}: invalid value ${show(r[field])}; using ${show(settings[field as keyof Settings])}`);

  if ('mode' in r) {
    if (isOneOf(SITE_MODES, r.mode)) settings.mode = r.mode;
    else bad('mode');
  }
  if ('markStyle' in r) {
    if (isOneOf(MARK_STYLES, r.markStyle)) settings.markStyle = r.markStyle;
    else bad('markStyle');
  }
  if ('theme' in r) {
    if (isOneOf(THEMES, r.theme)) settings.theme = r.theme;
    else bad('theme');
  }
  if ('badge' in r) {
    if (typeof r.badge === 'boolean') settings.badge = r.badge;
    else bad('badge');
  }
  if ('hoverDelayMs' in r) {
    const d = r.hoverDelayMs;
    if (typeof d === 'number' && Number.isFinite(d) && d >= HOVER_DELAY_MIN && d <= HOVER_DELAY_MAX) {
      settings.hoverDelayMs = Math.round(d);
    } else bad('hoverDelayMs');
  }
  if ('siteModes' in r) {
    const sm = r.siteModes;
    if (typeof sm !== 'object' || sm === null || Array.isArray(sm)) bad('siteModes');
    else {
      // A bad override is dropped on its own; the others survive.
      const out: Record<string, SiteMode> = {};
      for (const [key, value] of Object.entries(sm as Record<string, unknown>)) {
        const host = normalizeHostname(key);
        if (host !== null && isOneOf(SITE_MODES, value)) out[host] = value;
        else warnings.push(`settings.siteModes: dropped ${show(key)} → ${show(value)}`);
      }
      settings.siteModes = out;
    }
  }
  return { settings, warnings };
}
