/**
 * The popup's "On this page" section: status line, the per-site mode, and the entries found on
 * the active tab grouped by kind, each with its count, "Show on page" and an expandable card.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { CardData } from '../../knowledge/types';
import type { PageReportEntry, SiteMode } from '../../messaging/protocol';
import { ContextCard } from '../ContextCard';
import { groupEntries, siteHost, statusLine } from '../page-view';
import type { PopupApi } from './api';
import { SiteModeSwitch } from './SiteModeSwitch';
import { usePageReport } from './usePageReport';

export interface PageSectionProps {
  api: PopupApi;
  tabId: number | null;
  pollMs: number;
  /** A related entry in an expanded card was chosen. */
  onRelated(id: string): void;
}

export function PageSection({ api, tabId, pollMs, onRelated }: PageSectionProps): JSX.Element {
  const page = usePageReport(api, tabId, pollMs);
  const host = page.report && page.status !== 'unavailable' ? siteHost(page.report.url) : null;
  const [mode, setMode] = useState<SiteMode | null>(null);
  const [note, setNote] = useState('');
  const headingId = `nk-page-${useId()}`;

  useEffect(() => {
    if (!host) return;
    let live = true;
    api.getSiteMode(host).then(
      (m) => live && setMode(m),
      () => live && setMode('auto'),
    );
    return () => {
      live = false;
    };
  }, [api, host]);

  function changeMode(next: SiteMode): void {
    if (!host || next === mode) return;
    const before = page.status;
    setMode(next);
    api.setSiteMode(host, next).then(
      () => page.refresh(before),
      () => setNote('Could not save the setting for this site.'),
    );
  }

  function annotateAnyway(): void {
    if (tabId === null) return;
    page.assume('pending');
    api.annotateAnyway(tabId).then(
      () => page.refresh('not-relevant'),
      () => page.refresh(),
    );
  }

  function showOnPage(entry: PageReportEntry): void {
    if (tabId === null) return;
    api.showOnPage(tabId, entry.id).then(
      (found) => setNote(found === false ? `${entry.label} is no longer on the page.` : `Showing ${entry.label} on the page.`),
      () => setNote(`Could not show ${entry.label} on the page.`),
    );
  }

  const entries = page.status === 'annotated' && page.report ? page.report.entries : [];
  return (
    <section class="nk-page" aria-labelledby={headingId}>
      <h2 id={headingId} class="nk-section-title">
        On this page
      </h2>
      <p class="nk-page-status" data-testid="page-status" data-status={page.status} role="status">
        {statusLine(page.status, entries.length)}
      </p>
      {page.status === 'not-relevant' && (
        <button type="button" class="nk-button" onClick={annotateAnyway}>
          Annotate anyway
        </button>
      )}
      {host && <SiteModeSwitch host={host} mode={mode} onChange={changeMode} />}
      <p class="nk-sr" aria-live="polite">
        {note}
      </p>
      {groupEntries(entries).map((g) => (
        <section key={g.kind} class="nk-group" aria-label={g.title}>
          <h3 class="nk-group-title">{g.title}</h3>
          <ul class="nk-entries">
            {g.entries.map((e) => (
              <EntryRow key={e.id} entry={e} api={api} onShow={() => showOnPage(e)} onRelated={onRelated} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

interface EntryRowProps {
  entry: PageReportEntry;
  api: PopupApi;
  onShow(): void;
  onRelated(id: string): void;
}

function EntryRow({ entry, api, onShow, onRelated }: EntryRowProps): JSX.Element {
  const [open, setOpen] = useState(false);
  const [card, setCard] = useState<CardData | null | 'loading' | 'error'>('loading');
  const [asked, setAsked] = useState(false);
  const uid = useId();
  const labelId = `nk-entry-${uid}`;
  const panelId = `nk-entry-card-${uid}`;

  function toggle(): void {
    const next = !open;
    setOpen(next);
    // Fetch once, and again only after a failure.
    if (!next || (asked && card !== 'error')) return;
    setAsked(true);
    setCard('loading');
    api.getCard(entry.id).then(
      (c) => setCard(c),
      () => setCard('error'),
    );
  }

  return (
    <li class="nk-entry" data-testid="page-entry" data-entry-id={entry.id}>
      <div class="nk-entry-row">
        <button
          type="button"
          id={labelId}
          class="nk-entry-toggle"
          aria-expanded={open ? 'true' : 'false'}
          aria-controls={panelId}
          onClick={toggle}
        >
          <span class="nk-entry-chevron" aria-hidden="true" />
          <span class="nk-entry-label">{entry.label}</span>
        </button>
        <span class="nk-count">{String(entry.count)}</span>
        <span class="nk-sr">{entry.count === 1 ? ' mention' : ' mentions'}</span>
        <button type="button" class="nk-button nk-show" aria-describedby={labelId} onClick={onShow}>
          Show on page
        </button>
      </div>
      <div id={panelId} class="nk-entry-card" hidden={!open}>
        {open &&
          (card === 'loading' ? (
            <p class="nk-muted">Loading…</p>
          ) : card === 'error' || card === null ? (
            <p class="nk-muted">No card for this entry.</p>
          ) : (
            <ContextCard card={card} headingLevel={4} onRelated={onRelated} />
          ))}
      </div>
    </li>
  );
}
