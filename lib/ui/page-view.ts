/**
 * Pure helpers for the popup's page section: what the status line says, how the found entries
 * group, and whether a tab's page can be annotated at all.
 */
import type { EntryKind } from '../knowledge/types';
import { ENTRY_KINDS } from '../knowledge/types';
import type { PageReportEntry, PageStatus } from '../messaging/protocol';
import { kindPlural, plural } from './format';

/** PageStatus plus the popup's own `unavailable` (no content script can run on this page). */
export type ViewStatus = PageStatus | 'unavailable';

export function statusLine(status: ViewStatus, entryCount: number): string {
  switch (status) {
    case 'annotated':
      return `Annotated — ${plural(entryCount, 'entry', 'entries')}`;
    case 'not-relevant':
      return "This page doesn't seem to be about North Korea";
    case 'disabled':
      return 'Off for this site';
    case 'unavailable':
      return 'Not available on this page';
    case 'pending':
      return 'Looking at this page…';
  }
}

export interface EntryGroup {
  kind: EntryKind;
  title: string;
  entries: PageReportEntry[];
}

/** Actors, Terms, Events, Places (only those present); most mentioned first, then by label. */
export function groupEntries(entries: PageReportEntry[]): EntryGroup[] {
  return ENTRY_KINDS.map((kind) => ({
    kind,
    title: kindPlural(kind),
    entries: entries
      .filter((e) => e.kind === kind)
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
  })).filter((g) => g.entries.length > 0);
}

// Stores where browsers refuse content scripts, whatever the permissions.
const LOCKED_HOSTS = new Set(['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com']);

/** Whether a content script can run on this URL (http/https/file, not a browser store). */
export function isScriptableUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'file:') return true;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
  if (LOCKED_HOSTS.has(u.hostname)) return false;
  if (u.hostname === 'chrome.google.com' && u.pathname.startsWith('/webstore')) return false;
  return true;
}

/** The host a site mode applies to, or null for pages without one (file:, about:). */
export function siteHost(url: string): string | null {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname ? u.hostname : null;
  } catch {
    return null;
  }
}

/** `?tabId=12` → 12; anything else → null. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) ? n : null;
}
