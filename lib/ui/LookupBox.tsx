/**
 * The lookup box: an ARIA combobox (editable, list autocomplete) over an injected `search`.
 * It answers as you type after a short debounce; an answer to an older query is dropped.
 * The parent owns the text (`value`) so it can fill it (context-menu lookup) without a search.
 */
import type { JSX } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../messaging/protocol';
import { kindLabel, plural } from './format';

export interface LookupBoxProps {
  value: string;
  onValueChange(value: string): void;
  search(query: string): Promise<SearchHit[]>;
  /** The reader chose a hit (Enter, click, or an example). */
  onOpen(hit: SearchHit): void;
  autoFocus?: boolean;
  debounceMs?: number;
  examples?: string[];
  /** A lookup asked for from outside (the context menu): fill the box and open the best hit. */
  request?: LookupRequest;
}

/** A new `seq` triggers the lookup again, even for the same query. */
export interface LookupRequest {
  query: string;
  seq: number;
}

type Answer = { query: string; hits: SearchHit[] } | { query: string; error: true };

export function LookupBox(props: LookupBoxProps): JSX.Element {
  const { value, onValueChange, search, onOpen, autoFocus = false, debounceMs = 80 } = props;
  const examples = props.examples ?? ['CVID', 'Kim Jong Un'];
  const uid = useId();
  const listId = `nk-lookup-list-${uid}`;
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const seq = useRef(0);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // The reader moved through the list since the last answer: Enter means that option.
  const [arrowed, setArrowed] = useState(false);

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
    return () => clearTimeout(timer.current);
  }, []);

  useEffect(() => {
    if (props.request) lookUpNow(props.request.query);
  }, [props.request?.seq, props.request?.query]);

  /** Ask now; only the newest request may change what is shown. `then` runs on its hits. */
  function run(query: string, then?: (hits: SearchHit[]) => void): void {
    clearTimeout(timer.current);
    const mine = ++seq.current;
    search(query).then(
      (hits) => {
        if (mine !== seq.current) return;
        setAnswer({ query, hits });
        setActive(hits.length > 0 ? 0 : -1);
        setArrowed(false);
        if (then) then(hits);
        else setOpen(true);
      },
      () => {
        if (mine !== seq.current) return;
        setAnswer({ query, error: true });
        setOpen(false);
      },
    );
  }

  function cancel(): void {
    clearTimeout(timer.current);
    seq.current++;
  }

  function choose(hit: SearchHit): void {
    cancel();
    setOpen(false);
    onOpen(hit);
  }

  function onInput(e: JSX.TargetedEvent<HTMLInputElement>): void {
    const next = e.currentTarget.value;
    onValueChange(next);
    const query = next.trim();
    if (query === '') {
      cancel();
      setAnswer(null);
      setOpen(false);
      return;
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => run(query), debounceMs);
  }

  const query = value.trim();
  const hits = answer && 'hits' in answer ? answer.hits : null;
  // While the reader types, the previous answer stays up until the new one lands (no flicker).
  const fresh = answer !== null && answer.query === query;
  const shown: SearchHit[] = open && query !== '' && hits ? hits : [];
  const expanded = shown.length > 0;

  function onKeyDown(e: JSX.TargetedKeyboardEvent<HTMLInputElement>): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!expanded) {
        if (fresh && hits && hits.length > 0) setOpen(true);
        else if (query) run(query);
        return;
      }
      const n = shown.length;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setArrowed(true);
      setActive((i) => (i < 0 ? (step > 0 ? 0 : n - 1) : (i + step + n) % n));
    } else if (e.key === 'Enter') {
      if (!query) return;
      e.preventDefault();
      const pick = expanded && (fresh || arrowed) ? shown[active] : undefined;
      if (pick) choose(pick);
      // Typed faster than the debounce: ask now and open the best hit.
      else run(query, (found) => (found[0] ? choose(found[0]) : setOpen(true)));
    } else if (e.key === 'Escape') {
      if (value !== '') {
        // Handled here, so the popup itself stays open; a second Escape reaches the browser.
        e.preventDefault();
        e.stopPropagation();
        cancel();
        onValueChange('');
        setAnswer(null);
        setOpen(false);
      } else if (expanded) {
        e.preventDefault();
        setOpen(false);
      }
    }
  }

  /** Fill the box and open the best hit (examples, context-menu lookups). */
  function lookUpNow(text: string): void {
    onValueChange(text);
    run(text, (found) => (found[0] ? choose(found[0]) : setOpen(true)));
  }

  function tryExample(text: string): void {
    inputRef.current?.focus();
    lookUpNow(text);
  }

  const activeId = expanded && active >= 0 ? `${listId}-${active}` : undefined;
  const noResult = fresh && hits !== null && hits.length === 0 && query !== '';
  const failed = fresh && answer !== null && 'error' in answer;

  return (
    <div class="nk-lookup">
      <input
        ref={inputRef}
        id={`nk-lookup-input-${uid}`}
        class="nk-lookup-input"
        type="text"
        role="combobox"
        aria-label="Look up a term or name"
        aria-autocomplete="list"
        aria-expanded={expanded ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={activeId}
        autoComplete="off"
        spellcheck={false}
        placeholder="Look up a term or name"
        value={value}
        onInput={onInput}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => fresh && hits && hits.length > 0 && setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label="Matching entries" class="nk-lookup-list" hidden={!expanded}>
        {shown.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active ? 'true' : 'false'}
              data-entry-id={hit.id}
              class={i === active ? 'nk-option nk-option-active' : 'nk-option'}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== active && setActive(i)}
              onClick={() => choose(hit)}
            >
              <span class="nk-option-label">{hit.label}</span>
              {hit.matched && hit.matched !== hit.label && <span class="nk-option-matched">{` “${hit.matched}”`}</span>}
              <span class="nk-card-kind" data-kind={hit.kind}>
                {kindLabel(hit.kind)}
              </span>
            </li>
          ))}
      </ul>
      <div role="status" class={noResult || failed ? 'nk-lookup-note' : 'nk-sr'}>
        {noResult
          ? `No entry for “${query}”. Try another spelling, e.g. “denuclearization”, “Kim Jong-un” or “CVID”.`
          : failed
            ? 'The lookup is not available right now.'
            : expanded
              ? plural(shown.length, 'result', 'results')
              : ''}
      </div>
      {query === '' && examples.length > 0 && (
        <p class="nk-lookup-hint">
          {'Try '}
          {examples.map((ex, i) => (
            <span key={ex}>
              {i > 0 && (i === examples.length - 1 ? ' or ' : ', ')}
              <button type="button" class="nk-link" onClick={() => tryExample(ex)}>
                {ex}
              </button>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
