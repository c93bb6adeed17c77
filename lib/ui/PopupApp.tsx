/**
 * The toolbar popup: the lookup box, the open card with its history (Back), and the active
 * tab's page section. Everything outside comes through `api`, so tests render it with fakes.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CardData, SourceMeta } from '../knowledge/types';
import { ContextCard } from './ContextCard';
import { attributionText } from './format';
import { LookupBox, type LookupRequest } from './LookupBox';
import type { PopupApi } from './popup/api';
import { PageSection } from './popup/PageSection';
import { THEME_ROOT_CLASS, themeAttr, type ThemeChoice } from './theme';

export type { PopupApi } from './popup/api';

export interface PopupAppProps {
  api: PopupApi;
  /** The tab whose page the popup describes; null when unknown. */
  tabId: number | null;
  /** The source article, for the footer. */
  source?: SourceMeta;
  /** How often to re-ask for the page report while it is pending (ms). */
  pollMs?: number;
  debounceMs?: number;
}

type CardState = { id: string; card: CardData | null | 'loading' | 'error' };

export function PopupApp({ api, tabId, source, pollMs = 500, debounceMs }: PopupAppProps): JSX.Element {
  const [query, setQuery] = useState('');
  const [request, setRequest] = useState<LookupRequest | undefined>(undefined);
  const [history, setHistory] = useState<CardState[]>([]);
  const [theme, setTheme] = useState<ThemeChoice>('auto');
  const backRef = useRef<HTMLButtonElement>(null);
  const lookupRef = useRef<HTMLDivElement>(null);
  const focusBack = useRef(false);
  const current = history[history.length - 1];

  useEffect(() => {
    let live = true;
    api.takePendingLookup().then(
      (q) => live && q && q.trim() && setRequest({ query: q.trim(), seq: 1 }),
      () => undefined,
    );
    api.getTheme?.().then(
      (t) => live && setTheme(t),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  // After keyboard navigation between cards the clicked control is gone: put focus somewhere
  // predictable (Back, or the lookup when returning to the page list).
  useEffect(() => {
    if (!focusBack.current) return;
    focusBack.current = false;
    if (current) backRef.current?.focus();
    else lookupRef.current?.querySelector('input')?.focus();
  }, [current]);

  function openCard(id: string, moveFocus: boolean): void {
    focusBack.current = moveFocus;
    setHistory((h) => [...h, { id, card: 'loading' }]);
    const settle = (card: CardState['card']) =>
      setHistory((h) => h.map((s) => (s.id === id && s.card === 'loading' ? { id, card } : s)));
    api.getCard(id).then(settle, () => settle('error'));
  }

  function back(): void {
    focusBack.current = true;
    setHistory((h) => h.slice(0, -1));
  }

  return (
    <div class={`${THEME_ROOT_CLASS} nk-popup`} data-theme={themeAttr(theme)}>
      <header class="nk-popup-header">
        <h1 class="nk-popup-title">NK Context</h1>
        <button type="button" class="nk-link" onClick={() => void api.openOptions()}>
          Settings
        </button>
      </header>
      <main class="nk-popup-main">
        <div ref={lookupRef}>
          <LookupBox
            value={query}
            onValueChange={setQuery}
            search={(q) => api.search(q)}
            onOpen={(hit) => openCard(hit.id, false)}
            autoFocus
            debounceMs={debounceMs}
            request={request}
          />
        </div>
        {current && (
          <div class="nk-card-view">
            <button type="button" ref={backRef} class="nk-button nk-back" onClick={back}>
              <span aria-hidden="true">← </span>Back
            </button>
            {current.card === 'loading' ? (
              <p class="nk-muted" role="status">
                Loading…
              </p>
            ) : current.card === 'error' || current.card === null ? (
              <p class="nk-muted" role="status">
                This entry's card could not be loaded.
              </p>
            ) : (
              <ContextCard card={current.card} headingLevel={2} onRelated={(id) => openCard(id, true)} />
            )}
          </div>
        )}
        <div hidden={current !== undefined}>
          <PageSection api={api} tabId={tabId} pollMs={pollMs} onRelated={(id) => openCard(id, true)} />
        </div>
      </main>
      {source && (
        <footer class="nk-footer">
          <p>{attributionText(source)}</p>
        </footer>
      )}
    </div>
  );
}
