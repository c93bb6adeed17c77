/**
 * The on-page hover card: wires the intent machine (when), placement (where), the host (how it
 * sits on the page) and the shared ContextCard (what). Runs in the content script.
 */
import { render } from 'preact';
import { ContextCard } from '../ContextCard';
import type { PageSentence } from '../ContextCard';
import type { RectLike } from '../placement';
import { createHost, lowerHost, raiseHost } from './host';
import type { HoverHost } from './host';
import { createIntent } from './intent';
import type { HideReason } from './intent';
import { readPageLook, resolveTheme } from './page-theme';
import { isInViewport, placeContainer, viewportOf } from './position';
import type { HoverAnchor, HoverCard, HoverCardOptions, HoverSettings } from './types';

export type { HoverAnchor, HoverCard, HoverCardOptions, HoverSettings };

const sameMark = (a: HoverAnchor, b: HoverAnchor) =>
  a.markId !== undefined || b.markId !== undefined
    ? a.markId === b.markId
    : a.entryId === b.entryId && a.rects[0]?.top === b.rects[0]?.top && a.rects[0]?.left === b.rects[0]?.left;

export function createHoverCard(options: HoverCardOptions): HoverCard {
  const { doc } = options;
  const win = doc.defaultView!;
  let settings: HoverSettings = { ...options.settings };
  let ui: HoverHost | undefined;
  let shownId: string | undefined;
  let anchorScroll = { x: 0, y: 0 };
  let returnTo: HTMLElement | null = null;
  let forceReturn = false;
  let frame = 0;
  let listening = false;

  // nodeType rather than instanceof: Firefox content scripts see page nodes through Xray wrappers.
  const inCard = (node: unknown): boolean => {
    if (!ui || typeof (node as Node | null)?.nodeType !== 'number') return false;
    const n = node as Node;
    return n === ui.host || ui.host.contains(n) || ui.shadow.contains(n);
  };

  const currentRects = (anchor: HoverAnchor): RectLike[] => {
    if (anchor.getRects) return [...anchor.getRects()];
    const dx = anchorScroll.x - win.scrollX;
    const dy = anchorScroll.y - win.scrollY;
    return anchor.rects.map((r) => ({ left: r.left + dx, right: r.right + dx, top: r.top + dy, bottom: r.bottom + dy }));
  };

  const position = (anchor: HoverAnchor, rects: readonly RectLike[]) => {
    if (ui) placeContainer(ui.container, rects, viewportOf(doc), anchor.pointer);
  };

  const onFrame = () => {
    frame = 0;
    const anchor = intent.anchor;
    if (!anchor) return;
    const rects = currentRects(anchor);
    if (isInViewport(rects, viewportOf(doc))) position(anchor, rects);
    else intent.hideNow('leave');
  };
  const onScroll = () => {
    if (!frame) frame = win.requestAnimationFrame(onFrame);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') intent.escape();
  };
  const onPointerDown = (e: PointerEvent) => {
    const inside = inCard(e.composedPath?.()[0] ?? e.target);
    // Only the primary button selects text; a right-click's pointerup may never come.
    if (e.button === 0) intent.pointerDown(inside);
    else if (!inside) intent.hideNow('outside');
  };
  const onPointerUp = () => intent.pointerUp();

  // Buttons and Escape (which also cancels a card about to show) always; scrolling only while open.
  win.addEventListener('pointerdown', onPointerDown, true);
  win.addEventListener('pointerup', onPointerUp, true);
  win.addEventListener('pointercancel', onPointerUp, true); // a drag started: no pointerup follows
  win.addEventListener('keydown', onKey, true);
  const listenWhileOpen = (on: boolean) => {
    if (on === listening) return;
    listening = on;
    const method = on ? 'addEventListener' : 'removeEventListener';
    doc[method]('scroll', onScroll, { capture: true, passive: true } as AddEventListenerOptions);
    win[method]('resize', onScroll);
  };

  const cardEvents: [string, EventListener][] = [
    ['pointerenter', () => intent.cardEnter()],
    ['pointerleave', () => intent.cardLeave()],
    ['click', () => intent.pin()],
    ['focusin', () => intent.pin()],
  ];
  const ensureUi = (): HoverHost => {
    if (ui) return ui;
    ui = createHost(doc);
    for (const [type, fn] of cardEvents) ui.container.addEventListener(type, fn);
    ui.close.addEventListener('click', closeClicked);
    return ui;
  };
  function closeClicked(e: Event) {
    e.stopPropagation();
    forceReturn = true;
    intent.hideNow('api');
  }

  const renderCard = (entryId: string, pageSentence?: PageSentence) => {
    const card = options.getCard(entryId);
    if (!card || !ui) return false;
    shownId = entryId;
    ui.container.setAttribute('aria-label', card.entry.label);
    render(
      <ContextCard
        card={card}
        pageSentence={pageSentence}
        compact
        headingLevel={2}
        onRelated={related}
        onOpenInPopup={() => options.onOpenInPopup(entryId)}
      />,
      ui.slot,
    );
    return true;
  };
  function related(id: string) {
    if (options.onRelated) return options.onRelated(id);
    if (!options.getCard(id)) return options.onOpenInPopup(id);
    intent.pin();
    renderCard(id);
    const anchor = intent.anchor;
    if (anchor) position(anchor, currentRects(anchor));
    ui?.container.focus({ preventScroll: true });
  }

  const show = (anchor: HoverAnchor) => {
    const u = ensureUi();
    const active = doc.activeElement as HTMLElement | null;
    if (!inCard(active)) returnTo = active;
    if (!renderCard(anchor.entryId, anchor.pageSentence)) return intent.hideNow('api');
    anchorScroll = { x: win.scrollX, y: win.scrollY };
    u.container.dataset.theme = resolveTheme(settings.theme, readPageLook(doc));
    raiseHost(doc, u.host);
    u.container.hidden = false;
    position(anchor, anchor.rects);
    listenWhileOpen(true);
  };

  const hide = (reason: HideReason) => {
    listenWhileOpen(false);
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    if (!ui) return;
    const focusInside = inCard(doc.activeElement);
    ui.container.hidden = true;
    render(null, ui.slot);
    shownId = undefined;
    lowerHost(ui.host);
    // Escape, an explicit request, or focus that would otherwise fall to <body> goes back.
    if ((reason === 'escape' || forceReturn || focusInside) && returnTo?.isConnected) {
      returnTo.focus({ preventScroll: true });
    }
    forceReturn = false;
    returnTo = null;
  };

  const intent = createIntent<HoverAnchor>({ showDelayMs: settings.hoverDelayMs, same: sameMark }, { show, hide });

  return {
    scheduleShow(anchor) {
      if (options.getCard(anchor.entryId)) intent.markEnter(anchor);
    },
    scheduleHide: () => intent.markLeave(),
    showNow(anchor, opts) {
      if (!options.getCard(anchor.entryId)) return;
      intent.showNow(anchor, { pin: !!opts?.focus });
      if (opts?.focus && intent.anchor === anchor) ui?.container.focus({ preventScroll: true });
    },
    hide(opts) {
      forceReturn = !!opts?.returnFocus;
      intent.hideNow('api');
      forceReturn = false;
    },
    pin: () => intent.pin(),
    isOpen: () => intent.state !== 'closed' && shownId !== undefined,
    contains: (node) => inCard(node),
    updateSettings(next) {
      settings = { ...settings, ...next };
      intent.setShowDelay(settings.hoverDelayMs);
      if (ui && shownId) ui.container.dataset.theme = resolveTheme(settings.theme, readPageLook(doc));
    },
    destroy() {
      intent.destroy();
      hide('api');
      win.removeEventListener('pointerdown', onPointerDown, true);
      win.removeEventListener('pointerup', onPointerUp, true);
      win.removeEventListener('pointercancel', onPointerUp, true);
      win.removeEventListener('keydown', onKey, true);
      if (ui) {
        for (const [type, fn] of cardEvents) ui.container.removeEventListener(type, fn);
        ui.close.removeEventListener('click', closeClicked);
        ui.host.remove();
        ui = undefined;
      }
    },
  };
}
