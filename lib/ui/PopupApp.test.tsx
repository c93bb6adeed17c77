import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { PageReport, PageReportEntry, SearchHit, SiteMode } from '../messaging/protocol';
import { PopupApp, type PopupApi } from './PopupApp';
import { CARDS, key, source, type, until, mountRoot } from './testing/fixtures';

const entries: PageReportEntry[] = [
  { id: 'cvid', kind: 'term', label: 'CVID', count: 2, mentions: ['CVID'] },
  { id: 'kim-jong-un', kind: 'actor', label: 'Kim Jong Un', count: 5, mentions: ['Kim Jong Un', 'Kim'] },
  { id: 'yongbyon', kind: 'place', label: 'Yongbyon', count: 1, mentions: ['Yongbyon'] },
  { id: 'denuclearisation', kind: 'term', label: 'Denuclearisation', count: 3, mentions: ['denuclearization'] },
];
const report = (status: PageReport['status'], url = 'https://news.example.org/a'): PageReport => ({
  tabId: 7,
  url,
  status,
  entries: status === 'annotated' ? entries : [],
});

function fakeApi(reports: PageReport[], over: Partial<PopupApi> = {}) {
  let mode: SiteMode = 'auto';
  const queue = [...reports];
  const api = {
    search: vi.fn(async (q: string): Promise<SearchHit[]> =>
      Object.values(CARDS)
        .filter((c) => c.entry.label.toLowerCase().includes(q.toLowerCase()))
        .map((c) => ({ id: c.entry.id, label: c.entry.label, kind: c.entry.kind, score: 1 })),
    ),
    getCard: vi.fn(async (id: string) => CARDS[id] ?? null),
    // Each call answers the next report; the last one repeats.
    pageReport: vi.fn(async (_tabId: number) => (queue.length > 1 ? queue.shift()! : queue[0]!)),
    annotateAnyway: vi.fn(async () => null),
    showOnPage: vi.fn(async () => true),
    takePendingLookup: vi.fn(async (): Promise<string | null> => null),
    getSiteMode: vi.fn(async () => mode),
    setSiteMode: vi.fn(async (_host: string, m: SiteMode) => void (mode = m)),
    openOptions: vi.fn(),
    ...over,
  };
  return api;
}

const rootOf = mountRoot();

function mount(api: PopupApi, tabId: number | null = 7) {
  act(() => render(<PopupApp api={api} tabId={tabId} source={source} pollMs={0} debounceMs={0} />, rootOf()));
}
const status = () => rootOf().querySelector<HTMLElement>('[data-testid="page-status"]')!;
const rows = () => [...rootOf().querySelectorAll<HTMLElement>('[data-testid="page-entry"]')];
const button = (name: string, within: ParentNode = rootOf()) =>
  [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === name);
const input = () => rootOf().querySelector<HTMLInputElement>('input[role="combobox"]')!;

describe('PopupApp page section', () => {
  it('lists the entries found, grouped by kind, with counts', async () => {
    const api = fakeApi([report('annotated')]);
    mount(api);
    await until(() => expect(status().dataset.status).toBe('annotated'));
    expect(status().textContent).toBe('Annotated — 4 entries');
    expect(api.pageReport).toHaveBeenCalledWith(7);
    const groups = [...rootOf().querySelectorAll('.nk-group')].map((g) => g.querySelector('h3')!.textContent);
    expect(groups).toEqual(['Actors', 'Terms', 'Places']);
    expect(rows().map((r) => r.dataset.entryId)).toEqual(['kim-jong-un', 'denuclearisation', 'cvid', 'yongbyon']);
    expect(rows()[0]!.querySelector('.nk-count')!.textContent).toBe('5');
  });

  it('"Show on page" asks the tab to show that entry', async () => {
    const api = fakeApi([report('annotated')]);
    mount(api);
    await until(() => expect(rows()).toHaveLength(4));
    const row = rows().find((r) => r.dataset.entryId === 'cvid')!;
    act(() => button('Show on page', row)!.click());
    expect(api.showOnPage).toHaveBeenCalledWith(7, 'cvid');
  });

  it('expands a row into its full card', async () => {
    const api = fakeApi([report('annotated')]);
    mount(api);
    await until(() => expect(rows()).toHaveLength(4));
    const row = rows().find((r) => r.dataset.entryId === 'denuclearisation')!;
    const toggle = row.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    expect(toggle.textContent).toBe('Denuclearisation');
    act(() => toggle.click());
    await until(() => expect(row.querySelector('article.nk-card[data-entry-id="denuclearisation"]')).not.toBeNull());
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(row.querySelector('.nk-card-quote')).not.toBeNull();
  });

  it('offers "Annotate anyway" on a page not about North Korea, and then shows the result', async () => {
    const api = fakeApi([report('not-relevant'), report('not-relevant'), report('annotated')]);
    mount(api);
    await until(() => expect(status().dataset.status).toBe('not-relevant'));
    expect(status().textContent).toBe("This page doesn't seem to be about North Korea");
    act(() => button('Annotate anyway')!.click());
    expect(api.annotateAnyway).toHaveBeenCalledWith(7);
    expect(status().dataset.status).toBe('pending');
    await until(() => expect(status().dataset.status).toBe('annotated'));
    expect(button('Annotate anyway')).toBeUndefined();
    expect(rows()).toHaveLength(4);
  });

  it('says when the site is switched off, and switches it back on', async () => {
    const api = fakeApi([report('disabled'), report('disabled'), report('annotated')]);
    (api.getSiteMode as ReturnType<typeof vi.fn>).mockResolvedValue('off');
    mount(api);
    await until(() => expect(status().textContent).toBe('Off for this site'));
    const group = rootOf().querySelector('[role="radiogroup"]')!;
    expect(rootOf().querySelector(`#${group.getAttribute('aria-labelledby')}`)!.textContent).toBe('On this site');
    const radios = [...group.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(radios.map((r) => r.parentElement!.textContent)).toEqual(['Automatic', 'Always', 'Off']);
    await until(() => expect(radios[2]!.checked).toBe(true));
    act(() => radios[1]!.click());
    expect(api.setSiteMode).toHaveBeenCalledWith('news.example.org', 'always');
    await until(() => expect(status().dataset.status).toBe('annotated'));
  });

  it('keeps polling while the page is still being scanned', async () => {
    const api = fakeApi([report('pending'), report('pending'), report('annotated')]);
    mount(api);
    expect(status().dataset.status).toBe('pending');
    await until(() => expect(status().dataset.status).toBe('annotated'));
    expect(api.pageReport).toHaveBeenCalledTimes(3);
  });

  it('says "Not available" for browser pages and when the worker has no answer', async () => {
    mount(fakeApi([report('pending', 'chrome://extensions/')]));
    await until(() => expect(status().textContent).toBe('Not available on this page'));
    expect(rootOf().querySelector('[role="radiogroup"]')).toBeNull();
    render(null, rootOf());
    mount(fakeApi([], { pageReport: vi.fn(async () => Promise.reject(new Error('no tab'))) }));
    await until(() => expect(status().dataset.status).toBe('unavailable'));
    render(null, rootOf());
    mount(fakeApi([report('pending', '')]));
    await until(() => expect(status().dataset.status).toBe('unavailable'));
    render(null, rootOf());
    mount(fakeApi([report('annotated')]), null);
    await until(() => expect(status().dataset.status).toBe('unavailable'));
  });
});

describe('PopupApp lookup and cards', () => {
  it('opens a card from the lookup, follows related entries, and goes Back', async () => {
    const api = fakeApi([report('annotated')]);
    mount(api);
    await until(() => expect(rows()).toHaveLength(4));
    expect(document.activeElement).toBe(input());
    act(() => type(input(), 'denuc'));
    await until(() => expect(rootOf().querySelectorAll('[role="option"]')).toHaveLength(1));
    act(() => void key(input(), 'Enter'));
    await until(() => expect(rootOf().querySelector('.nk-card-view article.nk-card h2')?.textContent).toBe('Denuclearisation'));
    expect(rootOf().querySelector<HTMLElement>('.nk-page')!.closest('[hidden]')).not.toBeNull();

    act(() => button('CVID (Term)', rootOf().querySelector('.nk-card-related')!)!.click());
    await until(() => expect(rootOf().querySelector('.nk-card-view article')?.getAttribute('data-entry-id')).toBe('cvid'));
    expect(document.activeElement?.textContent).toContain('Back');

    act(() => button('← Back')!.click());
    await until(() => expect(rootOf().querySelector('.nk-card-view article')?.getAttribute('data-entry-id')).toBe('denuclearisation'));
    act(() => button('← Back')!.click());
    expect(rootOf().querySelector('.nk-card-view')).toBeNull();
    expect(rootOf().querySelector<HTMLElement>('.nk-page')!.closest('[hidden]')).toBeNull();
  });

  it('opens the context-menu lookup left for it', async () => {
    const api = fakeApi([report('annotated')], { takePendingLookup: vi.fn(async () => 'Kim Jong') });
    mount(api);
    await until(() => expect(rootOf().querySelector('.nk-card-view article')?.getAttribute('data-entry-id')).toBe('kim-jong-un'));
    expect(input().value).toBe('Kim Jong');
    expect(api.takePendingLookup).toHaveBeenCalledOnce();
  });

  it('links to the settings and credits the source article', async () => {
    const api = fakeApi([report('annotated')]);
    mount(api);
    act(() => button('Settings')!.click());
    expect(api.openOptions).toHaveBeenCalledOnce();
    const footer = rootOf().querySelector('footer')!.textContent!;
    expect(footer).toContain('Trump-Kim Summit II');
    expect(footer).toContain('Litwak');
    expect(footer).toContain('Wilson Center');
  });

  it('follows the theme setting', async () => {
    mount(fakeApi([report('annotated')], { getTheme: async () => 'dark' }));
    await until(() => expect(rootOf().querySelector('.nk-popup')!.getAttribute('data-theme')).toBe('dark'));
  });
});
