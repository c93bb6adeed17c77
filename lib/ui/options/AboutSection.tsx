/** Where the cards' knowledge comes from, and what the extension keeps. */
import type { SourceMeta } from '../../knowledge/types';
import { formatDate } from '../format';

export function AboutSection({ source, version }: { source: SourceMeta; version?: string }) {
  return (
    <section class="nk-opt-section" aria-labelledby="nk-opt-about">
      <h2 id="nk-opt-about">About</h2>
      <h3>The source article</h3>
      <dl class="nk-opt-source" data-testid="source">
        <dt>Title</dt>
        <dd><cite>{source.title}</cite></dd>
        <dt>Author</dt>
        <dd>{`${source.author} — ${source.authorRole}`}</dd>
        <dt>Publisher</dt>
        <dd>{source.publisher}</dd>
        <dt>Published</dt>
        <dd>{formatDate(source.date)}</dd>
        <dt>Licence</dt>
        <dd>{source.licence}</dd>
      </dl>
      <p class="nk-opt-hint">{source.attribution}</p>
      <p>
        Every card quotes the sentence of this article that grounds it. A few entries add widely known
        background that the article does not state; their cards say so.
      </p>
      <h3>What the extension stores</h3>
      <ul class="nk-opt-privacy" data-testid="privacy">
        <li>Your settings, in this browser only.</li>
        <li>Nothing leaves the browser: pages are read on your device, and what is found on a page is held in memory only while its tab is open.</li>
        <li>No network requests, no accounts, no tracking.</li>
      </ul>
      {version && <p class="nk-opt-hint">{`NK Context ${version}`}</p>}
    </section>
  );
}
