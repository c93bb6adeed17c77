export { createHoverCard } from './controller';
export type { HoverAnchor, HoverCard, HoverCardOptions, HoverSettings } from './types';
export { HOST_TAG } from './host';
