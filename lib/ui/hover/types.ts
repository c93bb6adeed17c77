/** The hover card's public shapes, shared by the controller and the content script. */
import type { CardData } from '../../knowledge/types';
import type { ThemeSetting } from '../../settings/schema';
import type { PageSentence } from '../ContextCard';
import type { RectLike } from '../placement';

export interface HoverAnchor {
  entryId: string;
  /** Client rects of the mark, one per line. */
  rects: readonly RectLike[];
  pageSentence?: PageSentence;
  /** Fresh client rects after a scroll; without it the rects shift with the window's scroll only. */
  getRects?: () => readonly RectLike[];
  /** Pointer position: picks the line of a mark that wraps. */
  pointer?: { x: number; y: number };
  /** Identifies the mark, so that re-entering it is not a new mark. */
  markId?: string | number;
}

export interface HoverSettings {
  hoverDelayMs: number;
  theme: ThemeSetting;
}

export interface HoverCardOptions {
  doc: Document;
  getCard(entryId: string): CardData | undefined;
  onOpenInPopup(entryId: string): void;
  /** A related entry's button; by default its card replaces this one (or opens in the popup if not on the page). */
  onRelated?(entryId: string): void;
  settings: HoverSettings;
}

export interface HoverCard {
  scheduleShow(anchor: HoverAnchor): void;
  scheduleHide(): void;
  showNow(anchor: HoverAnchor, opts?: { focus?: boolean }): void;
  hide(opts?: { returnFocus?: boolean }): void;
  pin(): void;
  isOpen(): boolean;
  /** Whether `node` is part of the hover card (the host or anything in its shadow tree). */
  contains(node: Node | null | undefined): boolean;
  updateSettings(settings: Partial<HoverSettings>): void;
  destroy(): void;
}
