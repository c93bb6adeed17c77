/**
 * Which theme the hover card takes on a page. `auto` follows the page rather than only the OS:
 * a card should look like it belongs on the page it explains.
 */
import type { ThemeSetting } from '../../settings/schema';

export interface PageLook {
  /** Computed `color-scheme` of the root element ("normal", "dark", "light dark" …). */
  colorScheme: string;
  /** Computed background colours, the root's first then the body's. */
  backgrounds: string[];
  prefersDark: boolean;
}

/** [r, g, b, a] of an `rgb()`/`rgba()`/`#hex` colour, or null. */
export function parseColor(css: string): [number, number, number, number] | null {
  const s = css.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s);
  if (hex?.[1]) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16), 1];
  }
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
  if (!m) return null;
  let a = m[4] === undefined ? 1 : parseFloat(m[4]);
  if (m[4]?.endsWith('%')) a /= 100;
  return [Number(m[1]), Number(m[2]), Number(m[3]), a];
}

function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function resolveTheme(setting: ThemeSetting, page: PageLook): 'light' | 'dark' {
  if (setting !== 'auto') return setting;
  const schemes = page.colorScheme.split(/\s+/);
  const dark = schemes.includes('dark');
  const light = schemes.includes('light');
  if (dark && !light) return 'dark';
  if (light && !dark) return 'light';
  // No single declared scheme: the page's own painted background decides, then the OS.
  for (const bg of page.backgrounds) {
    const c = parseColor(bg);
    if (c && c[3] >= 0.5) return luminance(c) < 0.2 ? 'dark' : 'light';
  }
  // A page that accepts both schemes is painted in the OS's; one that declares none is painted light.
  return dark && light && page.prefersDark ? 'dark' : 'light';
}

/** Read the page's look (DOM; the content script's document). */
export function readPageLook(doc: Document): PageLook {
  const win = doc.defaultView;
  const style = (el: Element | null) => (el && win ? win.getComputedStyle(el) : null);
  const root = style(doc.documentElement);
  const body = style(doc.body);
  return {
    colorScheme: root?.getPropertyValue('color-scheme') || 'normal',
    backgrounds: [root?.backgroundColor ?? '', body?.backgroundColor ?? ''].filter(Boolean),
    prefersDark: win?.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  };
}
