/** Per-site modes: which mode applies to a hostname, and pure edits of the override table. */
import { normalizeHostname } from './schema';
import type { Settings, SiteMode } from './schema';

// IP literals have no parent domains worth inheriting from.
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The hostname itself, then each parent domain: a.b.example.com → b.example.com → example.com → com. */
export function hostChain(hostname: string): string[] {
  const host = normalizeHostname(hostname);
  if (host === null) return [];
  if (IPV4.test(host) || host.includes(':')) return [host];
  const labels = host.split('.');
  return labels.map((_, i) => labels.slice(i).join('.')).filter((h) => h.length > 0);
}

/** The override that applies to `hostname` (exact host first, then parent domains), if any. */
export function siteOverrideFor(settings: Settings, hostname: string): { host: string; mode: SiteMode } | undefined {
  for (const host of hostChain(hostname)) {
    const mode = settings.siteModes[host];
    if (mode !== undefined) return { host, mode };
  }
  return undefined;
}

/** The mode for a page on `hostname`: its override, a parent domain's, or the global default. */
export function siteModeFor(settings: Settings, hostname: string): SiteMode {
  return siteOverrideFor(settings, hostname)?.mode ?? settings.mode;
}

/**
 * Settings in which `hostname` gets `mode`. The exact override is dropped when what the host
 * would inherit anyway (a parent domain's override or the global default) already gives `mode`,
 * so the list of sites only shows real exceptions.
 */
export function withSiteMode(settings: Settings, hostname: string, mode: SiteMode): Settings {
  const host = normalizeHostname(hostname);
  if (host === null) return settings;
  const siteModes = { ...settings.siteModes };
  delete siteModes[host];
  const inherited = siteModeFor({ ...settings, siteModes }, host);
  if (inherited !== mode) siteModes[host] = mode;
  return { ...settings, siteModes };
}

/** Settings without the exact override for `hostname`. */
export function withoutSiteMode(settings: Settings, hostname: string): Settings {
  const host = normalizeHostname(hostname);
  if (host === null || !(host in settings.siteModes)) return settings;
  const siteModes = { ...settings.siteModes };
  delete siteModes[host];
  return { ...settings, siteModes };
}
