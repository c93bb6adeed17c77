import { describe, expect, it, vi } from 'vitest';
import { createHandlers, type BackgroundDeps, type FrameRecord } from '../../entrypoints/background/handlers';
import { TabStore, type Area } from '../../entrypoints/background/tab-store';
import type { KnowledgeBase } from '../../lib/knowledge/types';
import type { PageReport } from '../../lib/messaging/protocol';

type State = { entries: Record<string, string[]> };

const kb: KnowledgeBase = {
  source: { id: 's', title: 'T', author: 'A', authorRole: 'R', publisher: 'P', date: '2019-02', licence: 'CC', attribution: 'From T' },
  entries: [
    { id: 'kim-jong-un', kind: 'actor', label: 'Kim Jong Un', aliases: ['Kim Jong Un'], definition: 'Leader.', related: ['north-korea'], quotes: ['q'], fromSource: true, weight: 3 },
    { id: 'north-korea', kind: 'place', label: 'North Korea', aliases: ['North Korea'], definition: 'State.', related: [], quotes: ['q'], fromSource: true, weight: 3 },
  ],
  ambiguities: [],
};

/** A storage area that outlives handler instances, like storage.session outlives a suspended worker. */
function memoryArea(): Area {
  const data = new Map<string, unknown>();
  return {
    get: async (key) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => data.set(k, structuredClone(v))),
    remove: async (key) => void data.delete(key),
  };
}

function setup(area = memoryArea()) {
  const setBadge = vi.fn();
  const sendToTab = vi.fn(async () => true);
  const ping = vi.fn<(tabId: number) => Promise<{ docStart: number; href: string } | undefined>>(async () => undefined);
  const deps: BackgroundDeps<State> = {
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    kb,
    // Accepts every candidate whose text names an entry label.
    resolve: async (prev, input) => {
      const entries: Record<string, string[]> = prev ? structuredClone(prev.entries) : {};
      const verdicts = input.candidates.map((c) => kb.entries.find((e) => e.label === c.text)?.id ?? null);
      verdicts.forEach((id, i) => id && (entries[id] ??= []).push(input.candidates[i]!.text));
      return { state: { entries }, status: verdicts.some(Boolean) ? 'annotated' : 'not-relevant', verdicts };
    },
    report: (tabId, url, frames): PageReport => ({
      tabId,
      url,
      status: 'pending',
      entries: frames.flatMap((f) =>
        Object.entries(f.entries).map(([id, mentions]) => ({ id, kind: 'actor' as const, label: id, count: mentions.length, mentions: [...new Set(mentions)] })),
      ),
    }),
    annotatedIds: (state) => Object.keys(state.entries),
    search: () => [],
    store: new TabStore<FrameRecord<State>>(area),
    sendToTab,
    ping,
    setBadge,
    openLookup: async () => undefined,
    pending: { set: async () => undefined, take: async () => null },
  };
  return { handlers: createHandlers(deps), setBadge, sendToTab, ping, area };
}

const page = { id: 'ext', url: 'https://news.example/a', tab: { id: 7 }, frameId: 0 };
const popup = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const scan = (texts: string[], batch = 0) => ({
  type: 'content:scan',
  url: 'https://news.example/a',
  title: 'A',
  docStart: 1000,
  batch,
  force: false,
  sentences: [texts.join(' ')],
  candidates: texts.map((text) => ({ pattern: 0, text, sentence: 0, at: 0, zone: 'main' })),
});

describe('background request handling', () => {
  it('answers a scan with verdicts and the cards of accepted entries', async () => {
    const { handlers } = setup();
    const reply = (await handlers.onMessage(scan(['Kim Jong Un', 'Kim Kardashian']), page)) as {
      status: string;
      verdicts: (string | null)[];
      cards: Record<string, { entry: { id: string }; related: { id: string }[] }>;
    };
    expect(reply.status).toBe('annotated');
    expect(reply.verdicts).toEqual(['kim-jong-un', null]);
    expect(reply.cards['kim-jong-un']?.related.map((r) => r.id)).toEqual(['north-korea']);
  });

  it('reports the tab after the worker restarts (state lives in session storage)', async () => {
    const first = setup();
    await first.handlers.onMessage(scan(['Kim Jong Un', 'North Korea']), page);
    const restarted = setup(first.area);
    const report = (await restarted.handlers.onMessage({ type: 'page-report', tabId: 7 }, popup)) as PageReport;
    expect(report.status).toBe('annotated');
    expect(report.url).toBe('https://news.example/a');
    expect(report.entries.map((e) => e.id).sort()).toEqual(['kim-jong-un', 'north-korea']);
  });

  it('accumulates later batches and starts over on batch 0', async () => {
    const { handlers } = setup();
    await handlers.onMessage(scan(['Kim Jong Un']), page);
    await handlers.onMessage(scan(['North Korea'], 1), page);
    let report = (await handlers.onMessage({ type: 'page-report', tabId: 7 }, popup)) as PageReport;
    expect(report.entries).toHaveLength(2);
    await handlers.onMessage(scan(['North Korea'], 0), page);
    report = (await handlers.onMessage({ type: 'page-report', tabId: 7 }, popup)) as PageReport;
    expect(report.entries.map((e) => e.id)).toEqual(['north-korea']);
  });

  it('shows the number of annotated entries on the badge and clears it with the tab', async () => {
    const { handlers, setBadge } = setup();
    await handlers.onMessage(scan(['Kim Jong Un', 'North Korea', 'Kim Jong Un']), page);
    await vi.waitFor(() => expect(setBadge).toHaveBeenLastCalledWith(7, 2));
    await handlers.clearTab(7);
    expect(setBadge).toHaveBeenLastCalledWith(7, 0);
    const report = (await handlers.onMessage({ type: 'page-report', tabId: 7 }, popup)) as PageReport;
    expect(report.status).toBe('pending');
  });

  it('after a load, keeps the top document that answers and its frames, and drops an older page', async () => {
    const { handlers, ping } = setup();
    await handlers.onMessage({ ...scan(['Kim Jong Un']), docStart: 1_000 }, page);
    await handlers.onMessage({ ...scan(['North Korea']), docStart: 1_000 }, { ...page, frameId: 2 });
    // The new document already reported before the tab's 'complete' event reached the worker.
    await handlers.onMessage({ ...scan(['North Korea']), docStart: 50_000 }, { ...page, frameId: 0 });
    ping.mockResolvedValue({ docStart: 50_000, href: 'https://news.example/b' });
    await handlers.navigated(7);
    let report = (await handlers.onMessage({ type: 'page-report', tabId: 7 }, popup)) as PageReport;
    expect(report.entries.map((e) => [e.id, e.count])).toEqual([['north-korea', 1]]); // the old iframe is gone
    // An iframe loading late fires another 'complete': nothing changes.
    await handlers.onMessage({ ...scan(['Kim Jong Un']), docStart: 52_000 }, { ...page, frameId: 5 });
    await handlers.navigated(7);
    report = (await handlers.onMessage({ type: 'page-report', tabId: 7 }, popup)) as PageReport;
    expect(report.entries).toHaveLength(2);
  });

  it('keeps a scan that arrives while the top frame is asked and cannot answer yet', async () => {
    const { handlers, ping } = setup();
    let fail: (e: Error) => void = () => undefined;
    ping.mockReturnValue(new Promise((_, reject) => (fail = reject)));
    const asked = handlers.navigated(7);
    await handlers.onMessage(scan(['Kim Jong Un']), page); // the content script was just starting
    fail(new Error('Receiving end does not exist.'));
    await asked;
    const report = (await handlers.onMessage({ type: 'page-report', tabId: 7 }, popup)) as PageReport;
    expect(report.entries.map((e) => e.id)).toEqual(['kim-jong-un']);
  });

  it('forgets the tab when no content script answers after a load (a browser page, a PDF)', async () => {
    const { handlers, ping, setBadge } = setup();
    await handlers.onMessage(scan(['Kim Jong Un']), page);
    ping.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await handlers.navigated(7);
    const report = (await handlers.onMessage({ type: 'page-report', tabId: 7 }, popup)) as PageReport;
    expect(report).toMatchObject({ status: 'pending', entries: [] });
    expect(setBadge).toHaveBeenLastCalledWith(7, 0);
  });

  it('reports a site switched off as disabled with no entries', async () => {
    const { handlers } = setup();
    await handlers.onMessage(scan(['Kim Jong Un']), page);
    await handlers.onMessage({ type: 'content:cleared', status: 'disabled', docStart: 1000 }, page);
    const report = (await handlers.onMessage({ type: 'page-report', tabId: 7 }, popup)) as PageReport;
    expect(report).toMatchObject({ status: 'disabled', entries: [] });
  });

  it('refuses messages from other extensions, pages posing as the popup, and malformed ones', async () => {
    const { handlers } = setup();
    expect(await handlers.onMessage({ type: 'page-report', tabId: 7 }, { ...popup, id: 'evil' })).toMatchObject({ nkError: true });
    expect(await handlers.onMessage({ type: 'page-report', tabId: 7 }, page)).toMatchObject({ nkError: true, error: expect.stringContaining('not accepted') });
    expect(await handlers.onMessage(scan(['x']), popup)).toMatchObject({ nkError: true });
    expect(await handlers.onMessage({ type: 'content:scan', sentences: 5 }, page)).toMatchObject({ nkError: true, error: expect.stringContaining('Invalid message') });
    // …and keeps serving other tabs afterwards.
    const ok = await handlers.onMessage(scan(['North Korea']), { ...page, tab: { id: 8 } });
    expect(ok).toMatchObject({ status: 'annotated' });
  });

  it('sends "show on page" to the frame that holds the entry', async () => {
    const { handlers, sendToTab } = setup();
    await handlers.onMessage(scan(['North Korea']), { ...page, frameId: 3 });
    const shown = await handlers.onMessage({ type: 'popup:show-on-page', tabId: 7, id: 'north-korea' }, popup);
    expect(shown).toBe(true);
    expect(sendToTab).toHaveBeenCalledWith(7, { type: 'bg:show-entry', id: 'north-korea' }, 3);
  });
});
