/**
 * Is a block part of the page's own content ('main') or of its chrome ('aside': navigation,
 * sidebars, site header/footer, link lists such as "most read" or a country list)?
 * The background worker weighs aside mentions less when judging what a page is about.
 */
import type { Zone } from '../scan/types';

interface Context {
  /** Inside article/main content. */
  content: boolean;
  aside: boolean;
}

const ASIDE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner']);
const CONTENT_ROLES = new Set(['main', 'article']);
const LIST_TAGS = new Set(['ul', 'ol', 'menu']);
const ROOT: Context = { content: false, aside: false };

// Per-element caches; reset by `resetZoneCache()` when a fresh page scan starts.
let contexts = new WeakMap<Element, Context>();
let linkLists = new WeakMap<Element, boolean>();

export function resetZoneCache(): void {
  contexts = new WeakMap();
  linkLists = new WeakMap();
}

export function zoneOf(element: Element): Zone {
  return contextOf(element).aside ? 'aside' : 'main';
}

function contextOf(element: Element): Context {
  // Climb to the nearest cached ancestor, then compute downwards: each element is computed once.
  const chain: Element[] = [];
  let parent: Context = ROOT;
  for (let el: Element | null = element; el; el = el.parentElement) {
    const cached = contexts.get(el);
    if (cached) {
      parent = cached;
      break;
    }
    chain.push(el);
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const el = chain[i]!;
    parent = own(el, parent);
    contexts.set(el, parent);
  }
  return parent;
}

function own(el: Element, parent: Context): Context {
  const tag = el.localName;
  const role = el.getAttribute('role');
  const content = parent.content || tag === 'article' || tag === 'main' || (role !== null && CONTENT_ROLES.has(role));
  if (parent.aside) return parent.content === content ? parent : { content, aside: true };
  const aside =
    tag === 'nav' ||
    tag === 'aside' ||
    (role !== null && ASIDE_ROLES.has(role)) ||
    // An article's own header (headline, byline) and footer are content; the site's are chrome.
    ((tag === 'header' || tag === 'footer') && !parent.content) ||
    (tag === 'li' && el.parentElement !== null && isLinkList(el.parentElement));
  return aside === parent.aside && content === parent.content ? parent : { content, aside };
}

/** A list of at least three items, at least 60% of which are at least half link text. */
export function isLinkList(list: Element): boolean {
  if (!LIST_TAGS.has(list.localName)) return false;
  const cached = linkLists.get(list);
  if (cached !== undefined) return cached;
  let items = 0;
  let linkItems = 0;
  for (const child of Array.from(list.children)) {
    if (child.localName !== 'li') continue;
    items++;
    const total = (child.textContent ?? '').trim().length;
    if (total === 0) continue;
    let linked = 0;
    for (const a of Array.from(child.querySelectorAll('a'))) linked += (a.textContent ?? '').trim().length;
    if (linked >= total * 0.5) linkItems++;
  }
  const result = items >= 3 && linkItems >= items * 0.6;
  linkLists.set(list, result);
  return result;
}
