/**
 * Fallback marks: each mention's text wrapped in <nk-mark data-nk-entry="id"> (one wrapper per
 * Text-node piece of the mention). Splitting is reversible: the original Text node always stays
 * the first piece of itself (splitText keeps the head), so restoring merges the pieces back into
 * it, and the page's own references to its text nodes stay valid.
 */
import { WRAPPER_TAG } from './dom-rules';
import { FLASH_MS } from './mark-utils';
import type { Mark, Marker, MarkStyle } from './marker';
import { installSheet, wrapperCss } from './mark-styles';
import type { InstalledSheet } from './mark-styles';
import { runPieces } from './runs';
import type { TextRun } from './runs';

interface Piece {
  node: Text;
  wrapper: Element | null;
}
/** One original Text node of the page and the pieces it is currently split into (first = original). */
interface Split {
  pieces: Piece[];
}
interface Item {
  mark: Mark;
  pieces: Piece[];
  splits: Set<Split>;
}

export class WrapperMarker implements Marker {
  readonly kind = 'wrapper' as const;
  private readonly items = new Map<number, Item>();
  private readonly owner = new Map<Text, Split>();
  private readonly byWrapper = new WeakMap<Element, Mark>();
  private readonly sheet: InstalledSheet;
  private sorted: Mark[] | null = [];
  private seq = 0;
  private focused: Item | null = null;
  private flashed: Item | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;

  /** The page defined its own `nk-mark` element: wrapping would hand our text to its code. */
  private readonly tagTaken: boolean;

  constructor(private readonly doc: Document, style: MarkStyle = 'underline') {
    this.sheet = installSheet(doc, wrapperCss(style));
    this.tagTaken = isDefinedByPage(doc.createElement(WRAPPER_TAG));
  }

  add(run: TextRun, start: number, end: number, entryId: string): Mark {
    const mark: Mark = { id: ++this.seq, entryId, text: run.text.slice(start, end) };
    const item: Item = { mark, pieces: [], splits: new Set() };
    for (const seg of runPieces(run, start, end)) {
      let split = this.owner.get(seg.node);
      if (!split) {
        split = { pieces: [{ node: seg.node, wrapper: null }] };
        this.owner.set(seg.node, split);
      }
      const base = offsetOf(split, seg.node);
      item.pieces.push(...this.wrapSpan(split, base + seg.start, base + seg.end, mark));
      item.splits.add(split);
    }
    this.items.set(mark.id, item);
    this.sorted = null;
    return mark;
  }

  /** Split unwrapped pieces of `split` so that `[s, e)` (offsets in the original text) is wrapped. */
  private wrapSpan(split: Split, s: number, e: number, mark: Mark): Piece[] {
    const out: Piece[] = [];
    const { pieces } = split;
    let pos = 0;
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      const ps = pos;
      const pe = ps + p.node.length;
      pos = pe;
      if (ps >= e) break;
      if (pe <= s || p.wrapper) continue; // already another mark's: overlapping marks are not nested
      if (ps < s) {
        // Keep the head unwrapped; the tail becomes the next piece and is handled next round.
        this.insertPiece(split, i + 1, p.node.splitText(s - ps));
        pos = s;
        continue;
      }
      if (pe > e) this.insertPiece(split, i + 1, p.node.splitText(e - ps));
      pos = ps + p.node.length;
      this.wrap(p, mark);
      out.push(p);
    }
    return out;
  }

  private insertPiece(split: Split, at: number, node: Text): void {
    split.pieces.splice(at, 0, { node, wrapper: null });
    this.owner.set(node, split);
  }

  private wrap(piece: Piece, mark: Mark): void {
    const parent = piece.node.parentNode;
    if (!parent || this.tagTaken) return;
    const w = this.doc.createElement(WRAPPER_TAG);
    w.setAttribute('data-nk-entry', mark.entryId);
    parent.insertBefore(w, piece.node);
    w.appendChild(piece.node);
    piece.wrapper = w;
    this.byWrapper.set(w, mark);
  }

  remove(mark: Mark): void {
    const item = this.items.get(mark.id);
    if (!item) return;
    this.items.delete(mark.id);
    if (this.focused === item) this.focused = null;
    if (this.flashed === item) this.flashed = null;
    for (const p of item.pieces) unwrap(p);
    for (const split of item.splits) this.tidy(split);
    this.sorted = null;
  }

  /** Merge adjacent unwrapped pieces back; a fully merged split is the page's original node again. */
  private tidy(split: Split): void {
    const { pieces } = split;
    for (let i = pieces.length - 1; i > 0; i--) {
      const a = pieces[i - 1]!;
      const b = pieces[i]!;
      if (a.wrapper || b.wrapper || a.node.nextSibling !== b.node) continue;
      a.node.appendData(b.node.data);
      b.node.remove();
      pieces.splice(i, 1);
      this.owner.delete(b.node);
    }
    if (pieces.length === 1 && !pieces[0]!.wrapper) this.owner.delete(pieces[0]!.node);
  }

  clear(): void {
    for (const item of [...this.items.values()]) this.remove(item.mark);
    // Pieces the page moved apart cannot be merged; forget them rather than guess.
    this.owner.clear();
    this.sorted = [];
  }

  marks(): Mark[] {
    if (!this.sorted) {
      const items = [...this.items.values()].filter((i) => i.pieces.length > 0);
      items.sort((a, b) => {
        const pos = a.pieces[0]!.node.compareDocumentPosition(b.pieces[0]!.node);
        return pos & 0x04 ? -1 : pos & 0x02 ? 1 : 0;
      });
      this.sorted = items.map((i) => i.mark);
    }
    return this.sorted.slice();
  }

  markAt(x: number, y: number): Mark | null {
    const hit = this.doc.elementFromPoint(x, y);
    const w = hit?.closest(`${WRAPPER_TAG}[data-nk-entry]`);
    return (w && this.byWrapper.get(w)) ?? null;
  }

  rangeOf(mark: Mark): Range {
    const item = this.items.get(mark.id);
    if (!item) throw new Error(`No mark ${mark.id}`);
    const range = this.doc.createRange();
    const first = item.pieces[0];
    const last = item.pieces[item.pieces.length - 1];
    if (first && last) {
      range.setStart(first.node, 0);
      range.setEnd(last.node, last.node.length);
    }
    return range;
  }

  rectsOf(mark: Mark): DOMRect[] {
    return Array.from(this.rangeOf(mark).getClientRects());
  }

  focus(mark: Mark | null): void {
    if (this.focused) setFlag(this.focused, 'data-nk-focus', false);
    this.focused = (mark && this.items.get(mark.id)) ?? null;
    if (this.focused) setFlag(this.focused, 'data-nk-focus', true);
  }

  flash(mark: Mark): void {
    const item = this.items.get(mark.id);
    if (!item) return;
    clearTimeout(this.flashTimer);
    if (this.flashed) setFlag(this.flashed, 'data-nk-flash', false);
    this.flashed = item;
    setFlag(item, 'data-nk-flash', true);
    this.flashTimer = setTimeout(() => {
      if (this.flashed) setFlag(this.flashed, 'data-nk-flash', false);
      this.flashed = null;
    }, FLASH_MS);
  }

  setStyle(style: MarkStyle): void {
    this.sheet.update(wrapperCss(style));
  }

  destroy(): void {
    clearTimeout(this.flashTimer);
    this.clear();
    this.sheet.remove();
  }
}

function offsetOf(split: Split, node: Text): number {
  let pos = 0;
  for (const p of split.pieces) {
    if (p.node === node) return pos;
    pos += p.node.length;
  }
  return pos;
}

function unwrap(piece: Piece): void {
  const w = piece.wrapper;
  if (!w) return;
  piece.wrapper = null;
  if (w.parentNode) {
    w.parentNode.insertBefore(piece.node, w);
    w.remove();
  } else if (piece.node.parentNode === w) {
    w.removeChild(piece.node);
  }
}

function setFlag(item: Item, attr: string, on: boolean): void {
  for (const p of item.pieces) {
    if (on) p.wrapper?.setAttribute(attr, '');
    else p.wrapper?.removeAttribute(attr);
  }
}

function isDefinedByPage(el: Element): boolean {
  try {
    return el.matches(':defined');
  } catch {
    return false;
  }
}
