import { describe, expect, it, vi } from 'vitest';
import { createLazyHoverCard, type HoverCardFactory } from './lazy';
import type { HoverAnchor, HoverCard, HoverCardOptions } from './types';

const anchor = (entryId: string): HoverAnchor => ({ entryId, rects: [{ left: 0, right: 10, top: 0, bottom: 10 }] });

/** A fake real card that records what was asked of it, and a load the test resolves by hand. */
function setup() {
  const calls: string[] = [];
  let made: HoverCardOptions | undefined;
  const real: HoverCard = {
    scheduleShow: (a) => calls.push(`scheduleShow ${a.entryId}`),
    scheduleHide: () => calls.push('scheduleHide'),
    showNow: (a, o) => calls.push(`showNow ${a.entryId} focus=${String(o?.focus)}`),
    hide: () => calls.push('hide'),
    pin: () => calls.push('pin'),
    isOpen: () => true,
    contains: () => true,
    updateSettings: (s) => calls.push(`settings ${JSON.stringify(s)}`),
    destroy: () => calls.push('destroy'),
  };
  const factory: HoverCardFactory = (options) => {
    made = options;
    return real;
  };
  let finish!: (ok: boolean) => void;
  const load = vi.fn(
    () =>
      new Promise<HoverCardFactory>((resolve, reject) => {
        finish = (ok) => (ok ? resolve(factory) : reject(new Error('offline')));
      }),
  );
  const options: HoverCardOptions = {
    doc: document,
    getCard: () => undefined,
    onOpenInPopup: () => undefined,
    settings: { hoverDelayMs: 300, theme: 'auto' },
  };
  const card = createLazyHoverCard(options, load);
  const settle = async (ok = true) => {
    // The load starts on a later microtask; then its promise callbacks run.
    await new Promise((resolve) => setTimeout(resolve, 0));
    finish(ok);
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { card, calls, load, settle, made: () => made };
}

describe('the hover card loaded on first use', () => {
  it('loads nothing until a card is wanted', () => {
    const { card, load } = setup();
    card.scheduleHide();
    card.hide();
    card.updateSettings({ theme: 'dark' });
    expect(load).not.toHaveBeenCalled();
    expect(card.isOpen()).toBe(false);
    expect(card.contains(document.body)).toBe(false);
  });

  it('shows the hovered card once loaded, and loads only once', async () => {
    const { card, calls, load, settle } = setup();
    card.scheduleShow(anchor('cvid'));
    card.scheduleShow(anchor('libya-model'));
    await settle();
    // The latest request wins; the pointer has moved on from the first mark.
    expect(calls).toEqual(['scheduleShow libya-model']);
    card.scheduleShow(anchor('cvid'));
    expect(calls).toEqual(['scheduleShow libya-model', 'scheduleShow cvid']);
    expect(load).toHaveBeenCalledTimes(1);
    expect(card.isOpen()).toBe(true);
  });

  it('shows nothing when the pointer left before the load finished', async () => {
    const { card, calls, settle } = setup();
    card.scheduleShow(anchor('cvid'));
    card.scheduleHide();
    await settle();
    expect(calls).toEqual([]);
  });

  it('passes a keyboard request through with its focus option', async () => {
    const { card, calls, settle } = setup();
    card.showNow(anchor('cvid'), { focus: true });
    await settle();
    expect(calls).toEqual(['showNow cvid focus=true']);
  });

  it('creates the real card with the settings changed while loading', async () => {
    const { card, settle, made } = setup();
    card.scheduleShow(anchor('cvid'));
    card.updateSettings({ theme: 'dark', hoverDelayMs: 800 });
    await settle();
    expect(made()?.settings).toEqual({ theme: 'dark', hoverDelayMs: 800 });
  });

  it('creates no card when destroyed before the load finished', async () => {
    const { card, calls, settle, made } = setup();
    card.scheduleShow(anchor('cvid'));
    card.destroy();
    await settle();
    expect(made()).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it('tries again on the next hover after a failed load', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const { card, calls, load, settle } = setup();
    card.scheduleShow(anchor('cvid'));
    await settle(false);
    expect(calls).toEqual([]);
    card.scheduleShow(anchor('cvid'));
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    expect(calls).toEqual(['scheduleShow cvid']);
    debug.mockRestore();
  });

  it('survives a load that throws at once, and shows nothing', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    const card = createLazyHoverCard(
      { doc: document, getCard: () => undefined, onOpenInPopup: () => undefined, settings: { hoverDelayMs: 300, theme: 'auto' } },
      () => {
        throw new Error('Extension context invalidated.');
      },
    );
    expect(() => card.scheduleShow(anchor('cvid'))).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(card.isOpen()).toBe(false);
    expect(debug).toHaveBeenCalled();
    debug.mockRestore();
  });
});
