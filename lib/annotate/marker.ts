/**
 * One interface for marking mentions on the page. `HighlightMarker` (CSS Custom Highlight API)
 * adds no element to the page; `WrapperMarker` wraps text in <nk-mark> where that API is missing.
 */
import type { TextRun } from './runs';
import { HighlightMarker, supportsHighlights } from './marks-highlight';
import { WrapperMarker } from './marks-wrapper';

export interface Mark {
  readonly id: number;
  readonly entryId: string;
  /** The mention exactly as the page writes it. */
  readonly text: string;
}

/** `hover`: nothing shows until a mark is focused. */
export type MarkStyle = 'underline' | 'background' | 'hover';

export interface Marker {
  readonly kind: 'highlight' | 'wrapper';
  /** Mark `[start, end)` of a run (the run's nodes must still hold the text they held when collected). */
  add(run: TextRun, start: number, end: number, entryId: string): Mark;
  remove(mark: Mark): void;
  /** Remove every mark; the wrapper marker restores the page's DOM exactly. */
  clear(): void;
  /** Marks in document order. */
  marks(): Mark[];
  /** The mark under a viewport point, or null. */
  markAt(x: number, y: number): Mark | null;
  rangeOf(mark: Mark): Range;
  rectsOf(mark: Mark): DOMRect[];
  focus(mark: Mark | null): void;
  /** Briefly emphasise a mark (after "Show on page"). */
  flash(mark: Mark): void;
  setStyle(style: MarkStyle): void;
  /** clear() and remove the styles. The marker is unusable afterwards. */
  destroy(): void;
}


/** The Highlight-API marker where `CSS.highlights` exists (no page element added), else wrappers. */
export function createMarker(doc: Document, style: MarkStyle = 'underline'): Marker {
  if (supportsHighlights(doc)) {
    try {
      return new HighlightMarker(doc, style);
    } catch {
      // A realm that exposes the API but refuses our objects: fall back to wrappers.
    }
  }
  return new WrapperMarker(doc, style);
}
