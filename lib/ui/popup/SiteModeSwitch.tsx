/** "On this site": a segmented radio group Automatic / Always / Off. Native radios, so arrows work. */
import type { JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { SiteMode } from '../../messaging/protocol';

const OPTIONS: { mode: SiteMode; label: string; hint: string }[] = [
  { mode: 'auto', label: 'Automatic', hint: 'Mark pages that are about North Korea' },
  { mode: 'always', label: 'Always', hint: 'Mark every page on this site' },
  { mode: 'off', label: 'Off', hint: 'Never mark pages on this site' },
];

export interface SiteModeSwitchProps {
  host: string;
  mode: SiteMode | null;
  onChange(mode: SiteMode): void;
  disabled?: boolean;
}

export function SiteModeSwitch({ host, mode, onChange, disabled }: SiteModeSwitchProps): JSX.Element {
  const uid = useId();
  const labelId = `nk-site-mode-${uid}`;
  return (
    <div class="nk-site-mode">
      <span id={labelId} class="nk-site-mode-label">
        On this site
      </span>
      <span class="nk-site-mode-host" aria-hidden="true">
        {host}
      </span>
      <div role="radiogroup" aria-labelledby={labelId} class="nk-segmented">
        {OPTIONS.map((o) => (
          <label key={o.mode} class="nk-segment" title={o.hint}>
            <input
              type="radio"
              name={`nk-site-mode-${uid}`}
              value={o.mode}
              checked={mode === o.mode}
              disabled={disabled || mode === null}
              onChange={() => onChange(o.mode)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </div>
  );
}
