import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardData, Entry } from '../../knowledge/types';
import meta from '../../../assets/source/meta.json';
import { createHoverCard } from './controller';
import type { HoverAnchor, HoverCard, HoverCardOptions } from './controller';
import { setHtml } from '../../../tests/support/dom';

const entry = (id: string, label: string, over: Partial<Entry> = {}): Entry => ({
  id, kind: 'term', label, aliases: [label], definition: `${label} is a term.`, related: [],
  quotes: ['The quote.'], fromSource: true, weight: 2, ...over,
});
const cards: Record<string, CardData> = {
  cvid: {
    entry: entry('cvid', 'CVID', { related: ['libya-model'] }),
    related: [{ id: 'libya-model', label: 'Libya model', kind: 'term' }],
    source: meta,
  },
  'libya-model': { entry: entry('libya-model', 'Libya model'), related: [], source: meta },
  evil: {
    entry: entry('evil', 'Evil', { definition: 'Bad <img src=x onerror="window.__pwned=1"> text' }),
    related: [],
    source: meta,
  },
};

const rect = (left: number, top: number, width = 60, height = 18) =>
  ({ left, top, right: left + width, bottom: top + height });
const anchor = (entryId: string, over: Partial<HoverAnchor> = {}): HoverAnchor =>
  ({ entryId, rects: [rect(100, 100)], ...over });

let card: HoverCard;
let opened: string[];
const make = (over: Partial<HoverCardOptions> = {}) => {
  card = createHoverCard({
    doc: document,
    getCard: (id) => cards[id],
    onOpenInPopup: (id) => opened.push(id),
    settings: { hoverDelayMs: 300, theme: 'auto' },
    ...over,
  });
  return card;
};
const host = () => document.querySelector<HTMLElement>('nk-context-ui');
const dialog = () => host()?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
const press = (target: EventTarget, type = 'pointerdown') =>
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, button: 0 }));

beforeEach(() => {
  vi.useFakeTimers();
  opened = [];
  setHtml(document.body, '<p><button id="before">before</button> page text</p>');
});
afterEach(() => {
  card?.destroy();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('hover card host', () => {
  it('creates nothing until first shown, then a host on <html> with an open shadow root dialog', () => {
    make();
    expect(host()).toBeNull();
    card.showNow(anchor('cvid'));
    const h = host()!;
    expect(h.parentElement).toBe(document.documentElement);
    expect(h.hasAttribute('data-nk-ui')).toBe(true);
    expect(h.style.getPropertyValue('z-index')).toBe('2147483647');
    expect(h.style.getPropertyPriority('position')).toBe('important');
    const d = dialog()!;
    expect(d.getAttribute('aria-label')).toBe('CVID');
    expect(d.getAttribute('aria-modal')).toBe('false');
    const article = d.querySelector('article.nk-card')!;
    expect(article.getAttribute('data-entry-id')).toBe('cvid');
    expect(h.shadowRoot!.querySelector('style')!.textContent).toContain('.nk-card');
  });

  it('renders card text as text: markup in a definition yields no element', () => {
    make();
    card.showNow(anchor('evil'));
    const d = dialog()!;
    expect(d.querySelector('img')).toBeNull();
    expect(d.querySelector('.nk-card-definition')!.textContent).toContain('<img src=x');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('removes the host and every listener it added on destroy', () => {
    const spies = [window, document].flatMap((t) => [vi.spyOn(t, 'addEventListener'), vi.spyOn(t, 'removeEventListener')]);
    make();
    card.showNow(anchor('cvid'));
    card.scheduleHide();
    card.scheduleShow(anchor('libya-model', { rects: [rect(10, 300)] }));
    card.destroy();
    expect(host()).toBeNull();
    for (let i = 0; i < spies.length; i += 2) {
      const added = spies[i]!.mock.calls.map((c) => `${c[0]}|${String(c[1])}`).sort();
      const removed = spies[i + 1]!.mock.calls.map((c) => `${c[0]}|${String(c[1])}`).sort();
      expect(added.length).toBeGreaterThan(0);
      expect(removed).toEqual(added);
    }
    vi.advanceTimersByTime(1000);
    expect(host()).toBeNull();
  });

  it('puts the host in the top layer with the Popover API where it exists', () => {
    const proto = HTMLElement.prototype as unknown as Record<string, unknown>;
    const show = vi.fn();
    proto.showPopover = show;
    proto.hidePopover = vi.fn();
    try {
      make();
      card.showNow(anchor('cvid'));
      expect(host()!.getAttribute('popover')).toBe('manual');
      expect(show).toHaveBeenCalledTimes(1);
    } finally {
      delete proto.showPopover;
      delete proto.hidePopover;
    }
  });
});

describe('hover card behaviour', () => {
  it('shows after the hover delay and hides after the pointer leaves', () => {
    make();
    card.scheduleShow(anchor('cvid'));
    vi.advanceTimersByTime(299);
    expect(card.isOpen()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(card.isOpen()).toBe(true);
    expect(dialog()!.hidden).toBe(false);
    card.scheduleHide();
    vi.advanceTimersByTime(300);
    expect(card.isOpen()).toBe(false);
    expect(dialog()!.hidden).toBe(true);
    expect(dialog()!.querySelector('.nk-card')).toBeNull();
  });

  it('follows a changed hover delay', () => {
    make();
    card.updateSettings({ hoverDelayMs: 1000 });
    card.scheduleShow(anchor('cvid'));
    vi.advanceTimersByTime(900);
    expect(card.isOpen()).toBe(false);
    vi.advanceTimersByTime(100);
    expect(card.isOpen()).toBe(true);
  });

  it('shows nothing for an entry it has no card for', () => {
    make();
    card.scheduleShow(anchor('nope'));
    card.showNow(anchor('nope'));
    vi.advanceTimersByTime(1000);
    expect(card.isOpen()).toBe(false);
  });

  it('stays open while the pointer is in the card; a click pins it until an outside press', () => {
    make();
    card.showNow(anchor('cvid'));
    card.scheduleHide();
    dialog()!.dispatchEvent(new PointerEvent('pointerenter'));
    vi.advanceTimersByTime(1000);
    expect(card.isOpen()).toBe(true);
    dialog()!.querySelector('p')!.click();
    dialog()!.dispatchEvent(new PointerEvent('pointerleave'));
    vi.advanceTimersByTime(1000);
    expect(card.isOpen()).toBe(true);
    press(dialog()!);
    expect(card.isOpen()).toBe(true);
    press(document.body);
    expect(card.isOpen()).toBe(false);
  });

  it('closes on Escape and returns focus to the element focused before', () => {
    make();
    const before = document.getElementById('before')!;
    before.focus();
    card.showNow(anchor('cvid'), { focus: true });
    expect(document.activeElement).toBe(host());
    expect(host()!.shadowRoot!.activeElement).toBe(dialog());
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(card.isOpen()).toBe(false);
    expect(document.activeElement).toBe(before);
  });

  it('has a labelled close button that closes the card', () => {
    make();
    card.showNow(anchor('cvid'), { focus: true });
    const close = dialog()!.querySelector<HTMLButtonElement>('button[aria-label="Close"]')!;
    close.click();
    expect(card.isOpen()).toBe(false);
  });

  it('replaces the card when another mark is hovered: one card at a time', () => {
    make();
    card.showNow(anchor('cvid'));
    card.scheduleHide();
    card.scheduleShow(anchor('libya-model', { rects: [rect(10, 300)] }));
    vi.advanceTimersByTime(300);
    expect(document.querySelectorAll('nk-context-ui')).toHaveLength(1);
    expect(dialog()!.querySelectorAll('.nk-card')).toHaveLength(1);
    expect(dialog()!.getAttribute('aria-label')).toBe('Libya model');
  });

  it('shows nothing while the mouse button is down (selecting text)', () => {
    make();
    press(document.body);
    card.scheduleShow(anchor('cvid'));
    vi.advanceTimersByTime(1000);
    expect(card.isOpen()).toBe(false);
    press(document.body, 'pointerup');
    card.scheduleShow(anchor('cvid'));
    vi.advanceTimersByTime(300);
    expect(card.isOpen()).toBe(true);
  });

  it('a right-click closes the card but does not count as selecting text', () => {
    make();
    card.showNow(anchor('cvid'));
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 2 }));
    expect(card.isOpen()).toBe(false);
    card.scheduleShow(anchor('cvid')); // no pointerup came (the context menu took it)
    vi.advanceTimersByTime(300);
    expect(card.isOpen()).toBe(true);
  });

  it('opens a related entry in place when the page has its card, else in the popup', () => {
    make();
    card.showNow(anchor('cvid'));
    dialog()!.querySelector<HTMLButtonElement>('.nk-card-related button')!.click();
    expect(dialog()!.getAttribute('aria-label')).toBe('Libya model');
    expect(card.isOpen()).toBe(true);
    card.destroy();
    make({ getCard: (id) => (id === 'cvid' ? cards.cvid : undefined) });
    card.showNow(anchor('cvid'));
    dialog()!.querySelector<HTMLButtonElement>('.nk-card-related button')!.click();
    expect(opened).toEqual(['libya-model']);
  });

  it('"Open in popup" asks for the shown entry', () => {
    make();
    card.showNow(anchor('cvid'));
    const button = [...dialog()!.querySelectorAll('button')].find((b) => b.textContent === 'Open in popup')!;
    button.click();
    expect(opened).toEqual(['cvid']);
  });

  it('places the card below the mention, or above it near the bottom of the window', () => {
    make();
    card.showNow(anchor('cvid', { rects: [rect(100, 100)] }));
    expect(dialog()!.dataset.side).toBe('below');
    expect(dialog()!.style.top).toBe('126px');
    expect(dialog()!.style.left).toBe('100px');
    card.showNow(anchor('cvid', { rects: [rect(100, window.innerHeight - 30)] }));
    expect(dialog()!.dataset.side).toBe('above');
  });

  it('follows the mark on scroll and closes when it leaves the viewport', () => {
    make();
    let top = 100;
    card.showNow(anchor('cvid', { getRects: () => [rect(100, top)] }));
    top = 200;
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(50);
    expect(dialog()!.style.top).toBe('226px');
    top = -500;
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(50);
    expect(card.isOpen()).toBe(false);
  });

  it('takes the theme from settings, and from a dark page in auto', () => {
    make({ settings: { hoverDelayMs: 300, theme: 'dark' } });
    card.showNow(anchor('cvid'));
    expect(dialog()!.dataset.theme).toBe('dark');
    card.updateSettings({ theme: 'light' });
    expect(dialog()!.dataset.theme).toBe('light');
    card.updateSettings({ theme: 'auto' });
    document.documentElement.style.backgroundColor = 'rgb(0, 0, 0)';
    card.showNow(anchor('cvid'));
    document.documentElement.style.backgroundColor = '';
    expect(dialog()!.dataset.theme).toBe('dark');
  });

  it('knows what belongs to it', () => {
    make();
    card.showNow(anchor('cvid'));
    expect(card.contains(dialog()!.querySelector('h2'))).toBe(true);
    expect(card.contains(host())).toBe(true);
    expect(card.contains(document.body)).toBe(false);
  });
});
