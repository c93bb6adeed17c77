/** The selection context menu: "Look up “…” in NK Context". */
import { browser } from 'wxt/browser';

export const MENU_ID = 'nk-lookup-selection';
const MAX_QUERY = 200;

export async function registerMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_ID, title: 'Look up “%s” in NK Context', contexts: ['selection'] });
}

/** Trimmed, single-spaced, bounded: a selection can be a whole page. */
export function queryFromSelection(text: string | undefined): string | null {
  const query = (text ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
  return query ? query : null;
}

export async function onMenuClicked(
  info: { menuItemId: string | number; selectionText?: string },
  open: (query: string) => Promise<void>,
): Promise<void> {
  if (info.menuItemId !== MENU_ID) return;
  const query = queryFromSelection(info.selectionText);
  if (query) await open(query);
}
