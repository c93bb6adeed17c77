/**
 * Watches the page for new or changed content (infinite scroll, single-page apps) and hands over
 * the changed nodes in coalesced, deduplicated, bounded batches. The extension's own changes are
 * not reported: its UI is ignored, and marker work runs inside `suppress()`.
 */
import { isBlock, isOwnUi, SKIP_TAGS } from './dom-rules';

export interface MutationOptions {
  /** Nodes whose changes do not count (default: the extension's own UI). */
  ignore?: (node: Node) => boolean;
  /** Most roots per batch; the rest wait for the next batch. */
  maxRoots?: number;
  /** Coalescing delay after the first change of a batch, in ms. */
  delayMs?: number;
}

export interface MutationWatch {
  /** Hand over what is pending now (normally done by the timer). */
  flush(): void;
  /** Run the extension's own DOM work; the changes it causes are not reported. */
  suppress<T>(fn: () => T): T;
  /** Nodes waiting for a batch. */
  pending(): number;
  disconnect(): void;
  /** Same as disconnect(). */
  destroy(): void;
}

const OBSERVE: MutationObserverInit = {
  childList: true,
  characterData: true,
  subtree: true,
  // Content revealed by removing `hidden` / `aria-hidden` (accordions, closed modals) needs a scan.
  attributes: true,
  attributeFilter: ['hidden', 'aria-hidden'],
};

export function observeMutations(
  root: Node,
  onChange: (roots: Node[]) => void,
  options: MutationOptions = {},
): MutationWatch {
  const ignore = options.ignore ?? isOwnUi;
  const maxRoots = options.maxRoots ?? 200;
  const delay = options.delayMs ?? 100;
  const win = (root.ownerDocument ?? (root as Document)).defaultView;
  const MO = (win as (Window & typeof globalThis) | null)?.MutationObserver ?? MutationObserver;
  const pending = new Set<Node>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let connected = true;

  const observer = new MO((records) => {
    collect(records);
    schedule();
  });
  observer.observe(root, OBSERVE);

  function collect(records: MutationRecord[]): void {
    for (const r of records) {
      if (ignore(r.target)) continue;
      if (r.type !== 'childList') {
        pending.add(r.target);
        continue;
      }
      for (const n of Array.from(r.addedNodes)) {
        if (n.nodeType === 3 || (n.nodeType === 1 && !SKIP_TAGS.has((n as Element).localName) && !ignore(n))) pending.add(n);
      }
      // Removing inline content can join the text around it into a new mention.
      for (const n of Array.from(r.removedNodes)) {
        if (n.nodeType === 3 || (n.nodeType === 1 && !isBlock(n as Element) && !ignore(n))) {
          pending.add(r.target);
          break;
        }
      }
    }
  }

  function schedule(): void {
    if (timer === undefined && pending.size > 0 && connected) timer = setTimeout(flush, delay);
  }

  function flush(): void {
    clearTimeout(timer);
    timer = undefined;
    if (!connected) return;
    collect(observer.takeRecords());
    const roots: Node[] = [];
    for (const node of pending) {
      pending.delete(node);
      if (!node.isConnected || inside(node, pending, roots)) continue;
      roots.push(node);
      if (roots.length >= maxRoots) break;
    }
    // A root recorded before its ancestor is still nested: drop it now.
    const set = new Set(roots);
    const batch = roots.filter((n) => !hasAncestorIn(n, set));
    schedule();
    if (batch.length) onChange(batch);
  }

  function disconnect(): void {
    connected = false;
    clearTimeout(timer);
    timer = undefined;
    pending.clear();
    observer.disconnect();
  }

  return {
    flush,
    suppress(fn) {
      if (!connected) return fn();
      collect(observer.takeRecords()); // the page's changes so far still count
      try {
        return fn();
      } finally {
        observer.takeRecords();
        schedule();
      }
    },
    pending: () => pending.size,
    disconnect,
    destroy: disconnect,
  };
}

function hasAncestorIn(node: Node, set: Set<Node>): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (set.has(p)) return true;
  return false;
}

function inside(node: Node, pending: Set<Node>, taken: Node[]): boolean {
  for (let p = node.parentNode; p; p = p.parentNode) if (pending.has(p) || taken.includes(p)) return true;
  return false;
}
