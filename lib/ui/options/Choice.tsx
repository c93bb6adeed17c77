/** A labelled group of radio buttons: every option a native radio, so arrows move within it. */
import { useId } from 'preact/hooks';

export interface ChoiceProps<T extends string> {
  legend: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string; hint?: string }[];
  onChange(value: T): void;
}

export function Choice<T extends string>({ legend, name, value, options, onChange }: ChoiceProps<T>) {
  const id = useId();
  return (
    <fieldset class="nk-opt-field">
      <legend>{legend}</legend>
      <div class="nk-opt-choices">
        {options.map((o) => {
          // The hint describes the radio without becoming part of its name.
          const hintId = o.hint ? `${name}-${id}-${o.value}-hint` : undefined;
          return (
            <div key={o.value} class="nk-opt-choice-row">
              <label class="nk-opt-choice">
                <input
                  type="radio"
                  name={`${name}-${id}`}
                  value={o.value}
                  checked={o.value === value}
                  aria-describedby={hintId}
                  onChange={() => onChange(o.value)}
                />
                <span>{o.label}</span>
              </label>
              {o.hint && <span id={hintId} class="nk-opt-hint">{o.hint}</span>}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
