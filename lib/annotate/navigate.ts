/** Moving the reader to a mark: where stepping starts, and scrolling a mark into the middle of the view. */
import type { Mark } from './marker';

/** With nothing focused, stepping starts from the viewport: the first mark below its top (or the last above its bottom). */
export function firstInView(doc: Document, list: Mark[], rangeOf: (m: Mark) => Range, direction: 1 | -1): number {
  const height = doc.defaultView?.innerHeight ?? 0;
  if (direction > 0) {
    const i = list.findIndex((m) => rangeOf(m).getBoundingClientRect().top >= 0);
    return i >= 0 ? i : 0;
  }
  for (let i = list.length - 1; i >= 0; i--) if (rangeOf(list[i]!).getBoundingClientRect().bottom <= height) return i;
  return list.length - 1;
}

/** Bring a range into view (nested scrollers first), then centre it in the window. */
export function scrollToRange(doc: Document, range: Range): void {
  const win = doc.defaultView;
  const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
  el?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  const rect = range.getBoundingClientRect?.();
  if (!win || !rect || rect.height === 0) return;
  const reduce = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  win.scrollBy?.({ top: rect.top + rect.height / 2 - win.innerHeight / 2, behavior: reduce ? 'auto' : 'smooth' });
}
