/**
 * Per-frame resolver state. Plain JSON on purpose: the background worker keeps it in
 * storage.session, so a suspended MV3 worker resumes exactly where it stopped.
 */
import type { PageStatus } from '../messaging/protocol';
import type { Zone } from '../scan/types';

/** Distinct mention texts kept per entry; enough for the popup, small enough for storage. */
export const MAX_MENTION_TEXTS = 12;

/**
 * What the document has shown of one entry. Full names are counted whether or not the page is
 * annotated; short names and common words only once it is (they are not judged before).
 */
export interface EntryTally {
  count: number;
  main: number;
  aside: number;
  /** Distinct texts exactly as the page writes them, first seen first. */
  mentions: string[];
}

export interface FrameState {
  v: 1;
  /** Batches resolved for this document (batch 0 resets to 1). */
  batches: number;
  /** Entry id → mentions of one of its unambiguous full names. */
  fullNames: Record<string, number>;
  /** Entry id → accepted mentions. */
  entries: Record<string, EntryTally>;
  score: number;
  /** Sticky: once the document is about North Korea, later batches are annotated too. */
  relevant: boolean;
  /** Sticky: "Annotate anyway" or site mode `always` was asked for this document. */
  forced: boolean;
  status: PageStatus;
}

export function emptyFrameState(): FrameState {
  return { v: 1, batches: 0, fullNames: {}, entries: {}, score: 0, relevant: false, forced: false, status: 'pending' };
}

/** A stored state this version can continue (storage.session may hold one from an older build). */
export function isFrameState(x: unknown): x is FrameState {
  const s = x as Partial<FrameState> | null;
  return !!s && s.v === 1 && typeof s.entries === 'object' && s.entries !== null && typeof s.fullNames === 'object' && s.fullNames !== null;
}

/** A deep copy, so the caller's previous state is never mutated. Also accepts states that went through JSON. */
export function cloneFrameState(s: FrameState): FrameState {
  const entries: Record<string, EntryTally> = {};
  for (const [id, t] of Object.entries(s.entries)) entries[id] = { ...t, mentions: [...t.mentions] };
  return { ...s, fullNames: { ...s.fullNames }, entries };
}

export function tallyMention(s: FrameState, id: string, text: string, zone: Zone): void {
  let t = s.entries[id];
  if (!t) {
    t = { count: 0, main: 0, aside: 0, mentions: [] };
    s.entries[id] = t;
  }
  t.count++;
  if (zone === 'aside') t.aside++;
  else t.main++;
  if (t.mentions.length < MAX_MENTION_TEXTS && !t.mentions.includes(text)) t.mentions.push(text);
}
