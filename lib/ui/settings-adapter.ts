/**
 * The popup's only link to lib/settings, kept in one file so a change there touches one place.
 * lib/settings reads browser storage, so this module is used by entrypoints only (tests pass fakes).
 */
import type { SiteMode } from '../messaging/protocol';
import { getSettings, setSiteMode, siteModeFor } from '../settings';
import type { ThemeChoice } from './theme';

/** The effective mode for a host: its own override, a parent domain's, else the global default. */
export async function siteModeOf(host: string): Promise<SiteMode> {
  return siteModeFor(await getSettings(), host);
}

export async function saveSiteMode(host: string, mode: SiteMode): Promise<void> {
  await setSiteMode(host, mode);
}

export async function themeSetting(): Promise<ThemeChoice> {
  return (await getSettings()).theme;
}
