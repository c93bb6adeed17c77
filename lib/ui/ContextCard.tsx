/**
 * The context card: one component for the popup and the on-page hover card. Every string from
 * the knowledge base or the page is rendered as a text node (Preact escapes it).
 */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { CardData } from '../knowledge/types';
import { attributionParts, formatDate, kindLabel, splitMention } from './format';

export interface PageSentence {
  text: string;
  /** Offset of the mention inside `text`. */
  at: number;
  length: number;
}

export interface ContextCardProps {
  card: CardData;
  /** The sentence of this page where the term stands; its mention is highlighted. */
  pageSentence?: PageSentence;
  /** Related entries become buttons that call this with their id. */
  onRelated?(id: string): void;
  /** Shows an "Open in popup" button (the hover card uses it). */
  onOpenInPopup?(): void;
  /** Level of the card's title heading (2 in the popup, 3 by default). */
  headingLevel?: 2 | 3 | 4 | 5;
  /** Tighter layout for the hover card: the first quote only and at most three dates. */
  compact?: boolean;
  /** `light`/`dark` forces a theme on this card; omitted follows the ancestor or the OS. */
  theme?: 'light' | 'dark';
}

function Heading({ level, id, class: cls, children }: { level: number; id?: string; class: string; children: string }) {
  const Tag = `h${Math.min(Math.max(level, 1), 6)}` as 'h2';
  return (
    <Tag id={id} class={cls}>
      {children}
    </Tag>
  );
}

export function ContextCard(props: ContextCardProps): JSX.Element {
  const { card, pageSentence, onRelated, onOpenInPopup, compact = false, theme } = props;
  const level = props.headingLevel ?? 3;
  const { entry, related, source } = card;
  const titleId = `nk-card-title-${useId()}`;
  const sub = level + 1;
  const quotes = compact ? entry.quotes.slice(0, 1) : entry.quotes;
  const dates = compact ? (entry.dates ?? []).slice(0, 3) : (entry.dates ?? []);
  const attribution = attributionParts(source);

  return (
    <article
      class={compact ? 'nk-card nk-compact' : 'nk-card'}
      data-entry-id={entry.id}
      data-theme={theme}
      aria-labelledby={titleId}
    >
      <header class="nk-card-header">
        <Heading level={level} id={titleId} class="nk-card-title">
          {entry.label}
        </Heading>
        <span class="nk-card-kind" data-kind={entry.kind}>
          {kindLabel(entry.kind)}
        </span>
      </header>
      <p class="nk-card-definition">{entry.definition}</p>

      {entry.perspectives && entry.perspectives.length > 0 && (
        <section class="nk-card-section nk-card-perspectives">
          <Heading level={sub} class="nk-card-subhead">
            Perspectives
          </Heading>
          <dl>
            {entry.perspectives.map((p, i) => (
              <div key={i}>
                <dt>{p.side}</dt>
                <dd>{p.view}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}

      {dates.length > 0 && (
        <section class="nk-card-section nk-card-dates">
          <Heading level={sub} class="nk-card-subhead">
            Dates
          </Heading>
          <ul>
            {dates.map((d, i) => (
              <li key={i}>
                <time dateTime={d.date}>{formatDate(d.date)}</time>
                {' — '}
                {d.what}
              </li>
            ))}
          </ul>
        </section>
      )}

      {pageSentence && pageSentence.text.trim() !== '' && <OnThisPage sentence={pageSentence} level={sub} />}

      {entry.fromSource ? (
        quotes.length > 0 && (
          <figure class="nk-card-grounding">
            {quotes.map((q, i) => (
              <blockquote class="nk-card-quote" key={i}>
                <p>{q}</p>
              </blockquote>
            ))}
            <figcaption class="nk-card-source">
              {'From “'}
              <cite>{attribution.title}</cite>
              {`” — ${attribution.byline} · ${attribution.licence}`}
            </figcaption>
          </figure>
        )
      ) : (
        <p class="nk-card-background">Widely known background, not from the source article.</p>
      )}

      {related.length > 0 && (
        <section class="nk-card-section nk-card-related">
          <Heading level={sub} class="nk-card-subhead">
            Related
          </Heading>
          <ul>
            {related.map((r) => (
              <li key={r.id}>
                {onRelated ? (
                  <button type="button" data-entry-id={r.id} onClick={() => onRelated(r.id)}>
                    {r.label}
                    <span class="nk-sr">{` (${kindLabel(r.kind)})`}</span>
                  </button>
                ) : (
                  <span class="nk-card-related-label">{r.label}</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {onOpenInPopup && (
        <div class="nk-card-actions">
          <button type="button" class="nk-button" onClick={() => onOpenInPopup()}>
            Open in popup
          </button>
        </div>
      )}
    </article>
  );
}

function OnThisPage({ sentence, level }: { sentence: PageSentence; level: number }) {
  const parts = splitMention(sentence.text, sentence.at, sentence.length);
  return (
    <section class="nk-card-section">
      <Heading level={level} class="nk-card-subhead">
        On this page
      </Heading>
      <p class="nk-card-page-sentence">
        {parts.before}
        {parts.mention && <mark>{parts.mention}</mark>}
        {parts.after}
      </p>
    </section>
  );
}
