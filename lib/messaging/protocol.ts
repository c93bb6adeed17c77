/**
 * The one message protocol between the extension's scripts. Types are named by direction
 * (`content:` from content scripts, `popup:` from extension pages, `bg:` from the background
 * worker to a tab). `page-report` keeps its short name: tests and the popup share it.
 * Every receiver validates with `validate.ts` before acting.
 */
import type { CardData, EntryKind } from '../knowledge/types';
import type { Candidate } from '../scan/types';

export type PageStatus = 'annotated' | 'not-relevant' | 'disabled' | 'pending';
export type SiteMode = 'auto' | 'always' | 'off';

/** content → background: a batch of candidates found on the page. */
export interface ContentScanMessage {
  type: 'content:scan';
  url: string;
  title: string;
  /** When the document's navigation started (`performance.timeOrigin`, ms since the epoch): tells a new document's results from an old one's. */
  docStart: number;
  /** 0 for the first scan of a document (the worker forgets earlier results of the frame), then 1, 2 … */
  batch: number;
  /** Annotate even if the page is not about North Korea ("Annotate anyway" or site mode `always`). */
  force: boolean;
  sentences: string[];
  candidates: Candidate[];
}
export interface ContentScanResponse {
  status: PageStatus;
  /** One per candidate: the entry id it marks, or null to leave it unmarked. */
  verdicts: (string | null)[];
  /** Card data for every entry in `verdicts`, so hover cards need no further round trip. */
  cards: Record<string, CardData>;
}

/** content → background: the page was restored (site switched off) or its marks were withdrawn. */
export interface ContentClearedMessage {
  type: 'content:cleared';
  status: PageStatus;
  /** As in ContentScanMessage. */
  docStart: number;
}

/** content or popup → background: one entry's card. */
export interface GetCardMessage {
  type: 'content:get-card' | 'popup:get-card';
  id: string;
}

/** content → background: open the lookup for an entry (the card's "Open in popup"). */
export interface ContentOpenLookupMessage {
  type: 'content:open-lookup';
  query: string;
}

/** popup → background: typo-tolerant search of the knowledge base. */
export interface PopupSearchMessage {
  type: 'popup:search';
  query: string;
  limit?: number;
}
export interface SearchHit {
  id: string;
  label: string;
  kind: EntryKind;
  /** The alias that matched, when it is not the label. */
  matched?: string;
  score: number;
}

/** popup → background: the current lookup query set by the context menu, consumed once. */
export interface PopupTakePendingLookupMessage {
  type: 'popup:take-pending-lookup';
}

/** extension page → background: what the tab's page holds. */
export interface PageReportMessage {
  type: 'page-report';
  tabId: number;
}
export interface PageReportEntry {
  id: string;
  kind: EntryKind;
  label: string;
  count: number;
  /** Distinct texts marked on the page for this entry, exactly as the page writes them. */
  mentions: string[];
}
export interface PageReport {
  tabId: number;
  url: string;
  status: PageStatus;
  entries: PageReportEntry[];
}

/** popup → background → tab: act on the page. */
export interface PopupTabActionMessage {
  type: 'popup:annotate-anyway' | 'popup:show-on-page';
  tabId: number;
  /** Entry id, for `popup:show-on-page`. */
  id?: string;
}

/** The top frame's answer to `bg:ping`. */
export interface TopDocument {
  docStart: number;
  href: string;
}

/** background → content script. */
export type BackgroundToContentMessage =
  | { type: 'bg:force' }
  /** The tab finished loading: which document does the top frame hold? Answers TopDocument. */
  | { type: 'bg:ping' }
  | { type: 'bg:show-entry'; id: string }
  | { type: 'bg:step-mark'; direction: 1 | -1 }
  | { type: 'bg:toggle-site' };

export type RequestMessage =
  | ContentScanMessage
  | ContentClearedMessage
  | GetCardMessage
  | ContentOpenLookupMessage
  | PopupSearchMessage
  | PopupTakePendingLookupMessage
  | PageReportMessage
  | PopupTabActionMessage;

/**
 * A receiver never throws across the boundary: it answers the value itself, or an ErrorReply
 * (which no value ever looks like) for a malformed or failed request.
 */
export interface ErrorReply {
  nkError: true;
  error: string;
}
export type Reply<T> = T | ErrorReply;

export function isErrorReply(x: unknown): x is ErrorReply {
  return typeof x === 'object' && x !== null && (x as { nkError?: unknown }).nkError === true;
}
