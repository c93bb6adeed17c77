/**
 * The marks' look and how it is installed. An amber underline reads on light and dark pages alike
 * and differs from the usual blue of links; focus and flash add a translucent background.
 */
import type { MarkStyle } from './marker';
import { UI_ATTR, WRAPPER_TAG } from './dom-rules';

const LINE = 'text-decoration-line: underline; text-decoration-color: rgb(217 119 6 / 0.9); text-decoration-thickness: 2px; text-underline-offset: 0.2em;';
const RULES: Record<MarkStyle, string> = {
  underline: `${LINE} text-decoration-style: dotted;`,
  background: 'background-color: rgb(250 204 21 / 0.28);',
  hover: '',
};
const FOCUS = `background-color: rgb(250 204 21 / 0.45); ${LINE} text-decoration-style: solid;`;
const FLASH = 'background-color: rgb(250 204 21 / 0.9); color: #111;';

export function highlightCss(style: MarkStyle): string {
  return [
    `::highlight(nk-mark) { ${RULES[style]} }`,
    `::highlight(nk-mark-focus) { ${FOCUS} }`,
    `::highlight(nk-mark-flash) { ${FLASH} }`,
  ].join('\n');
}

export function wrapperCss(style: MarkStyle): string {
  // `all: unset` keeps page rules for unknown elements (`* { … }`) from changing layout.
  const base = `${WRAPPER_TAG}[data-nk-entry]`;
  return [
    `${base} { all: unset; ${RULES[style]} }`,
    `${base}[data-nk-focus] { ${FOCUS} }`,
    `${base}[data-nk-flash] { ${FLASH} }`,
  ].join('\n');
}

export interface InstalledSheet {
  update(css: string): void;
  remove(): void;
}

/**
 * Adopt a constructed stylesheet (adds no element); where that is unavailable or refused
 * (Firefox content scripts may refuse a sheet from their own realm), fall back to a
 * <style data-nk-ui> element, which the scanner and mutation observer ignore.
 */
export function installSheet(doc: Document, css: string): InstalledSheet {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    if (win && 'adoptedStyleSheets' in doc && typeof win.CSSStyleSheet === 'function') {
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      if (doc.adoptedStyleSheets.includes(sheet)) {
        return {
          update: (next) => sheet.replaceSync(next),
          remove: () => {
            doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
          },
        };
      }
    }
  } catch {
    // fall through to a style element
  }
  const el = doc.createElement('style');
  el.setAttribute(UI_ATTR, '');
  el.textContent = css;
  (doc.head ?? doc.documentElement).appendChild(el);
  return {
    update: (next) => {
      el.textContent = next;
    },
    remove: () => el.remove(),
  };
}
