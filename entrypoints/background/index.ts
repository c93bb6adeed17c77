/**
 * Background worker: wiring only. Listeners are registered synchronously at start-up so that an
 * MV3 worker woken by an event finds them; the knowledge base, search index and resolver are
 * built on first use and everything per-tab lives in storage.session (see tab-store.ts).
 */
import { browser } from 'wxt/browser';
import { knowledgeBase } from '../../lib/knowledge/load';
import { createSearch } from '../../lib/knowledge/search';
import patternData from '../../assets/generated/patterns.json';
import { decodePatternTable, type EncodedPatternTable } from '../../lib/scan/pattern-codec';
import { buildPageReport, createResolver, type FrameState } from '../../lib/resolve';
import { getSettings } from '../../lib/settings';
import type { TopDocument } from '../../lib/messaging/protocol';
import { createHandlers, type FrameRecord } from './handlers';
import { TabStore } from './tab-store';
import { MENU_ID, registerMenus, onMenuClicked } from './menus';

export default defineBackground(() => {
  const table = decodePatternTable(patternData as EncodedPatternTable);
  let resolver: ReturnType<typeof createResolver> | undefined;
  let searcher: ReturnType<typeof createSearch> | undefined;
  const session = browser.storage.session ?? browser.storage.local;
  const action = browser.action ?? browser.browserAction;

  const openLookup = async (query: string) => {
    try {
      await action.openPopup();
    } catch {
      // No popup can open here (no user gesture, or the browser lacks openPopup): a small window instead.
      const url = browser.runtime.getURL(`/popup.html?q=${encodeURIComponent(query)}`);
      await browser.windows.create({ url, type: 'popup', width: 420, height: 640 });
    }
  };

  // Kept in memory as well, so the context menu can open the popup synchronously (Firefox only
  // allows openPopup inside the user action) and the popup still finds the query.
  let pendingQuery: string | null = null;
  const pending = {
    set: async (query: string) => {
      pendingQuery = query;
      await session.set({ pendingLookup: query });
    },
    take: async () => {
      const value = pendingQuery ?? (await session.get('pendingLookup')).pendingLookup;
      pendingQuery = null;
      await session.remove('pendingLookup');
      return typeof value === 'string' ? value : null;
    },
  };

  const handlers = createHandlers<FrameState>({
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    kb: knowledgeBase,
    resolve: (prev, input) => (resolver ??= createResolver(knowledgeBase, table)).resolve(prev, input),
    report: (tabId, url, frames) => buildPageReport(tabId, url, frames, knowledgeBase),
    annotatedIds: (state) => Object.keys(state.entries),
    search: (query, limit) => (searcher ??= createSearch(knowledgeBase))(query, limit),
    store: new TabStore<FrameRecord<FrameState>>(session),
    sendToTab: (tabId, message, frameId) =>
      browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }),
    setBadge: (tabId, count) => {
      void getSettings().then((s) => {
        const text = s.badge && count > 0 ? String(count) : '';
        void action.setBadgeText({ tabId, text }).catch(() => undefined);
        void action.setBadgeBackgroundColor({ tabId, color: '#3558a6' }).catch(() => undefined);
      });
    },
    ping: (tabId) => browser.tabs.sendMessage(tabId, { type: 'bg:ping' }, { frameId: 0 }) as Promise<TopDocument | undefined>,
    openLookup,
    pending,
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => handlers.onMessage(message, sender));

  // Runs the settings' storage migrations: content scripts only read the stored value.
  void getSettings();

  // The tab loaded something: forget what belongs to a previous page (see handlers.navigated).
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete') void handlers.navigated(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => void handlers.clearTab(tabId));

  browser.runtime.onInstalled.addListener(() => registerMenus());
  browser.runtime.onStartup?.addListener(() => registerMenus());
  const menuClick = (selectionText: string) =>
    onMenuClicked({ menuItemId: MENU_ID, selectionText }, (query) => {
      const stored = pending.set(query);
      return Promise.all([stored, openLookup(query)]).then(() => undefined);
    });
  browser.contextMenus.onClicked.addListener((info) => {
    if (info.menuItemId === MENU_ID) void menuClick(info.selectionText ?? '');
  });

  const runCommand = async (command: string, tabId?: number) => {
    tabId ??= (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    const message =
      command === 'toggle-site'
        ? ({ type: 'bg:toggle-site' } as const)
        : ({ type: 'bg:step-mark', direction: command === 'prev-mark' ? -1 : 1 } as const);
    await browser.tabs.sendMessage(tabId, message, { frameId: 0 }).catch(() => undefined);
  };
  browser.commands?.onCommand.addListener((command, tab) => void runCommand(command, tab?.id));

  // Browser menus and shortcuts can't be driven headless: end-to-end tests call the same paths
  // here. The worker's global scope is reachable only from the extension itself.
  Object.assign(globalThis, { nkContext: { menuClick, runCommand } });
});
