/**
 * Which mark is under the pointer: one passive pointermove listener, hit-tested at most once per
 * animation frame. Moves with a button down (selecting, dragging) are ignored; scrolling
 * re-tests the last pointer position, since the text moves under a still pointer.
 */
import type { Mark, Marker } from './marker';
import { rectAt } from './mark-utils';

export interface HoverHandlers {
  onEnter(mark: Mark, rect: DOMRect): void;
  onLeave(mark: Mark): void;
}

export interface HoverTracker {
  /** The mark under the pointer, if any. */
  current(): Mark | null;
  destroy(): void;
}

export function trackHover(doc: Document, marker: Pick<Marker, 'markAt' | 'rectsOf'>, handlers: HoverHandlers): HoverTracker {
  const win = doc.defaultView;
  const frame = win?.requestAnimationFrame ? (cb: () => void) => win.requestAnimationFrame(cb) : (cb: () => void) => setTimeout(cb, 16) as unknown as number;
  const cancelFrame = win?.cancelAnimationFrame ? (id: number) => win.cancelAnimationFrame(id) : (id: number) => clearTimeout(id);
  let current: Mark | null = null;
  let x = 0;
  let y = 0;
  let known = false;
  let pendingFrame: number | null = null;
  let destroyed = false;

  function request(): void {
    if (pendingFrame === null) pendingFrame = frame(test);
  }

  function test(): void {
    pendingFrame = null;
    if (!known || destroyed) return;
    let mark: Mark | null = null;
    try {
      mark = marker.markAt(x, y);
    } catch {
      mark = null; // a mark removed between frames
    }
    if (mark?.id === current?.id) return;
    leave();
    if (!mark) return;
    current = mark;
    const rects = marker.rectsOf(mark);
    const rect = rectAt(rects, x, y) ?? rects[0];
    if (rect) handlers.onEnter(mark, rect);
  }

  function leave(): void {
    const was = current;
    current = null;
    if (was) handlers.onLeave(was);
  }

  const onMove = (e: PointerEvent) => {
    if (e.buttons !== 0) return;
    x = e.clientX;
    y = e.clientY;
    known = true;
    request();
  };
  const onScroll = () => {
    if (known) request();
  };
  const onOut = (e: PointerEvent) => {
    // Left the window.
    if (e.relatedTarget === null) {
      known = false;
      leave();
    }
  };

  const passive: AddEventListenerOptions = { passive: true };
  const capture: AddEventListenerOptions = { passive: true, capture: true };
  doc.addEventListener('pointermove', onMove, passive);
  doc.addEventListener('scroll', onScroll, capture);
  doc.addEventListener('pointerout', onOut, passive);

  return {
    current: () => current,
    destroy() {
      destroyed = true;
      doc.removeEventListener('pointermove', onMove, passive);
      doc.removeEventListener('scroll', onScroll, capture);
      doc.removeEventListener('pointerout', onOut, passive);
      if (pendingFrame !== null) cancelFrame(pendingFrame);
      pendingFrame = null;
      current = null;
    },
  };
}
