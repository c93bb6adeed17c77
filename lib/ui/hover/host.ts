/**
 * The hover card's home on the page: `<nk-context-ui data-nk-ui>` on the root element (not body,
 * which pages replace), with an open shadow root so page CSS can't reach in and ours can't leak out.
 * In the top layer via the Popover API where available, so the card sits above any page chrome
 * and fullscreen element.
 */
import { applyTheme, cardCss } from '../theme';

export const HOST_TAG = 'nk-context-ui';

// Inline !important declarations beat every page rule, including `* { … !important }`.
// `all: initial` first, so nothing inheritable flows from the page into the shadow tree.
const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['inset', '0 auto auto 0'],
  ['width', '0'],
  ['height', '0'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['overflow', 'visible'],
  ['background', 'transparent'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['contain', 'none'],
  ['pointer-events', 'none'],
  ['z-index', '2147483647'],
];

const HOVER_CSS = `
.nk-hover {
  position: fixed; margin: 0; box-sizing: border-box; overflow: auto; overscroll-behavior: contain;
  border: 1px solid var(--nk-border); border-radius: 8px; background: var(--nk-bg); pointer-events: auto;
  box-shadow: 0 8px 28px rgba(0, 0, 0, 0.2), 0 1px 3px rgba(0, 0, 0, 0.14);
  animation: nk-hover-in 120ms ease-out;
}
.nk-hover[hidden] { display: none; }
.nk-hover:focus { outline: none; }
.nk-hover:focus-visible { outline: 2px solid var(--nk-focus); outline-offset: 1px; }
.nk-hover .nk-card { border-radius: 8px; }
.nk-hover .nk-card-header { padding-right: 26px; }
.nk-hover-close {
  position: absolute; top: 6px; right: 6px; width: 26px; height: 26px; padding: 0; z-index: 1;
  border: 0; border-radius: 6px; background: transparent; color: var(--nk-muted);
  font: 400 18px/26px system-ui, sans-serif; text-align: center; cursor: pointer;
}
.nk-hover-close:hover { background: var(--nk-surface); color: var(--nk-text); }
@keyframes nk-hover-in { from { opacity: 0; transform: translateY(2px); } }
@media (prefers-reduced-motion: reduce) { .nk-hover { animation: none; } }
`;

export interface HoverHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** The positioned card container (`role=dialog`). */
  container: HTMLElement;
  /** Where Preact renders the card. */
  slot: HTMLElement;
  close: HTMLButtonElement;
}

export function createHost(doc: Document): HoverHost {
  const host = hostElement(doc);
  host.setAttribute('data-nk-ui', '');
  for (const [prop, value] of HOST_STYLE) host.style.setProperty(prop, value, 'important');
  const shadow = host.attachShadow({ mode: 'open' });
  applyTheme(shadow, cardCss + HOVER_CSS, 'nk-hover');

  const container = doc.createElement('div');
  container.className = 'nk-ui nk-hover';
  container.setAttribute('role', 'dialog');
  container.setAttribute('aria-modal', 'false');
  container.tabIndex = -1;
  container.hidden = true;
  const close = doc.createElement('button');
  close.type = 'button';
  close.className = 'nk-hover-close';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '×';
  const slot = doc.createElement('div');
  container.append(close, slot);
  shadow.appendChild(container);
  return { host, shadow, container, slot, close };
}

function supportsPopover(el: HTMLElement): boolean {
  return typeof el.showPopover === 'function' && typeof el.hidePopover === 'function';
}

function popoverOpen(el: HTMLElement): boolean {
  try {
    return el.matches(':popover-open');
  } catch {
    return false;
  }
}

/**
 * Attach the host where it will be seen and raise it to the top. With popovers, the root element
 * (re-showing puts it above a fullscreen element that came later); without, inside the
 * fullscreen element when there is one, else the root element.
 */
export function raiseHost(doc: Document, host: HTMLElement): void {
  const popover = supportsPopover(host);
  const parent: Element = (!popover && doc.fullscreenElement) || doc.documentElement;
  if (host.parentNode !== parent) parent.appendChild(host);
  if (!popover) return;
  if (!host.hasAttribute('popover')) host.setAttribute('popover', 'manual');
  try {
    if (popoverOpen(host)) host.hidePopover();
    host.showPopover();
  } catch {
    // Not in a document or popovers disabled: the fixed-position host still shows.
  }
}

export function lowerHost(host: HTMLElement): void {
  if (supportsPopover(host) && popoverOpen(host)) {
    try {
      host.hidePopover();
    } catch {
      /* already hidden */
    }
  }
}

/** A page that defined its own `nk-context-ui` element gets a plain div host instead (same attribute). */
function hostElement(doc: Document): HTMLElement {
  const el = doc.createElement(HOST_TAG);
  return el.matches(':defined') ? doc.createElement('div') : el;
}
