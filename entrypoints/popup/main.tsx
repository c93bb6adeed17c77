/**
 * Popup entry: wires PopupApp to the background worker (lib/messaging) and settings. The tab is
 * `?tabId=N` when given (tests, headless browsers have no toolbar), else the active tab.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import sourceMeta from '../../assets/source/meta.json';
import type { SourceMeta } from '../../lib/knowledge/types';
import { send } from '../../lib/messaging/client';
import { tabIdFromSearch } from '../../lib/ui/page-view';
import { PopupApp, type PopupApi } from '../../lib/ui/PopupApp';
import { popupCss } from '../../lib/ui/popup/popup-css';
import { saveSiteMode, siteModeOf, themeSetting } from '../../lib/ui/settings-adapter';
import { applyTheme, cardCss } from '../../lib/ui/theme';

const api: PopupApi = {
  // The worker refuses queries over 200 characters (lib/messaging/validate).
  search: (query) => send({ type: 'popup:search', query: query.slice(0, 200), limit: 8 }),
  getCard: (id) => send({ type: 'popup:get-card', id }),
  pageReport: (tabId) => send({ type: 'page-report', tabId }),
  annotateAnyway: (tabId) => send({ type: 'popup:annotate-anyway', tabId }),
  showOnPage: (tabId, id) => send({ type: 'popup:show-on-page', tabId, id }),
  takePendingLookup: () => send({ type: 'popup:take-pending-lookup' }),
  getSiteMode: siteModeOf,
  setSiteMode: saveSiteMode,
  openOptions: () => browser.runtime.openOptionsPage(),
  getTheme: themeSetting,
};

async function activeTabId(): Promise<number | null> {
  const fromUrl = tabIdFromSearch(location.search);
  if (fromUrl !== null) return fromUrl;
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id ?? null;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  applyTheme(document, cardCss + popupCss);
  const root = document.getElementById('app');
  if (!root) return;
  render(<PopupApp api={api} tabId={await activeTabId()} source={sourceMeta as SourceMeta} />, root);
}

void start();
