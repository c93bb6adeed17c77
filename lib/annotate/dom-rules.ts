/**
 * Which elements hold readable page text, which break it into blocks, and which are skipped.
 * Fixed tag sets and attribute checks only: no getComputedStyle, so a walk over 50,000 nodes stays cheap.
 */

/** Elements whose whole subtree is never scanned or marked. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'input', 'textarea', 'select', 'button', 'code', 'pre', 'kbd', 'samp', 'var', 'script', 'style',
  'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio',
  'svg', 'math', 'head', 'title', 'meta', 'link',
]);

/** Elements that start a new block of inline content (a run never crosses them). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'col', 'colgroup',
  'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'legend', 'li', 'main', 'menu', 'nav', 'ol',
  'optgroup', 'option', 'p', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead',
  'tr', 'ul',
]);

/** The attribute that marks the extension's own UI (hover-card host, fallback style element). */
export const UI_ATTR = 'data-nk-ui';
/** Tag of the wrapper marker's elements. */
export const WRAPPER_TAG = 'nk-mark';

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

/** True when the element and its subtree must not be scanned. */
export function isSkipped(el: Element): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  if (!el.hasAttributes()) return false; // most elements: no attribute to check
  if (el.hasAttribute('hidden') || el.hasAttribute(UI_ATTR)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const style = el.getAttribute('style');
  // Only inline styles: a computed-style check per element would cost a layout flush.
  if (style !== null && style.includes('none') && (el as HTMLElement).style?.display === 'none') return true;
  return false;
}

/** True when the node is in a skipped subtree (checks the node's ancestors too) or in an editable document. */
export function isInsideSkipped(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return true;
  }
  return false;
}

/** True when the node is (inside) the extension's own UI. */
export function isOwnUi(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el !== null && el.closest(`[${UI_ATTR}]`) !== null;
}

/** The nearest block-level ancestor (or the element itself), the unit a run and a rescan belong to. */
export function blockOf(node: Node): Element | null {
  let el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  let last: Element | null = el;
  for (; el; el = el.parentElement) {
    if (isBlock(el)) return el;
    last = el;
  }
  return last;
}
