/** The popup's view of a tab: every frame's findings merged into one PageReport. */
import { ENTRY_KINDS, type KnowledgeBase } from '../knowledge/types';
import type { PageReport, PageReportEntry } from '../messaging/protocol';
import { MAX_MENTION_TEXTS, type FrameState } from './state';

/**
 * `frames[0]` is the top frame; its status is the page's. When the page is annotated, only
 * annotated frames contribute (those are the marks on screen); otherwise every frame's findings
 * are listed, so the popup can say what was found but not annotated.
 */
export function buildPageReport(tabId: number, url: string, frames: readonly FrameState[], kb: KnowledgeBase): PageReport {
  const top = frames[0];
  const status = top?.status ?? 'pending';
  const byId = new Map(kb.entries.map((e) => [e.id, e]));
  const merged = new Map<string, PageReportEntry>();
  for (const frame of frames) {
    if (status === 'annotated' && frame.status !== 'annotated') continue;
    for (const [id, tally] of Object.entries(frame.entries)) {
      const entry = byId.get(id);
      if (!entry || tally.count === 0) continue;
      let row = merged.get(id);
      if (!row) merged.set(id, (row = { id, kind: entry.kind, label: entry.label, count: 0, mentions: [] }));
      row.count += tally.count;
      for (const m of tally.mentions) if (row.mentions.length < MAX_MENTION_TEXTS && !row.mentions.includes(m)) row.mentions.push(m);
    }
  }
  const entries = [...merged.values()].sort(
    (a, b) => ENTRY_KINDS.indexOf(a.kind) - ENTRY_KINDS.indexOf(b.kind) || b.count - a.count || a.label.localeCompare(b.label),
  );
  return { tabId, url, status, entries };
}
