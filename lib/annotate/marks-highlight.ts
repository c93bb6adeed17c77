/**
 * Marks drawn with the CSS Custom Highlight API: ranges registered in `CSS.highlights`; the page's
 * DOM is never touched. Hit-testing goes caret position → per-Text-node index → client rects.
 */
import { compareRanges, FLASH_MS, rectAt } from './mark-utils';
import type { Mark, Marker, MarkStyle } from './marker';
import { highlightCss, installSheet } from './mark-styles';
import type { InstalledSheet } from './mark-styles';
import { runPieces, runRange } from './runs';
import type { TextRun } from './runs';

export const HIGHLIGHT_NAMES = { mark: 'nk-mark', focus: 'nk-mark-focus', flash: 'nk-mark-flash' } as const;

interface Item {
  mark: Mark;
  range: Range;
  /** Node-local spans, for the per-node index. */
  pieces: { node: Text; start: number; end: number }[];
}

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

export function supportsHighlights(doc: Document): boolean {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  return !!win && typeof win.CSS !== 'undefined' && !!win.CSS.highlights && typeof (win as { Highlight?: unknown }).Highlight === 'function';
}

export class HighlightMarker implements Marker {
  readonly kind = 'highlight' as const;
  private readonly items = new Map<number, Item>();
  private readonly byNode = new Map<Text, Item[]>();
  private readonly base: Highlight;
  private readonly focusH: Highlight;
  private readonly flashH: Highlight;
  private readonly sheet: InstalledSheet;
  private readonly registry: HighlightRegistry;
  private sorted: Mark[] | null = [];
  private seq = 0;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly doc: Document, style: MarkStyle = 'underline') {
    const win = doc.defaultView as Window & typeof globalThis & { Highlight: HighlightCtor };
    this.registry = win.CSS.highlights;
    this.base = new win.Highlight();
    this.focusH = new win.Highlight();
    this.flashH = new win.Highlight();
    this.focusH.priority = 1;
    this.flashH.priority = 2;
    this.registry.set(HIGHLIGHT_NAMES.mark, this.base);
    this.registry.set(HIGHLIGHT_NAMES.focus, this.focusH);
    this.registry.set(HIGHLIGHT_NAMES.flash, this.flashH);
    this.sheet = installSheet(doc, highlightCss(style));
  }

  add(run: TextRun, start: number, end: number, entryId: string): Mark {
    const mark: Mark = { id: ++this.seq, entryId, text: run.text.slice(start, end) };
    const item: Item = { mark, range: runRange(run, start, end), pieces: runPieces(run, start, end) };
    this.items.set(mark.id, item);
    for (const p of item.pieces) {
      const list = this.byNode.get(p.node);
      if (list) list.push(item);
      else this.byNode.set(p.node, [item]);
    }
    this.base.add(item.range);
    this.sorted = null;
    return mark;
  }

  remove(mark: Mark): void {
    const item = this.items.get(mark.id);
    if (!item) return;
    this.items.delete(mark.id);
    for (const p of item.pieces) {
      const list = this.byNode.get(p.node);
      if (!list) continue;
      const rest = list.filter((i) => i !== item);
      if (rest.length) this.byNode.set(p.node, rest);
      else this.byNode.delete(p.node);
    }
    this.base.delete(item.range);
    this.focusH.delete(item.range);
    this.flashH.delete(item.range);
    this.sorted = null;
  }

  clear(): void {
    this.items.clear();
    this.byNode.clear();
    this.base.clear();
    this.focusH.clear();
    this.flashH.clear();
    this.sorted = [];
  }

  marks(): Mark[] {
    if (!this.sorted) {
      const items = [...this.items.values()].sort((a, b) => compareRanges(a.range, b.range));
      this.sorted = items.map((i) => i.mark);
    }
    return this.sorted.slice();
  }

  markAt(x: number, y: number): Mark | null {
    const caret = caretAt(this.doc, x, y);
    if (!caret || caret.node.nodeType !== 3) return null;
    // Caret APIs snap to the nearest character: check the neighbours too, then the real rects.
    const nodes = [caret.node, caret.node.previousSibling, caret.node.nextSibling];
    for (const node of nodes) {
      const list = node && node.nodeType === 3 ? this.byNode.get(node as Text) : undefined;
      if (!list) continue;
      for (const item of list) {
        if (rectAt(item.range.getClientRects(), x, y)) return item.mark;
      }
    }
    return null;
  }

  rangeOf(mark: Mark): Range {
    const item = this.items.get(mark.id);
    if (!item) throw new Error(`No mark ${mark.id}`);
    return item.range;
  }

  rectsOf(mark: Mark): DOMRect[] {
    return Array.from(this.rangeOf(mark).getClientRects());
  }

  focus(mark: Mark | null): void {
    this.focusH.clear();
    const item = mark && this.items.get(mark.id);
    if (item) this.focusH.add(item.range);
  }

  flash(mark: Mark): void {
    const item = this.items.get(mark.id);
    if (!item) return;
    clearTimeout(this.flashTimer);
    this.flashH.clear();
    this.flashH.add(item.range);
    this.flashTimer = setTimeout(() => this.flashH.clear(), FLASH_MS);
  }

  setStyle(style: MarkStyle): void {
    this.sheet.update(highlightCss(style));
  }

  destroy(): void {
    clearTimeout(this.flashTimer);
    this.clear();
    // Unregister only our own highlights, in case the page reused a name after us.
    if (this.registry.get(HIGHLIGHT_NAMES.mark) === this.base) this.registry.delete(HIGHLIGHT_NAMES.mark);
    if (this.registry.get(HIGHLIGHT_NAMES.focus) === this.focusH) this.registry.delete(HIGHLIGHT_NAMES.focus);
    if (this.registry.get(HIGHLIGHT_NAMES.flash) === this.flashH) this.registry.delete(HIGHLIGHT_NAMES.flash);
    this.sheet.remove();
  }
}

/** The text position under a viewport point (standard API first, then WebKit/Blink's older one). */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}
