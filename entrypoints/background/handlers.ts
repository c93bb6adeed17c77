/**
 * The background worker's request handling, with every extension API injected so it tests with
 * fakes. Each request is validated (lib/messaging/validate) and checked against where it came
 * from: content requests only from our content scripts, the rest only from our own pages.
 */
import type { CardData, KnowledgeBase } from '../../lib/knowledge/types';
import type {
  BackgroundToContentMessage,
  ContentScanResponse,
  ErrorReply,
  PageReport,
  PageStatus,
  RequestMessage,
  SearchHit,
  TopDocument,
} from '../../lib/messaging/protocol';
import { allowedFrom, parseRequest } from '../../lib/messaging/validate';
import type { Candidate } from '../../lib/scan/types';
import type { TabStore } from './tab-store';

export interface ResolveOutput<S> {
  state: S;
  status: PageStatus;
  verdicts: (string | null)[];
}

export interface FrameRecord<S> {
  state: S | null;
  status: PageStatus;
  /** The frame document's navigation start (see ContentScanMessage.docStart); 0 when unknown. */
  docStart: number;
  /** When the worker stored this (its own clock). */
  storedAt: number;
}

/** A frame whose document started this long before the top frame's belongs to a previous page. */
export const NAVIGATION_SLACK_MS = 1_000;

export interface BackgroundDeps<S> {
  extensionId: string;
  extensionOrigin: string;
  kb: KnowledgeBase;
  resolve(prev: S | null, input: { batch: number; force: boolean; sentences: string[]; candidates: Candidate[] }): Promise<ResolveOutput<S>>;
  report(tabId: number, url: string, frames: S[]): PageReport;
  /** Entry ids a frame state has annotated, for the badge and "show on page". */
  annotatedIds(state: S): string[];
  search(query: string, limit?: number): SearchHit[];
  store: TabStore<FrameRecord<S>>;
  sendToTab(tabId: number, message: BackgroundToContentMessage, frameId?: number): Promise<unknown>;
  /** Ask the tab's top frame which document it holds (rejects or answers nothing when no content script is there). */
  ping(tabId: number): Promise<TopDocument | null | undefined>;
  setBadge(tabId: number, count: number): void;
  openLookup(query: string): Promise<void>;
  pending: { set(query: string): Promise<void>; take(): Promise<string | null> };
}

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

const error = (message: string): ErrorReply => ({ nkError: true, error: message });

/** Wall-clock time with sub-millisecond steps, so a store and a question in the same millisecond still order. */
const now = () => performance.timeOrigin + performance.now();

export function createHandlers<S>(deps: BackgroundDeps<S>) {
  const byId = new Map(deps.kb.entries.map((e) => [e.id, e]));

  function cardFor(id: string): CardData | null {
    const entry = byId.get(id);
    if (!entry) return null;
    const related = entry.related.flatMap((r) => {
      const e = byId.get(r);
      return e ? [{ id: e.id, label: e.label, kind: e.kind }] : [];
    });
    return { entry, related, source: deps.kb.source };
  }

  async function updateBadge(tabId: number) {
    const record = await deps.store.get(tabId);
    const ids = new Set<string>();
    for (const frame of Object.values(record?.frames ?? {})) {
      if (frame.status === 'annotated' && frame.state) for (const id of deps.annotatedIds(frame.state)) ids.add(id);
    }
    deps.setBadge(tabId, ids.size);
  }

  async function pageReport(tabId: number): Promise<PageReport> {
    const record = await deps.store.get(tabId);
    if (!record) return { tabId, url: '', status: 'pending', entries: [] };
    const frames = Object.entries(record.frames);
    const live = frames.filter(([, f]) => f.status === 'annotated' || f.status === 'not-relevant').flatMap(([, f]) => (f.state ? [f.state] : []));
    const report = deps.report(tabId, record.url, live);
    const top = record.frames['0'];
    // The top frame decides the page's status; a page annotated only in an iframe still counts.
    let status: PageStatus = top?.status ?? 'pending';
    if (status !== 'annotated' && frames.some(([, f]) => f.status === 'annotated')) status = 'annotated';
    return { ...report, tabId, url: record.url, status, entries: status === 'disabled' ? [] : report.entries };
  }

  async function handle(message: RequestMessage, sender: Sender): Promise<unknown> {
    switch (message.type) {
      case 'content:scan': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return error('content:scan must come from a tab');
        const frameId = String(sender.frameId ?? 0);
        const out = await deps.store.update(tabId, async (record) => {
          const next = record ?? { url: message.url, frames: {} };
          const prev = message.batch === 0 ? null : (next.frames[frameId]?.state ?? null);
          const resolved = await deps.resolve(prev, message);
          next.frames[frameId] = { state: resolved.state, status: resolved.status, docStart: message.docStart, storedAt: now() };
          if (frameId === '0') next.url = message.url;
          return { record: next, result: resolved };
        });
        const cards: Record<string, CardData> = {};
        for (const id of out.verdicts) {
          if (id && !cards[id]) {
            const card = cardFor(id);
            if (card) cards[id] = card;
          }
        }
        void updateBadge(tabId);
        return { status: out.status, verdicts: out.verdicts, cards } satisfies ContentScanResponse;
      }
      case 'content:cleared': {
        const tabId = sender.tab?.id;
        if (tabId === undefined) return error('content:cleared must come from a tab');
        const frameId = String(sender.frameId ?? 0);
        await deps.store.update(tabId, async (record) => {
          const next = record ?? { url: '', frames: {} };
          next.frames[frameId] = { state: null, status: message.status, docStart: message.docStart, storedAt: now() };
          return { record: next, result: null };
        });
        void updateBadge(tabId);
        return null;
      }
      case 'content:get-card':
      case 'popup:get-card':
        return cardFor(message.id);
      case 'content:open-lookup':
        await deps.pending.set(message.query);
        await deps.openLookup(message.query);
        return null;
      case 'popup:search':
        return deps.search(message.query, message.limit);
      case 'popup:take-pending-lookup':
        return deps.pending.take();
      case 'page-report':
        return pageReport(message.tabId);
      case 'popup:annotate-anyway':
        await deps.sendToTab(message.tabId, { type: 'bg:force' }).catch(() => undefined);
        return null;
      case 'popup:show-on-page': {
        const record = await deps.store.get(message.tabId);
        const id = message.id ?? '';
        const frames = Object.entries(record?.frames ?? {})
          .filter(([, f]) => f.state && deps.annotatedIds(f.state).includes(id))
          .map(([frameId]) => Number(frameId));
        for (const frameId of frames.length ? frames : [0]) {
          const shown = await deps.sendToTab(message.tabId, { type: 'bg:show-entry', id }, frameId).catch(() => false);
          if (shown) return true;
        }
        return false;
      }
    }
  }

  /** The `runtime.onMessage` listener body: validates, routes, never throws. */
  async function onMessage(raw: unknown, sender: Sender): Promise<unknown> {
    if (sender.id !== deps.extensionId) return error('Messages from outside the extension are refused');
    const origin = sender.url?.startsWith(deps.extensionOrigin) ? 'extension' : sender.tab ? 'content' : null;
    if (!origin) return error('Unknown sender');
    const parsed = parseRequest(raw);
    if (!parsed.ok) return error(parsed.error);
    if (!allowedFrom(parsed.message.type, origin)) return error(`${parsed.message.type} is not accepted from this sender`);
    try {
      return await handle(parsed.message, sender);
    } catch (e) {
      console.error('NK Context: request failed', parsed.message.type, e);
      return error(`${parsed.message.type} failed`);
    }
  }

  async function clearTab(tabId: number) {
    await deps.store.remove(tabId);
    deps.setBadge(tabId, 0);
  }

  /**
   * The tab finished loading. Ask its top frame which document it holds: no answer means no
   * content script runs there (a browser page, a PDF, a site where extensions can't run), so the
   * previous page's results go; otherwise only frames of documents older than that one go (an
   * iframe loading late keeps everything). Events and messages travel separately, so a new
   * document's scan may already be stored: it stays.
   */
  async function navigated(tabId: number) {
    const sentAt = now();
    const top = await deps.ping(tabId).catch(() => null);
    const valid = top && typeof top === 'object' && Number.isFinite(top.docStart);
    await deps.store.update(tabId, async (record) => {
      if (!record) return { record: null, result: null };
      // No answer: keep only what content scripts reported after the question (a script that was
      // just starting when it was asked). An answer: drop documents older than the top one.
      const keep = ([, f]: [string, FrameRecord<S>]) => (valid ? f.docStart >= top.docStart - NAVIGATION_SLACK_MS : f.storedAt > sentAt);
      const frames = Object.fromEntries(Object.entries(record.frames).filter(keep));
      return { record: Object.keys(frames).length ? { ...record, frames } : null, result: null };
    });
    await updateBadge(tabId);
  }

  return { onMessage, cardFor, pageReport, updateBadge, clearTab, navigated };
}
