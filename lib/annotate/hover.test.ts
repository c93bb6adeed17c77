import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackHover } from './hover';
import type { Mark } from './marker';

const kim: Mark = { id: 1, entryId: 'kim', text: 'Kim' };
const trump: Mark = { id: 2, entryId: 'trump', text: 'Trump' };
const rect = (left: number, top: number, w = 40, h = 16) => new DOMRect(left, top, w, h);

/** A marker whose marks sit at fixed rectangles. */
const fakeMarker = {
  markAt: (x: number, y: number) => (y < 20 ? (x < 50 ? kim : x >= 100 ? trump : null) : null),
  rectsOf: (m: Mark) => (m === kim ? [rect(0, 0)] : [rect(100, 0)]),
};

describe('trackHover', () => {
  let frames: (() => void)[] = [];
  beforeEach(() => {
    frames = [];
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((cb) => frames.push(() => cb(0)));
    vi.spyOn(window, 'cancelAnimationFrame').mockImplementation((id) => void (frames[id - 1] = () => undefined));
  });
  afterEach(() => vi.restoreAllMocks());
  const runFrames = () => frames.splice(0).forEach((f) => f());
  const move = (x: number, y: number, buttons = 0) =>
    document.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, buttons, bubbles: true }));

  it('reports entering and leaving marks, hit-testing once per frame', () => {
    const events: string[] = [];
    const tracker = trackHover(document, fakeMarker, {
      onEnter: (m, r) => events.push(`enter ${m.entryId} @${r.left}`),
      onLeave: (m) => events.push(`leave ${m.entryId}`),
    });
    const markAt = vi.spyOn(fakeMarker, 'markAt');
    move(10, 5);
    move(12, 5);
    move(14, 5);
    expect(frames).toHaveLength(1);
    runFrames();
    expect(markAt).toHaveBeenCalledTimes(1);
    expect(events).toEqual(['enter kim @0']);
    expect(tracker.current()).toBe(kim);
    move(20, 6);
    runFrames();
    expect(events).toEqual(['enter kim @0']); // same mark: no repeat
    move(110, 5);
    runFrames();
    move(70, 5);
    runFrames();
    expect(events).toEqual(['enter kim @0', 'leave kim', 'enter trump @100', 'leave trump']);
    tracker.destroy();
  });

  it('ignores moves while a mouse button is down (selecting text)', () => {
    const onEnter = vi.fn();
    const tracker = trackHover(document, fakeMarker, { onEnter, onLeave: vi.fn() });
    move(10, 5, 1);
    runFrames();
    expect(onEnter).not.toHaveBeenCalled();
    tracker.destroy();
  });

  it('leaves when the pointer leaves the window', () => {
    const onLeave = vi.fn();
    const tracker = trackHover(document, fakeMarker, { onEnter: vi.fn(), onLeave });
    move(10, 5);
    runFrames();
    document.dispatchEvent(new PointerEvent('pointerout', { relatedTarget: null }));
    expect(onLeave).toHaveBeenCalledWith(kim);
    tracker.destroy();
  });

  it('removes every listener it added on destroy, and reports nothing after', () => {
    const add = vi.spyOn(document, 'addEventListener');
    const remove = vi.spyOn(document, 'removeEventListener');
    const onEnter = vi.fn();
    const tracker = trackHover(document, fakeMarker, { onEnter, onLeave: vi.fn() });
    move(10, 5); // a frame is pending when destroyed
    tracker.destroy();
    expect(add.mock.calls.length).toBeGreaterThan(0);
    const key = (c: unknown[]) => `${String(c[0])}|${(c[2] as AddEventListenerOptions)?.capture ?? false}`;
    expect(remove.mock.calls.map(key).sort()).toEqual(add.mock.calls.map(key).sort());
    remove.mock.calls.forEach((c) => expect(c[1]).toBe(add.mock.calls.find((a) => a[0] === c[0])![1]));
    expect(remove.mock.calls.length).toBe(add.mock.calls.length);
    move(10, 5);
    runFrames();
    expect(onEnter).not.toHaveBeenCalled();
  });
});
