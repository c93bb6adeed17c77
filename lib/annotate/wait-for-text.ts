/**
 * Frames with nothing to read (ad slots, empty about:blank frames) are most of the frames on a
 * busy news page. Rather than pay the full start-up (settings, pattern table, automaton) in each,
 * the content script waits here until a frame has some text, watching it cheaply meanwhile.
 */

/** Enough letters for a sentence worth scanning. */
export const MIN_TEXT = 40;

function hasText(root: Node, min: number): boolean {
  // textContent is cheap (no layout); script and style text can only make this say yes too early.
  return (root.textContent ?? '').replace(/\s+/g, '').length >= min;
}

/**
 * Resolves as soon as `root` holds at least `min` non-space characters (at once if it already
 * does). `signal` aborts the wait (the promise then never resolves).
 */
export function waitForText(root: Node, signal?: AbortSignal, min = MIN_TEXT): Promise<void> {
  if (hasText(root, min)) return Promise.resolve();
  return new Promise((resolve) => {
    let queued = false;
    const observer = new MutationObserver(() => {
      if (queued) return;
      queued = true;
      // At most one check per burst of mutations.
      setTimeout(() => {
        queued = false;
        if (!hasText(root, min)) return;
        observer.disconnect();
        resolve();
      }, 100);
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    signal?.addEventListener('abort', () => observer.disconnect(), { once: true });
  });
}
