/** The options page's own layout; colours and fonts come from the shared theme's variables. */
export const optionsCss = `
html, body { margin: 0; padding: 0; }
body { background: var(--nk-bg, #fff); }
.nk-opt { min-height: 100vh; background: var(--nk-bg); color: var(--nk-text); }
.nk-opt-main { max-width: 680px; margin: 0 auto; padding: 24px 20px 48px; }
.nk-opt header { display: flex; align-items: baseline; justify-content: space-between; gap: 12px; flex-wrap: wrap; }
.nk-opt h1 { margin: 0 0 4px; font-size: 24px; font-weight: 650; }
.nk-opt h2 { margin: 0 0 12px; font-size: 18px; font-weight: 650; }
.nk-opt h3 { margin: 16px 0 6px; font-size: 15px; font-weight: 650; }
.nk-opt h2:focus { outline: none; }
.nk-opt-status { min-height: 20px; margin: 0; font-size: 13px; color: var(--nk-muted); }
.nk-opt-status[data-state="error"] { color: var(--nk-text); font-weight: 600; }
.nk-opt-section { margin: 20px 0 0; padding: 16px 18px; border: 1px solid var(--nk-border); border-radius: 10px; background: var(--nk-bg); }
.nk-opt-field { margin: 0 0 16px; padding: 0; border: 0; min-width: 0; }
.nk-opt-field:last-child { margin-bottom: 0; }
.nk-opt-field > legend, .nk-opt-field > label:not(.nk-opt-choice) { display: block; margin: 0 0 6px; padding: 0; font-weight: 600; }
.nk-opt-choices { display: flex; flex-direction: column; gap: 4px; }
.nk-opt-choice-row { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: 8px; }
.nk-opt-choice { display: inline-flex; align-items: center; gap: 8px; min-height: 28px; cursor: pointer; }
.nk-opt input[type="radio"], .nk-opt input[type="checkbox"] { margin: 0; width: 16px; height: 16px; accent-color: var(--nk-accent); }
.nk-opt-hint { margin: 0; font-size: 12px; color: var(--nk-muted); }
.nk-opt-slider { display: flex; align-items: center; gap: 12px; }
.nk-opt-slider input { flex: 1; max-width: 320px; accent-color: var(--nk-accent); }
.nk-opt-value { min-width: 64px; font-variant-numeric: tabular-nums; }
.nk-opt select, .nk-opt input[type="text"] {
  font: inherit; min-height: 30px; padding: 3px 8px; border-radius: 6px; border: 1px solid var(--nk-control-border);
  background: var(--nk-bg); color: var(--nk-text);
}
.nk-opt-sites { list-style: none; margin: 12px 0; padding: 0; border-top: 1px solid var(--nk-border); }
.nk-opt-site { display: flex; align-items: center; gap: 10px; padding: 8px 0; border-bottom: 1px solid var(--nk-border); }
.nk-opt-host { flex: 1; min-width: 0; overflow-wrap: anywhere; font-weight: 600; }
.nk-opt-empty { margin: 12px 0; padding: 10px 12px; border: 1px dashed var(--nk-control-border); border-radius: 6px; color: var(--nk-muted); }
.nk-opt-add { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 12px; }
.nk-opt-add label { font-weight: 600; }
.nk-opt-add input[type="text"] { flex: 1; min-width: 160px; }
.nk-opt-error { flex-basis: 100%; margin: 0; font-size: 13px; font-weight: 600; }
.nk-opt-source { display: grid; grid-template-columns: max-content 1fr; gap: 4px 14px; margin: 0 0 8px; }
.nk-opt-source dt { font-weight: 600; color: var(--nk-muted); }
.nk-opt-source dd { margin: 0; }
.nk-opt-privacy { margin: 0; padding-left: 20px; }
`;
