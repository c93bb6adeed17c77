/**
 * Prototype (size experiment, not wired in): the hover card without Preact or the card UI in the
 * content script. The first time a card is wanted, the content script asks the worker to inject
 * the UI bundle into this frame's isolated world (`scripting.executeScript({ files:
 * ['hover-ui.js'], target: { tabId, frameIds: [frameId] } })`): no web-accessible resource, so
 * pages cannot probe for the extension. The injected file sets `globalThis.__nkHoverUi` in the
 * isolated world only. Until it has loaded, calls are remembered (the last show wins).
 */
import type { HoverAnchor, HoverCard, HoverCardOptions, HoverSettings } from '../../../lib/ui/hover/types';

type Factory = (options: HoverCardOptions) => HoverCard;
declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

let loading: Promise<Factory> | undefined;
function loadUi(): Promise<Factory> {
  loading ??= chrome.runtime.sendMessage({ type: 'content:load-ui' }).then(() => {
    const ui = (globalThis as { __nkHoverUi?: { createHoverCard: Factory } }).__nkHoverUi;
    if (!ui) throw new Error('hover UI did not load');
    return ui.createHoverCard;
  });
  return loading;
}

export function createHoverCard(options: HoverCardOptions): HoverCard {
  let card: HoverCard | undefined;
  let settings: HoverSettings = options.settings;
  let destroyed = false;
  const withCard = (fn: (c: HoverCard) => void) => {
    if (card) return fn(card);
    void loadUi().then((factory) => {
      if (destroyed) return;
      card ??= factory({ ...options, settings });
      fn(card);
    });
  };
  return {
    scheduleShow: (anchor: HoverAnchor) => withCard((c) => c.scheduleShow(anchor)),
    scheduleHide: () => card?.scheduleHide(),
    showNow: (anchor, opts) => withCard((c) => c.showNow(anchor, opts)),
    hide: (opts) => card?.hide(opts),
    pin: () => card?.pin(),
    isOpen: () => card?.isOpen() ?? false,
    contains: (node) => card?.contains(node) ?? false,
    updateSettings(next) {
      settings = { ...settings, ...next };
      card?.updateSettings(next);
    },
    destroy() {
      destroyed = true;
      card?.destroy();
    },
  };
}
