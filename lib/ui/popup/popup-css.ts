/** Popup layout: the lookup box, the page section and its lists. Used with `cardCss`. */
import { DARK, LIGHT } from '../palette';

export const popupCss = `
html, body { margin: 0; padding: 0; }
/* The popup window's own background, so no white edge shows around a dark popup. */
html { background: ${LIGHT.bg}; }
@media (prefers-color-scheme: dark) { html { background: ${DARK.bg}; } }
html:has(.nk-popup[data-theme="light"]) { background: ${LIGHT.bg}; }
html:has(.nk-popup[data-theme="dark"]) { background: ${DARK.bg}; }
.nk-popup { width: 380px; max-width: 100vw; min-height: 120px; padding: 10px 12px 8px; }
.nk-popup-header { display: flex; align-items: baseline; justify-content: space-between; margin: 0 0 8px; }
.nk-popup-title { margin: 0; font-size: 15px; font-weight: 700; letter-spacing: 0.2px; }
.nk-muted { color: var(--nk-muted); margin: 8px 0; }

.nk-lookup { position: relative; }
.nk-lookup-input {
  display: block; width: 100%; height: 34px; padding: 6px 10px; border-radius: 6px; font: inherit; font-size: 14px;
  border: 1px solid var(--nk-control-border); background: var(--nk-bg); color: var(--nk-text);
}
.nk-lookup-input::placeholder { color: var(--nk-muted); opacity: 1; }
.nk-lookup-input:focus-visible { outline: 2px solid var(--nk-focus); outline-offset: 1px; }
.nk-lookup-list {
  list-style: none; margin: 4px 0 0; padding: 4px; border: 1px solid var(--nk-border); border-radius: 6px;
  background: var(--nk-bg); max-height: 260px; overflow-y: auto;
}
.nk-lookup-list[hidden] { display: none; }
.nk-option { display: flex; align-items: center; gap: 6px; padding: 5px 8px; border-radius: 4px; cursor: pointer; }
.nk-option-active { background: var(--nk-active-bg); outline: 1px solid var(--nk-focus); }
.nk-option-label { font-weight: 600; }
.nk-option-matched { color: var(--nk-muted); font-size: 12px; flex: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.nk-option .nk-card-kind { margin-left: auto; }
.nk-lookup-note { margin: 6px 0 0; font-size: 13px; color: var(--nk-muted); }
.nk-lookup-hint { margin: 6px 0 0; font-size: 13px; color: var(--nk-muted); }

.nk-card-view { margin: 10px 0 0; }
.nk-card-view .nk-card { padding: 10px 0 0; }
.nk-back { margin: 0; }

.nk-page { margin: 12px 0 0; }
.nk-section-title { margin: 0 0 4px; font-size: 13px; font-weight: 700; text-transform: uppercase; letter-spacing: 0.5px; color: var(--nk-muted); }
.nk-page-status { margin: 0 0 8px; }
.nk-page-status[data-status="annotated"] { font-weight: 600; }
.nk-page-status + .nk-button { margin: 0 0 8px; }

.nk-site-mode { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; margin: 4px 0 10px; font-size: 13px; }
.nk-site-mode-label { font-weight: 600; }
.nk-site-mode-host { color: var(--nk-muted); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 150px; }
.nk-segmented { display: inline-flex; margin-left: auto; border: 1px solid var(--nk-control-border); border-radius: 6px; overflow: hidden; }
.nk-segment { position: relative; display: inline-flex; }
.nk-segment input { position: absolute; inset: 0; opacity: 0; margin: 0; cursor: pointer; }
.nk-segment span { padding: 3px 10px; line-height: 1.5; border-left: 1px solid var(--nk-control-border); }
.nk-segment:first-child span { border-left: 0; }
.nk-segment input:checked + span { background: var(--nk-accent); color: var(--nk-accent-text); font-weight: 600; }
.nk-segment input:focus-visible + span { outline: 2px solid var(--nk-focus); outline-offset: -3px; }
.nk-segment input:disabled + span { color: var(--nk-muted); }

.nk-group { margin: 8px 0 0; }
.nk-group-title { margin: 0 0 2px; font-size: 12px; font-weight: 650; color: var(--nk-muted); }
.nk-entries { list-style: none; margin: 0; padding: 0; }
.nk-entry { border-top: 1px solid var(--nk-border); }
.nk-entry-row { display: flex; align-items: center; gap: 8px; padding: 4px 0; }
.nk-entry-toggle {
  flex: 1; display: flex; align-items: center; gap: 6px; min-width: 0; padding: 4px 2px; border: 0; background: none;
  text-align: left; font-size: 14px;
}
.nk-entry-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.nk-entry-chevron { width: 0; height: 0; border-left: 5px solid var(--nk-muted); border-top: 4px solid transparent; border-bottom: 4px solid transparent; transition: transform 120ms ease; }
.nk-entry-toggle[aria-expanded="true"] .nk-entry-chevron { transform: rotate(90deg); }
.nk-count { min-width: 24px; padding: 0 6px; border-radius: 9px; background: var(--nk-surface); text-align: center; font-size: 12px; font-weight: 600; font-variant-numeric: tabular-nums; }
.nk-show { font-size: 12px; min-height: 26px; padding: 2px 8px; }
.nk-entry-card[hidden] { display: none; }
.nk-entry-card .nk-card { padding: 4px 0 10px 14px; }

.nk-footer { margin: 12px 0 0; padding: 8px 0 0; border-top: 1px solid var(--nk-border); font-size: 11px; color: var(--nk-muted); }
.nk-footer p { margin: 0; }
`;
