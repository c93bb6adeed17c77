import { describe, expect, it } from 'vitest';
import { placeCard, pickLine } from './placement';
import type { Placement, RectLike, Size } from './placement';

const rect = (left: number, top: number, width = 80, height = 18): RectLike =>
  ({ left, top, right: left + width, bottom: top + height });
const viewport: Size = { width: 1024, height: 768 };
const card: Size = { width: 360, height: 240 };

function expectInside(p: Placement, vp: Size, margin = 8) {
  expect(p.left).toBeGreaterThanOrEqual(margin);
  expect(p.top).toBeGreaterThanOrEqual(margin);
  expect(p.left + p.width).toBeLessThanOrEqual(vp.width - margin);
  expect(p.top + p.maxHeight).toBeLessThanOrEqual(vp.height - margin);
}

describe('placeCard', () => {
  it('puts the card below the mention, left-aligned with it, 8 px apart', () => {
    const p = placeCard([rect(200, 100)], card, viewport);
    expect(p).toEqual({ left: 200, top: 126, side: 'below', width: 360, maxHeight: 240 });
  });

  it('flips above a mention near the bottom of the viewport', () => {
    const p = placeCard([rect(200, 700)], card, viewport);
    expect(p.side).toBe('above');
    expect(p.top + p.maxHeight).toBe(700 - 8);
    expectInside(p, viewport);
  });

  it('stays fully inside near every edge and corner', () => {
    const spots = [
      rect(0, 0), rect(1000, 0, 24), rect(0, 750), rect(1000, 750, 24), rect(500, 0),
      rect(500, 750), rect(-50, 300), rect(1100, 300), rect(300, -30), rect(300, 800),
    ];
    for (const spot of spots) expectInside(placeCard([spot], card, viewport), viewport);
  });

  it('narrows the card on a narrow viewport and keeps it inside', () => {
    const phone = { width: 320, height: 560 };
    const p = placeCard([rect(250, 100)], card, phone);
    expect(p.width).toBe(304);
    expect(p.left).toBe(8);
    expectInside(p, phone);
  });

  it('shrinks the card to the larger room when it fits on neither side, so it scrolls', () => {
    const short = { width: 1024, height: 400 };
    const tall = { width: 360, height: 600 };
    const p = placeCard([rect(100, 120)], tall, short);
    expect(p.side).toBe('below');
    expect(p.maxHeight).toBe(400 - 8 - (138 + 8));
    expect(p.top).toBe(146); // still clear of the mention
    expectInside(p, short);
  });

  it('never lets the card cover the mention when there is room on one side', () => {
    const p = placeCard([rect(100, 380)], { width: 360, height: 500 }, viewport);
    const mentionTop = 380, mentionBottom = 398;
    const coversMention = p.top < mentionBottom && p.top + p.maxHeight > mentionTop;
    expect(coversMention).toBe(false);
  });

  it('uses the line under the pointer for a mention that wraps', () => {
    const lines = [rect(900, 100, 120), rect(0, 120, 60)];
    const p = placeCard(lines, card, viewport, { pointer: { x: 20, y: 130 } });
    expect(p.left).toBe(8);
    expect(p.top).toBe(146);
    const first = placeCard(lines, card, viewport);
    expect(first.top).toBe(126);
  });
});

describe('pickLine', () => {
  it('skips empty rects and picks the nearest line to the pointer', () => {
    const lines = [rect(0, 0, 0, 0), rect(10, 100), rect(10, 130)];
    expect(pickLine(lines)).toBe(lines[1]);
    expect(pickLine(lines, { x: 0, y: 160 })).toBe(lines[2]);
  });
});
