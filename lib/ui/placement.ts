/**
 * Where a hover card goes: below the mention by default, above when below is too cramped, always
 * fully inside the viewport. Pure: rects in, numbers out (all in CSS px, viewport coordinates).
 */
export interface RectLike {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface Size {
  width: number;
  height: number;
}
export interface PlaceOptions {
  /** Space between the mention and the card. */
  gap?: number;
  /** Minimum space between the card and the viewport's edges. */
  margin?: number;
  /** Where the pointer is: picks the line of a multi-line mention. */
  pointer?: { x: number; y: number };
}
export interface Placement {
  left: number;
  top: number;
  side: 'below' | 'above';
  /** The card's width: the requested width, narrowed to fit the viewport. */
  width: number;
  /** The height the card may take; when smaller than its natural height it scrolls inside. */
  maxHeight: number;
}

export const CARD_WIDTH = 360;

/** The rect of the line the pointer is on (or nearest to), else the first line. */
export function pickLine(rects: readonly RectLike[], pointer?: { x: number; y: number }): RectLike | undefined {
  const lines = rects.filter((r) => r.right > r.left || r.bottom > r.top);
  const all = lines.length > 0 ? lines : rects;
  if (!pointer || all.length < 2) return all[0];
  let best = all[0];
  let bestDistance = Infinity;
  for (const r of all) {
    const dy = pointer.y < r.top ? r.top - pointer.y : pointer.y > r.bottom ? pointer.y - r.bottom : 0;
    const dx = pointer.x < r.left ? r.left - pointer.x : pointer.x > r.right ? pointer.x - r.right : 0;
    const distance = dy * 10000 + dx; // the line first, then the nearest part of it
    if (distance < bestDistance) {
      best = r;
      bestDistance = distance;
    }
  }
  return best;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

export function placeCard(
  anchorRects: readonly RectLike[],
  cardSize: Size,
  viewport: Size,
  { gap = 8, margin = 8, pointer }: PlaceOptions = {},
): Placement {
  const width = Math.max(0, Math.min(cardSize.width, viewport.width - 2 * margin));
  const usableHeight = Math.max(0, viewport.height - 2 * margin);
  const line = pickLine(anchorRects, pointer) ?? { left: margin, right: margin, top: margin, bottom: margin };

  const roomBelow = viewport.height - margin - (line.bottom + gap);
  const roomAbove = line.top - gap - margin;
  const height = Math.min(cardSize.height, usableHeight);
  let side: Placement['side'];
  if (height <= roomBelow) side = 'below';
  else if (height <= roomAbove) side = 'above';
  else side = roomAbove > roomBelow ? 'above' : 'below';

  // Shrink to the room on the chosen side when that keeps the card clear of the mention;
  // if neither side has usable room (a mention taller than the viewport), overlap it instead.
  const room = Math.max(side === 'below' ? roomBelow : roomAbove, 0);
  const maxHeight = Math.floor(room >= Math.min(height, 120) ? Math.min(height, room) : height);
  let top = side === 'below' ? line.bottom + gap : line.top - gap - maxHeight;
  top = clamp(top, margin, Math.max(margin, viewport.height - margin - maxHeight));
  const left = clamp(line.left, margin, Math.max(margin, viewport.width - margin - width));
  return { left, top, side, width, maxHeight: Math.max(0, maxHeight) };
}
