/** Per-site exceptions to the default mode: change, remove, or add one. */
import { useRef, useState } from 'preact/hooks';
import { normalizeHostname } from '../../settings';
import type { Settings, SiteMode } from '../../settings';
import { MODE_OPTIONS } from './MarksSection';

export interface SitesProps {
  settings: Settings;
  setMode(host: string, mode: SiteMode): void;
  remove(host: string): void;
}

/** A hostname from what a user types: "bbc.co.uk", "https://www.bbc.co.uk/news" … */
export function hostFromInput(text: string): string | null {
  const t = text.trim();
  if (t === '' || /\s/.test(t)) return null;
  let host: string;
  try {
    // URL parsing also handles ports, paths and non-ASCII names (to the punycode pages report).
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : `http://${t}`).hostname;
  } catch {
    return null;
  }
  const n = normalizeHostname(host);
  return n && (n.includes('.') || n === 'localhost') && !n.startsWith('.') ? n : null;
}

const modeLabel = (m: SiteMode) => MODE_OPTIONS.find((o) => o.value === m)?.label ?? m;

export function SitesSection({ settings, setMode, remove }: SitesProps) {
  const hosts = Object.keys(settings.siteModes).sort();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState('');
  const [draftMode, setDraftMode] = useState<SiteMode>('off');
  const [error, setError] = useState('');

  const add = (e: Event) => {
    e.preventDefault();
    const host = hostFromInput(draft);
    if (!host) return setError('Enter a site such as example.com');
    setError('');
    setDraft('');
    setMode(host, draftMode);
  };

  return (
    <section class="nk-opt-section" aria-labelledby="nk-opt-sites">
      <h2 id="nk-opt-sites" ref={heading} tabIndex={-1}>Sites</h2>
      <p class="nk-opt-hint">
        {`Exceptions to the default (${modeLabel(settings.mode)}). A site's setting also covers its subdomains.`}
      </p>
      {hosts.length === 0 ? (
        <p class="nk-opt-empty" data-testid="sites-empty">
          No exceptions yet. Choose Always or Off for a site from the toolbar popup, or add one below.
        </p>
      ) : (
        <ul class="nk-opt-sites">
          {hosts.map((host) => (
            <li key={host} class="nk-opt-site" data-host={host}>
              <span class="nk-opt-host">{host}</span>
              <select
                aria-label={`Mode for ${host}`}
                value={settings.siteModes[host]}
                onChange={(e) => setMode(host, e.currentTarget.value as SiteMode)}
              >
                {MODE_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>{o.label}</option>
                ))}
              </select>
              <button
                type="button"
                class="nk-button"
                aria-label={`Remove ${host}`}
                onClick={() => {
                  remove(host);
                  heading.current?.focus(); // the row and its button are about to vanish
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="nk-opt-add" onSubmit={add}>
        <label for="nk-opt-add-host">Add a site</label>
        <input
          id="nk-opt-add-host"
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="example.com"
          value={draft}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'nk-opt-add-error' : undefined}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
        <select aria-label="Mode for the new site" value={draftMode}
          onChange={(e) => setDraftMode(e.currentTarget.value as SiteMode)}>
          {MODE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
        <button type="submit" class="nk-button">Add</button>
        {error && <p id="nk-opt-add-error" class="nk-opt-error" role="alert">{error}</p>}
      </form>
    </section>
  );
}
