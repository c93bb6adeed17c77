/**
 * The hover card, loaded on first use. Preact, the card and its controller are a third of the
 * content script, and most pages are never hovered: this stand-in has the card's interface and
 * loads the real one (through `load`) the first time a card is wanted. Until then it remembers
 * the latest show request; a hide before the load finishes cancels it, as the real card would.
 */
import type { HoverAnchor, HoverCard, HoverCardOptions, HoverSettings } from './types';

export type HoverCardFactory = (options: HoverCardOptions) => HoverCard;

/** The global (of the content script's isolated world) through which the loaded UI hands over its factory. */
export const HOVER_UI_GLOBAL = '__nkHoverUi';

export interface LazyHoverCard extends HoverCard {
  /** Start loading now (say, as the pointer reaches the first mark), without showing anything. */
  preload(): void;
}

export function createLazyHoverCard(options: HoverCardOptions, load: () => Promise<HoverCardFactory>): LazyHoverCard {
  let card: HoverCard | undefined;
  let settings: HoverSettings = { ...options.settings };
  let loading = false;
  let destroyed = false;
  let pending: ((card: HoverCard) => void) | undefined;

  const ensure = () => {
    if (loading || card || destroyed) return;
    loading = true;
    // Through a promise even if `load` throws (say, the extension was reloaded under this page).
    Promise.resolve().then(load).then(
      (factory) => {
        loading = false;
        if (destroyed) return;
        card = factory({ ...options, settings });
        const run = pending;
        pending = undefined;
        run?.(card);
      },
      (e: unknown) => {
        // Marks stay useful without cards; the next hover tries again.
        loading = false;
        pending = undefined;
        console.debug('NK Context: hover card failed to load', e);
      },
    );
  };

  const whenLoaded = (run: (card: HoverCard) => void) => {
    if (card) return run(card);
    pending = run;
    ensure();
  };

  return {
    preload: ensure,
    scheduleShow: (anchor: HoverAnchor) => whenLoaded((c) => c.scheduleShow(anchor)),
    showNow: (anchor, opts) => whenLoaded((c) => c.showNow(anchor, opts)),
    scheduleHide() {
      if (card) card.scheduleHide();
      else pending = undefined;
    },
    hide(opts) {
      if (card) card.hide(opts);
      else pending = undefined;
    },
    pin: () => card?.pin(),
    isOpen: () => card?.isOpen() ?? false,
    contains: (node) => card?.contains(node) ?? false,
    updateSettings(next) {
      settings = { ...settings, ...next };
      card?.updateSettings(next);
    },
    destroy() {
      destroyed = true;
      pending = undefined;
      card?.destroy();
      card = undefined;
    },
  };
}
