import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { CONTROL_PAIRS, DARK, LIGHT, TEXT_PAIRS } from './palette';
import { popupCss } from './popup/popup-css';
import { applyTheme, cardCss } from './theme';

describe('theme', () => {
  for (const [name, palette] of [['light', LIGHT], ['dark', DARK]] as const) {
    it(`meets WCAG AA contrast in ${name}`, () => {
      const failures: string[] = [];
      for (const [fg, bg] of TEXT_PAIRS) {
        const r = contrastRatio(palette[fg], palette[bg]);
        if (r < 4.5) failures.push(`${fg} on ${bg}: ${r.toFixed(2)}`);
      }
      for (const [fg, bg] of CONTROL_PAIRS) {
        const r = contrastRatio(palette[fg], palette[bg]);
        if (r < 3) failures.push(`${fg} on ${bg}: ${r.toFixed(2)}`);
      }
      expect(failures).toEqual([]);
    });
  }

  it('sizes in px only, so a page font size cannot rescale the card', () => {
    expect(cardCss + popupCss).not.toMatch(/\d(r?em|vh|pt)\b/);
  });

  it('scopes every card rule under the UI roots', () => {
    // Top-level selectors (outside @media) must start at a root class or a theme attribute.
    const body = cardCss.replace(/@media[^{]*\{/g, '');
    const selectors = [...body.matchAll(/(^|\})\s*([^{}@]+)\{/g)].map((m) => m[2]!.trim());
    expect(selectors.length).toBeGreaterThan(20);
    for (const list of selectors) {
      for (const sel of list.split(/,(?![^(]*\))/)) expect(sel.trim()).toMatch(/^(\.nk-|:is\(\.nk-ui|\[data-theme=)/);
    }
  });

  it('switches theme by data-theme and by the OS scheme, and honours reduced motion', () => {
    expect(cardCss).toContain('@media (prefers-color-scheme: dark)');
    expect(cardCss).toContain('.nk-card[data-theme="dark"]');
    expect(cardCss).toContain(`--nk-bg: ${DARK.bg}`);
    expect(cardCss).toMatch(/prefers-reduced-motion: reduce\)[^}]*transition: none/);
  });

  it('applies the styles once per document or shadow root, as text', () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const shadow = host.attachShadow({ mode: 'open' });
    applyTheme(shadow);
    applyTheme(shadow);
    expect(shadow.querySelectorAll('style')).toHaveLength(1);
    expect(shadow.querySelector('style')!.textContent).toBe(cardCss);
    applyTheme(document, 'x{}', 'popup');
    expect(document.head.querySelector('style[data-nk-style="popup"]')!.textContent).toBe('x{}');
    host.remove();
  });
});
