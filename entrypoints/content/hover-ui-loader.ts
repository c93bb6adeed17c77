/**
 * Loads the hover card UI (entrypoints/hover-ui.ts, built to /hover-ui.js) into this content
 * script with a dynamic import of the extension's own file. Chrome needs the file listed in
 * web_accessible_resources for that (with use_dynamic_url, so pages can't probe for it).
 * The URL comes from the global `chrome.runtime.getURL` (Chrome and Firefox both have it), written
 * out in full so that Mozilla's linter recognises the import as the extension's own file.
 */
import { HOVER_UI_GLOBAL, type HoverCardFactory } from '../../lib/ui/hover/lazy';

declare const chrome: { runtime: { getURL(path: string): string } };

// Once per content script: a module is evaluated only on its first import.
let loaded: Promise<HoverCardFactory> | undefined;

export function loadHoverUi(): Promise<HoverCardFactory> {
  if (loaded) return loaded;
  loaded = import(/* @vite-ignore */ chrome.runtime.getURL('/hover-ui.js')).then(() => {
    const g = globalThis as Record<string, unknown>;
    const factory = g[HOVER_UI_GLOBAL] as HoverCardFactory | undefined;
    delete g[HOVER_UI_GLOBAL];
    if (typeof factory !== 'function') throw new Error('the hover card UI did not register');
    return factory;
  });
  // A failed load may be retried on the next hover.
  loaded.catch(() => (loaded = undefined));
  return loaded;
}
