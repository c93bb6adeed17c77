/** Helpers shared by the two markers. */
import type { Mark, Marker } from './marker';

/** How long a flash lasts. */
export const FLASH_MS = 1600;

/** Order two ranges by their start, in document order. */
export function compareRanges(a: Range, b: Range): number {
  if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
  const pos = a.startContainer.compareDocumentPosition(b.startContainer);
  return pos & 0x04 /* FOLLOWING */ ? -1 : pos & 0x02 /* PRECEDING */ ? 1 : 0;
}

/** Is the point inside one of the rects (a pixel of slack for sub-pixel layout)? */
export function rectAt(rects: ArrayLike<DOMRect>, x: number, y: number): DOMRect | null {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return r;
  }
  return null;
}

/** A mark is intact while its text is still in the document, unchanged. */
export function isIntact(marker: Marker, mark: Mark): boolean {
  const range = marker.rangeOf(mark);
  return range.startContainer.isConnected && range.endContainer.isConnected && range.toString() === mark.text;
}
