import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIntent } from './intent';
import type { HideReason } from './intent';

interface A { id: string }
let log: string[];
const make = (showDelayMs = 300) =>
  createIntent<A>({ showDelayMs, same: (a, b) => a.id === b.id }, {
    show: (a) => log.push(`show ${a.id}`),
    hide: (r: HideReason) => log.push(`hide ${r}`),
  });
const cvid = { id: 'cvid' };
const kim = { id: 'kim' };

beforeEach(() => {
  vi.useFakeTimers();
  log = [];
});
afterEach(() => vi.useRealTimers());

describe('hover intent', () => {
  it('shows only after the pointer rests on a mark for the delay', () => {
    const i = make();
    i.markEnter(cvid);
    vi.advanceTimersByTime(299);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show cvid']);
    expect(i.state).toBe('open');
  });

  it('shows nothing when the pointer only passes over a mark', () => {
    const i = make();
    i.markEnter(cvid);
    vi.advanceTimersByTime(200);
    i.markLeave();
    vi.advanceTimersByTime(2000);
    expect(log).toEqual([]);
  });

  it('follows a changed delay', () => {
    const i = make();
    i.setShowDelay(800);
    i.markEnter(cvid);
    vi.advanceTimersByTime(700);
    expect(log).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['show cvid']);
  });

  it('hides about 300 ms after the pointer leaves the mark', () => {
    const i = make();
    i.showNow(cvid);
    i.markLeave();
    vi.advanceTimersByTime(299);
    expect(i.state).toBe('open');
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['show cvid', 'hide leave']);
    expect(i.state).toBe('closed');
  });

  it('stays open while the pointer is inside the card, and hides after it leaves', () => {
    const i = make();
    i.showNow(cvid);
    i.markLeave();
    vi.advanceTimersByTime(150);
    i.cardEnter();
    vi.advanceTimersByTime(5000);
    expect(i.state).toBe('open');
    i.cardLeave();
    vi.advanceTimersByTime(300);
    expect(i.state).toBe('closed');
  });

  it('stays open when the pointer comes back to the same mark', () => {
    const i = make();
    i.showNow(cvid);
    i.markLeave();
    vi.advanceTimersByTime(200);
    i.markEnter({ id: 'cvid' });
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['show cvid']);
  });

  it('replaces the card when another mark is hovered: one card at a time', () => {
    const i = make();
    i.showNow(cvid);
    i.markLeave();
    i.markEnter(kim);
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['show cvid', 'show kim']);
    expect(i.anchor).toBe(kim);
  });

  it('keeps a pinned card through mouse-outs and other marks until an outside press', () => {
    const i = make();
    i.showNow(cvid);
    i.cardEnter();
    i.pin();
    i.cardLeave();
    i.markEnter(kim);
    vi.advanceTimersByTime(10_000);
    expect(i.state).toBe('pinned');
    i.pointerDown(true); // a press inside the card keeps it
    expect(i.state).toBe('pinned');
    i.pointerDown(false);
    expect(log).toEqual(['show cvid', 'hide outside']);
  });

  it('closes at once on Escape, pinned or not, and says whether it closed anything', () => {
    const i = make();
    expect(i.escape()).toBe(false);
    i.showNow(cvid, { pin: true });
    expect(i.escape()).toBe(true);
    expect(log).toEqual(['show cvid', 'hide escape']);
  });

  it('Escape also cancels a card about to show', () => {
    const i = make();
    i.markEnter(cvid);
    i.escape();
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
  });

  it('shows nothing while a mouse button is down (text being selected)', () => {
    const i = make();
    i.markEnter(cvid);
    i.pointerDown(false);
    vi.advanceTimersByTime(1000);
    i.markEnter(kim);
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
    i.pointerUp();
    i.markEnter(kim);
    vi.advanceTimersByTime(300);
    expect(log).toEqual(['show kim']);
  });

  it('leaves no timer behind after destroy', () => {
    const i = make();
    i.markEnter(cvid);
    i.destroy();
    vi.advanceTimersByTime(1000);
    expect(log).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
