/**
 * The hover card UI (Preact, ContextCard, theme, controller) as its own file, which the content
 * script imports on the first hover (entrypoints/content/hover-ui-loader.ts). Imported into the
 * content script's isolated world, it hands its factory over through that world's global object,
 * which the page cannot see; the loader takes it off again at once.
 */
import { createHoverCard } from '../lib/ui/hover/controller';
import { HOVER_UI_GLOBAL } from '../lib/ui/hover/lazy';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[HOVER_UI_GLOBAL] = createHoverCard;
});
