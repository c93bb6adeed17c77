/** Measure and place the card container next to its mark (DOM side of placement.ts). */
import { CARD_WIDTH, placeCard } from '../placement';
import type { RectLike, Size } from '../placement';

/** The viewport without scrollbars. */
export function viewportOf(doc: Document): Size {
  const win = doc.defaultView;
  return {
    width: doc.documentElement.clientWidth || win?.innerWidth || 0,
    height: doc.documentElement.clientHeight || win?.innerHeight || 0,
  };
}

export function isInViewport(rects: readonly RectLike[], vp: Size): boolean {
  return rects.some((r) => r.bottom > 0 && r.top < vp.height && r.right > 0 && r.left < vp.width);
}

export function placeContainer(
  container: HTMLElement,
  rects: readonly RectLike[],
  vp: Size,
  pointer?: { x: number; y: number },
): void {
  const style = container.style;
  // Measure the natural height at the final width before choosing a side.
  style.width = `${Math.min(CARD_WIDTH, vp.width - 16)}px`;
  style.maxHeight = 'none';
  const natural = container.scrollHeight || container.getBoundingClientRect().height;
  const p = placeCard(rects, { width: CARD_WIDTH, height: natural }, vp, { pointer });
  style.left = `${p.left}px`;
  style.top = `${p.top}px`;
  style.width = `${p.width}px`;
  style.maxHeight = `${p.maxHeight}px`;
  container.dataset.side = p.side;
}
