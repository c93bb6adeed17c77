/** Defaults for how and where terms are marked and how cards look. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { HOVER_DELAY_MAX, HOVER_DELAY_MIN } from '../../settings';
import type { MarkStyle, Settings, SiteMode, ThemeSetting } from '../../settings';
import { Choice } from './Choice';

export const MODE_OPTIONS: readonly { value: SiteMode; label: string; hint?: string }[] = [
  { value: 'auto', label: 'Automatic', hint: 'Mark pages that are about North Korea or nuclear diplomacy' },
  { value: 'always', label: 'Always', hint: 'Mark every page' },
  { value: 'off', label: 'Off', hint: 'Mark nothing' },
];
const STYLE_OPTIONS: readonly { value: MarkStyle; label: string }[] = [
  { value: 'underline', label: 'Dotted underline' },
  { value: 'background', label: 'Soft highlight' },
  { value: 'hover', label: 'Only on hover or focus' },
];
const THEME_OPTIONS: readonly { value: ThemeSetting; label: string }[] = [
  { value: 'auto', label: 'Follow the browser and page' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

export function MarksSection({ settings, save }: { settings: Settings; save(patch: Partial<Settings>): void }) {
  // The slider shows its value while dragging and saves when released (or on each key step).
  const [delay, setDelay] = useState(settings.hoverDelayMs);
  // While the slider has focus, the user's value wins: storage echoes of earlier saves arrive late
  // and would otherwise pull the slider back under quick key presses.
  const editing = useRef(false);
  useEffect(() => {
    if (!editing.current) setDelay(settings.hoverDelayMs);
  }, [settings.hoverDelayMs]);
  return (
    <section class="nk-opt-section" aria-labelledby="nk-opt-marks">
      <h2 id="nk-opt-marks">Marks and cards</h2>
      <Choice legend="On every site, by default" name="mode" value={settings.mode} options={MODE_OPTIONS}
        onChange={(mode) => save({ mode })} />
      <Choice legend="Mark style" name="style" value={settings.markStyle} options={STYLE_OPTIONS}
        onChange={(markStyle) => save({ markStyle })} />
      <div class="nk-opt-field">
        <label for="nk-opt-delay">Hover delay</label>
        <div class="nk-opt-slider">
          <input
            id="nk-opt-delay"
            type="range"
            min={HOVER_DELAY_MIN}
            max={HOVER_DELAY_MAX}
            step={50}
            value={delay}
            aria-valuetext={`${delay} milliseconds`}
            aria-describedby="nk-opt-delay-hint"
            onFocus={() => (editing.current = true)}
            onBlur={() => {
              editing.current = false;
              setDelay(settings.hoverDelayMs);
            }}
            onInput={(e) => setDelay(Number(e.currentTarget.value))}
            onChange={(e) => save({ hoverDelayMs: Number(e.currentTarget.value) })}
          />
          <output for="nk-opt-delay" class="nk-opt-value">{`${delay} ms`}</output>
        </div>
        <p id="nk-opt-delay-hint" class="nk-opt-hint">How long the pointer rests on a term before its card opens.</p>
      </div>
      <Choice legend="Card theme" name="theme" value={settings.theme} options={THEME_OPTIONS}
        onChange={(theme) => save({ theme })} />
      <div class="nk-opt-field">
        <label class="nk-opt-choice">
          <input type="checkbox" checked={settings.badge} onChange={(e) => save({ badge: e.currentTarget.checked })} />
          <span>Show the number of marked entries on the toolbar icon</span>
        </label>
      </div>
    </section>
  );
}
