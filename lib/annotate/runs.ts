/**
 * The page's visible text as runs: one run per block of inline content, so that a mention split
 * across inline elements (`<em>Kim</em> Jong Un`) is one string. Offsets in `text` map back to
 * (Text node, offset) through `starts`. One TreeWalker pass, resumable so that it can be sliced.
 */
import type { Zone } from '../scan/types';
import { blockOf, isBlock, isInsideSkipped, isSkipped } from './dom-rules';
import { zoneOf } from './zone';

export interface TextRun {
  text: string;
  nodes: Text[];
  /** Offset of `nodes[i]` in `text`. */
  starts: number[];
  zone: Zone;
  /** The block element the run belongs to. */
  block: Element;
}

export interface RunOptions {
  /** Extra elements to skip with their subtree, on top of the built-in rules. */
  skip?: (el: Element) => boolean;
}

const SHOW = 0x1 | 0x4; // NodeFilter.SHOW_ELEMENT | SHOW_TEXT (no global NodeFilter in every realm)
const NON_SPACE = /\S/;

interface Building {
  block: Element;
  nodes: Text[];
  starts: number[];
  parts: string[];
  length: number;
  visible: boolean;
}

/** Walks roots in document order; call `step()` until it returns true, then read `runs`. */
export class RunCollector {
  readonly runs: TextRun[] = [];
  private readonly roots: Node[];
  private walker: TreeWalker | null = null;
  /** The node after a skipped subtree, to visit before asking the walker again. */
  private next: Node | null = null;
  private current: Building | null = null;
  private readonly blocks = new Map<Element, Element>();
  private readonly skip: (el: Element) => boolean;

  constructor(roots: Node[], options: RunOptions = {}) {
    this.roots = roots.slice().reverse();
    const extra = options.skip;
    this.skip = extra ? (el) => isSkipped(el) || extra(el) : isSkipped;
  }

  /** Visit up to `budget` nodes; returns true when every root is done. */
  step(budget = 400): boolean {
    while (budget-- > 0) {
      const walker = this.walker;
      if (!walker) {
        const root = this.roots.pop();
        if (!root) {
          this.flush();
          return true;
        }
        this.open(root);
        continue;
      }
      let node = this.next ?? walker.nextNode();
      this.next = null;
      if (!node) {
        this.flush();
        this.walker = null;
      } else if (node.nodeType === 3) {
        this.addText(node as Text);
      } else if (node.nodeType !== 1) {
        // a comment or such, reached by skipping a subtree
      } else if (this.skip(node as Element)) {
        this.flush();
        this.next = skipSubtree(walker, node);
        if (!this.next) this.walker = null; // the skipped subtree ends the root
      } else if (isBlock(node as Element)) {
        this.flush();
      }
    }
    return false;
  }

  private open(root: Node): void {
    this.flush();
    if (isInsideSkipped(root) || (root.nodeType === 1 && this.skip(root as Element))) return;
    if (root.nodeType === 3) {
      this.addText(root as Text);
      this.flush();
      return;
    }
    // No NodeFilter: a filter callback per node costs more than the rest of the walk together.
    const doc = root.ownerDocument ?? (root as Document);
    this.walker = doc.createTreeWalker(root, SHOW);
  }

  private blockFor(text: Text): Element | null {
    const parent = text.parentElement;
    if (!parent) return null;
    let block = this.blocks.get(parent);
    if (!block) {
      block = blockOf(parent) ?? parent;
      this.blocks.set(parent, block);
    }
    return block;
  }

  private addText(node: Text): void {
    const data = node.data;
    if (data.length === 0) return;
    const block = this.blockFor(node);
    if (!block) return;
    let run = this.current;
    if (run && run.block !== block) {
      this.flush();
      run = null;
    }
    const visible = NON_SPACE.test(data);
    if (!run) {
      if (!visible) return; // leading white space: not worth a node
      run = this.current = { block, nodes: [], starts: [], parts: [], length: 0, visible: false };
    }
    run.nodes.push(node);
    run.starts.push(run.length);
    run.parts.push(data);
    run.length += data.length;
    run.visible ||= visible;
  }

  private flush(): void {
    const run = this.current;
    this.current = null;
    if (!run || !run.visible) return;
    this.runs.push({ text: run.parts.join(''), nodes: run.nodes, starts: run.starts, zone: zoneOf(run.block), block: run.block });
  }
}

/** Move the walker past `el`'s subtree; the next node to visit, or null at the end of the root. */
function skipSubtree(walker: TreeWalker, el: Node): Node | null {
  for (let n: Node | null = el; n && n !== walker.root; n = n.parentNode) {
    const sibling = n.nextSibling;
    if (sibling) {
      walker.currentNode = sibling;
      return sibling;
    }
  }
  return null;
}

/** Every run under `root`, synchronously. */
export function collectRuns(root: Node, options?: RunOptions): TextRun[] {
  const collector = new RunCollector([root], options);
  while (!collector.step(10_000));
  return collector.runs;
}

/**
 * Roots to re-collect after changes: each node lifted to its block (so a changed word re-forms its
 * whole run), nested roots dropped, detached ones dropped. A node whose block would be the whole
 * page body is kept as is, so a widget appended to <body> does not rescan the page.
 */
export function runRoots(nodes: Iterable<Node>): Node[] {
  const lifted = new Set<Node>();
  for (const node of nodes) {
    if (!node.isConnected) continue;
    const block = blockOf(node);
    const big = !block || block.localName === 'body' || block.localName === 'html';
    lifted.add(big ? node : block);
  }
  const out: Node[] = [];
  for (const node of lifted) {
    let nested = false;
    for (let p = node.parentNode; p && !nested; p = p.parentNode) nested = lifted.has(p);
    if (!nested) out.push(node);
  }
  return out;
}

/** Runs of only some subtrees (after mutations). */
export function collectRunsIn(nodes: Iterable<Node>, options?: RunOptions): TextRun[] {
  const collector = new RunCollector(runRoots(nodes), options);
  while (!collector.step(10_000));
  return collector.runs;
}

/**
 * The (Text node, offset) of a run offset. At a boundary between two nodes, `start` bias picks
 * the beginning of the next node and `end` bias the end of the previous one, so ranges stay tight.
 */
export function locate(run: TextRun, offset: number, bias: 'start' | 'end' = 'start'): { node: Text; offset: number } {
  const i = nodeIndex(run, offset, bias);
  return { node: run.nodes[i]!, offset: offset - run.starts[i]! };
}

/** Index of the node holding a run offset (see `locate` for the bias). */
function nodeIndex(run: TextRun, offset: number, bias: 'start' | 'end'): number {
  const { starts } = run;
  let lo = 0;
  let hi = starts.length - 1;
  // Last node whose start is before the offset (end bias) or at/before it (start bias).
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = starts[mid]!;
    if (s < offset || (bias === 'start' && s === offset)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A DOM Range over `[start, end)` of a run. */
export function runRange(run: TextRun, start: number, end: number): Range {
  const first = locate(run, start, 'start');
  const last = locate(run, end, 'end');
  const range = first.node.ownerDocument.createRange();
  range.setStart(first.node, first.offset);
  range.setEnd(last.node, last.offset);
  return range;
}

/** The pieces of `[start, end)` in each node of a run: node-local offsets. */
export function runPieces(run: TextRun, start: number, end: number): { node: Text; start: number; end: number }[] {
  const out: { node: Text; start: number; end: number }[] = [];
  const { nodes, starts } = run;
  for (let i = nodeIndex(run, start, 'start'); i < nodes.length; i++) {
    const s = starts[i]!;
    const e = i + 1 < starts.length ? starts[i + 1]! : run.text.length;
    if (e <= start) continue;
    if (s >= end) break;
    out.push({ node: nodes[i]!, start: Math.max(start, s) - s, end: Math.min(end, e) - s });
  }
  return out;
}
