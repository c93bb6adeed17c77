/**
 * Styles for the context card and the lists around it. Every size is in px so a host page's
 * root font size cannot rescale the hover card, and every rule is scoped under `.nk-ui` or
 * `.nk-card` so the same text works in the popup document and in a shadow root.
 * Colours come from palette.ts as custom properties: `prefers-color-scheme` picks light or dark
 * unless `data-theme="light|dark"` is set on the card or an ancestor in the same tree.
 */
import { DARK, LIGHT, type Palette } from './palette';

export type ThemeChoice = 'auto' | 'light' | 'dark';
/** Class for a UI root other than a bare card (the popup, the options page). */
export const THEME_ROOT_CLASS = 'nk-ui';

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif";

function vars(p: Palette): string {
  const kebab = (k: string) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  return Object.entries(p)
    .map(([k, v]) => `--nk-${kebab(k)}: ${v};`)
    .join(' ');
}

const ROOTS = '.nk-ui, .nk-card';
const forTheme = (t: 'light' | 'dark') =>
  `.nk-ui[data-theme="${t}"], [data-theme="${t}"] .nk-ui, .nk-card[data-theme="${t}"], [data-theme="${t}"] .nk-card`;

const variables = `
${ROOTS} { ${vars(LIGHT)} color-scheme: light; }
@media (prefers-color-scheme: dark) { ${ROOTS} { ${vars(DARK)} color-scheme: dark; } }
${forTheme('light')} { ${vars(LIGHT)} color-scheme: light; }
${forTheme('dark')} { ${vars(DARK)} color-scheme: dark; }
`;

// Reset what a page could pass down by inheritance (the hover card's host sits in the page).
const base = `
${ROOTS} {
  font-family: ${FONT}; font-size: 14px; font-weight: 400; font-style: normal; line-height: 1.45;
  letter-spacing: normal; word-spacing: normal; text-transform: none; text-indent: 0; text-align: left;
  white-space: normal; color: var(--nk-text); background: var(--nk-bg); -webkit-font-smoothing: antialiased;
}
:is(${ROOTS}) *, :is(${ROOTS}) *::before, :is(${ROOTS}) *::after { box-sizing: border-box; }
:is(${ROOTS}) :focus-visible { outline: 2px solid var(--nk-focus); outline-offset: 2px; }
:is(${ROOTS}) button { font: inherit; font-size: 13px; color: inherit; cursor: pointer; }
.nk-sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.nk-button {
  display: inline-flex; align-items: center; gap: 4px; min-height: 28px; padding: 3px 10px; border-radius: 6px;
  border: 1px solid var(--nk-control-border); background: var(--nk-bg); color: var(--nk-text); line-height: 1.3;
  transition: background-color 120ms ease;
}
.nk-button:hover { background: var(--nk-surface); }
.nk-button-primary { background: var(--nk-accent); border-color: var(--nk-accent); color: var(--nk-accent-text); }
.nk-button-primary:hover { background: var(--nk-accent); filter: brightness(1.08); }
.nk-link { border: 0; background: none; padding: 0; color: var(--nk-accent); text-decoration: underline; font-size: 13px; }
`;

const card = `
.nk-card { display: block; padding: 12px 14px; border-radius: 8px; max-width: 100%; overflow-wrap: break-word; }
.nk-card.nk-compact { padding: 10px 12px; font-size: 13px; }
.nk-card-header { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; }
.nk-card-title { margin: 0; font-size: 17px; font-weight: 650; line-height: 1.3; color: var(--nk-text); }
.nk-compact .nk-card-title { font-size: 16px; }
.nk-card-kind {
  display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 11px; font-weight: 600; line-height: 1.5;
  letter-spacing: 0.4px; text-transform: uppercase; background: var(--nk-term-bg); color: var(--nk-term-text);
}
.nk-card-kind[data-kind="actor"] { background: var(--nk-actor-bg); color: var(--nk-actor-text); }
.nk-card-kind[data-kind="event"] { background: var(--nk-event-bg); color: var(--nk-event-text); }
.nk-card-kind[data-kind="place"] { background: var(--nk-place-bg); color: var(--nk-place-text); }
.nk-card-definition { margin: 8px 0 0; }
.nk-card-section { margin: 10px 0 0; }
.nk-card-subhead {
  margin: 0 0 4px; font-size: 11px; font-weight: 650; line-height: 1.4; letter-spacing: 0.5px;
  text-transform: uppercase; color: var(--nk-muted);
}
.nk-card-perspectives dl { margin: 0; }
.nk-card-perspectives dt { font-weight: 600; }
.nk-card-perspectives dd { margin: 0 0 6px; }
.nk-card-dates ul, .nk-card-related ul { list-style: none; margin: 0; padding: 0; }
.nk-card-dates li { margin: 0 0 2px; }
.nk-card-dates time { font-weight: 600; font-variant-numeric: tabular-nums; }
.nk-card-related ul { display: flex; flex-wrap: wrap; gap: 6px; }
.nk-card-related button, .nk-card-related-label {
  display: inline-block; padding: 2px 9px; border-radius: 12px; border: 1px solid var(--nk-control-border);
  background: var(--nk-bg); color: var(--nk-accent); font-size: 12px; line-height: 1.5;
}
.nk-card-related button:hover { background: var(--nk-surface); }
.nk-card-related-label { color: var(--nk-text); border-style: dashed; }
.nk-card-page-sentence { margin: 0; padding: 6px 10px; border-radius: 6px; background: var(--nk-surface); }
.nk-card-page-sentence mark { background: var(--nk-mark-bg); color: var(--nk-mark-text); padding: 0 1px; border-radius: 2px; }
.nk-card-grounding { margin: 10px 0 0; }
.nk-card-quote {
  margin: 0 0 6px; padding: 6px 10px; border-left: 3px solid var(--nk-quote-bar); background: var(--nk-surface);
  border-radius: 0 6px 6px 0; font-style: italic;
}
.nk-card-quote p { margin: 0; }
.nk-card-source { margin: 0; font-size: 12px; color: var(--nk-muted); }
.nk-card-source cite { font-style: italic; }
.nk-card-background {
  margin: 10px 0 0; padding: 6px 10px; border: 1px dashed var(--nk-control-border); border-radius: 6px;
  font-size: 12px; color: var(--nk-muted);
}
.nk-card-actions { margin: 10px 0 0; display: flex; gap: 8px; }
`;

const motion = `
@media (prefers-reduced-motion: reduce) {
  :is(${ROOTS}), :is(${ROOTS}) *, :is(${ROOTS}) *::before, :is(${ROOTS}) *::after { transition: none !important; animation: none !important; }
}
`;

/** Everything a context card needs: variables, resets, card styles. */
export const cardCss: string = variables + base + card + motion;

/** The theme attribute for a root element: `auto` leaves it to `prefers-color-scheme`. */
export function themeAttr(choice: ThemeChoice | undefined): 'light' | 'dark' | undefined {
  return choice === 'light' || choice === 'dark' ? choice : undefined;
}

/**
 * Put `css` into a document or shadow root once. A <style> with textContent rather than an
 * adopted sheet: Firefox content scripts cannot assign adoptedStyleSheets across compartments.
 */
export function applyTheme(target: Document | ShadowRoot, css: string = cardCss, key = 'nk-theme'): HTMLStyleElement {
  const doc = 'createElement' in target ? target : target.ownerDocument;
  const parent: ParentNode = 'head' in target && target.head ? target.head : target;
  const existing = parent.querySelector<HTMLStyleElement>(`style[data-nk-style="${key}"]`);
  if (existing) {
    if (existing.textContent !== css) existing.textContent = css;
    return existing;
  }
  const style = doc.createElement('style');
  style.setAttribute('data-nk-style', key);
  style.textContent = css;
  parent.appendChild(style);
  return style;
}
