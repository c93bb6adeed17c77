/**
 * What the extension shows on a page, read from the page's main world. Works with a Playwright
 * page (Chromium) and a puppeteer page (Firefox): both only need `evaluate`.
 */
export interface Evaluator {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  evaluate(fn: any, arg?: any): Promise<any>;
}

export interface MarkBox {
  text: string;
  /** Centre of the mark's first box in the viewport (-1 when it has none). */
  x: number;
  y: number;
}

/** Ranges registered as the `nk-mark` highlight (the registry is the document's, seen from the page). */
export function highlightMarks(page: Evaluator): Promise<MarkBox[]> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('nk-mark');
    return [...(h ?? [])].map((r) => {
      const rect = r.getClientRects()[0];
      return { text: r.toString(), x: rect ? rect.left + rect.width / 2 : -1, y: rect ? rect.top + rect.height / 2 : -1 };
    });
  }) as Promise<MarkBox[]>;
}

export function wrapperMarkCount(page: Evaluator): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('nk-mark[data-nk-entry]').length) as Promise<number>;
}

export interface CardState {
  open: boolean;
  label?: string | null;
  entryId?: string | null;
  heading?: string | null;
  definition?: string | null;
  source?: string | null;
  hostParent?: string | null;
  hostTag?: string;
  /** The dialog's computed opacity ('1' once its entry animation is over). */
  opacity?: string;
  /** Every element tag inside the card (to prove page text made no element). */
  tags?: string[];
  text?: string;
}

/**
 * The hover card in the open shadow root of `<nk-context-ui data-nk-ui>` — or of any
 * `[data-nk-ui]` host, for a page that took the name nk-context-ui for its own element.
 */
export function hoverCard(page: Evaluator): Promise<CardState> {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('[data-nk-ui]')];
    for (const host of hosts) {
      const dialog = host.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
      if (!dialog || dialog.hidden) continue;
      const card = dialog.querySelector('article.nk-card');
      return {
        open: true,
        label: dialog.getAttribute('aria-label'),
        entryId: card?.getAttribute('data-entry-id'),
        heading: card?.querySelector('h2, h3')?.textContent,
        definition: card?.querySelector('.nk-card-definition')?.textContent,
        source: card?.querySelector('.nk-card-source')?.textContent,
        hostParent: host.parentElement?.tagName.toLowerCase(),
        hostTag: host.tagName.toLowerCase(),
        opacity: getComputedStyle(dialog).opacity,
        tags: [...dialog.querySelectorAll('*')].map((el) => el.tagName.toLowerCase()),
        text: dialog.textContent ?? '',
      };
    }
    return { open: false };
  }) as Promise<CardState>;
}

/** A mark well inside the viewport (scrolled there first if needed). */
export async function visibleMark(page: Evaluator, accept: (m: MarkBox) => boolean = () => true): Promise<MarkBox | undefined> {
  const inView = (m: MarkBox) => m.y > 40 && m.y < 720 && m.x > 0;
  let marks = await highlightMarks(page);
  let mark = marks.find((m) => accept(m) && inView(m));
  if (!mark) {
    const first = marks.find(accept);
    if (!first) return undefined;
    await page.evaluate((y: number) => window.scrollBy(0, y - 300), first.y);
    marks = await highlightMarks(page);
    mark = marks.find((m) => accept(m) && inView(m));
  }
  return mark;
}
