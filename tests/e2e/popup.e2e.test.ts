/**
 * The toolbar popup in a real Chromium (opened as a tab: popup.html?tabId=N): the lookup box
 * answers misspellings, Enter opens a grounded context card, related entries open theirs, and the
 * page section lists what the demo page holds.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from '../../lib/messaging/protocol';
import { saveScreenshot } from './support/artifacts';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { ids, knowledgeEntries, labelOf } from './support/knowledge';
import { readMarks } from './support/marks';
import { startServer, type TestServer } from './support/server';
import { entryOf, poll, settledReport } from './support/waits';

let h: ExtensionHarness;
let server: TestServer;
let demoTab: number;
let demoPage: Page;
let demoReport: PageReport;
let popup: Page;

beforeAll(async () => {
  server = await startServer();
  h = await launchExtension();
  demoPage = await h.openPage(server.url('/demo.html'));
  demoTab = await h.tabIdOf(demoPage);
  demoReport = await settledReport(h, demoTab);
  popup = await h.openPopup(demoTab);
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const entry = (id: string) => knowledgeEntries().find((e) => e.id === id);
const lookup = () => popup.getByRole('combobox', { name: 'Look up a term or name' });
const options = () => popup.getByRole('listbox').getByRole('option');
const card = (id?: string) => popup.locator(id ? `article.nk-card[data-entry-id="${id}"]` : 'article.nk-card');

/** Type a query and wait until the first option is `id` (by data-entry-id, else by its label). */
async function search(query: string, id: string) {
  await lookup().fill(query);
  const label = labelOf(id);
  await poll(
    async () => {
      const all = await options().evaluateAll((els) => els.map((el) => ({ id: el.getAttribute('data-entry-id'), text: el.textContent ?? '' })));
      const first = all[0];
      // With no option, say what the popup shows instead (an error state, a spinner …).
      if (!first) return { id: null, text: '', popup: squash(await popup.locator('body').innerText()).slice(0, 300) };
      return { id: first.id, text: squash(first.text), options: all.length };
    },
    (o) => (o.id !== null ? o.id === id : label !== undefined && o.text.includes(label)),
    { what: `the first option for "${query}" to be ${id}` },
  );
}

/** The card shows what a reader needs: label, kind, definition, grounding quote and attribution. */
async function expectFullCard(id: string) {
  const root = card(id);
  await root.waitFor({ state: 'visible' });
  const known = entry(id);
  const label = known?.label ?? '';
  const heading = squash(await root.getByRole('heading').first().textContent());
  if (label) expect(heading).toBe(label);
  else expect(heading.length).toBeGreaterThan(0);
  expect(await root.getAttribute('aria-labelledby')).toBeTruthy();
  const kind = squash(await root.locator('.nk-card-kind').textContent());
  expect(kind.length).toBeGreaterThan(0);
  if (known) expect(kind.toLowerCase()).toContain(known.kind);
  const definition = squash(await root.locator('.nk-card-definition').textContent());
  expect(definition.length).toBeGreaterThan(20);
  if (known) expect(definition).toContain(squash(known.definition));
  if (known?.fromSource !== false) {
    const quote = squash(await root.locator('blockquote.nk-card-quote').first().textContent());
    if (known) expect(known.quotes.some((q) => quote.includes(squash(q)))).toBe(true);
    else expect(quote.length).toBeGreaterThan(20);
  } else {
    await root.locator('.nk-card-background').waitFor({ state: 'visible' });
  }
  const source = squash(await root.locator('.nk-card-source').textContent());
  expect(source).toContain('Trump-Kim Summit II: Setting Realistic Expectations');
  expect(source).toContain('Litwak');
  expect(source).toContain('Wilson Center');
}

describe('popup lookup', () => {
  const cases: [query: string, id: () => string][] = [
    ['CVID', ids.cvid],
    ['Gadaffi', ids.qaddafi],
    ['libya modle', ids.libyaModel],
    ['denuclearization', ids.denuclearisation],
    ['Kim Jong-un', ids.kimJongUn],
    ['Bolton', ids.johnBolton],
  ];

  for (const [query, id] of cases) {
    it(`"${query}": the first option is the right entry and Enter opens its card`, async () => {
      await search(query, id());
      await lookup().press('Enter');
      await expectFullCard(id());
    });
  }

  it('a related entry button opens that entry’s card', async () => {
    const from = ids.denuclearisation();
    await search('denuclearisation', from);
    await lookup().press('Enter');
    await card(from).waitFor({ state: 'visible' });
    const related = card(from).locator('.nk-card-related button');
    expect(await related.count()).toBeGreaterThan(0);
    const label = squash(await related.first().textContent());
    await related.first().click();
    const target = await poll(
      async () => popup.locator('article.nk-card').evaluateAll((els) => els.map((el) => el.getAttribute('data-entry-id'))),
      (idsShown) => idsShown.some((x) => x !== null && x !== from),
      { what: 'the related entry’s card' },
    );
    const newId = target.find((x) => x !== null && x !== from)!;
    if (entry(from)) expect(entry(from)!.related).toContain(newId);
    const newLabel = labelOf(newId);
    if (newLabel) expect(label).toContain(newLabel);
    await expectFullCard(newId);
  });

  it('says so when nothing matches "zzzzqx"', async () => {
    await lookup().fill('zzzzqx');
    await poll(
      async () => ({ options: await options().count(), text: squash(await popup.locator('body').innerText()) }),
      (s) => s.options === 0 && /\bno\b.*\b(match|result|entr)|nothing/i.test(s.text),
      { what: 'a visible "no results" state with no options' },
    );
  });

  it('looks good in light and dark schemes (screenshots)', async () => {
    await search('denuclearization', ids.denuclearisation());
    await lookup().press('Enter');
    await card(ids.denuclearisation()).waitFor({ state: 'visible' });
    await popup.emulateMedia({ colorScheme: 'light' });
    await saveScreenshot(popup, 'popup', { docs: true, fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(popup, 'popup-dark', { docs: true, fullPage: true });
    // The popup follows the scheme: the card's or the page's colours differ between light and dark.
    const colours = () =>
      card(ids.denuclearisation()).evaluate((el) =>
        [el, document.body].map((x) => `${getComputedStyle(x).color}/${getComputedStyle(x).backgroundColor}`).join(' '),
      );
    const dark = await colours();
    await popup.emulateMedia({ colorScheme: 'light' });
    expect(await colours()).not.toBe(dark);
  });
});

describe('popup page section', () => {
  it('lists the entries found on the demo page with their counts', async () => {
    const page = await h.openPopup(demoTab);
    await page.locator('[data-testid="page-status"][data-status="annotated"]').waitFor({ state: 'visible' });
    expect(demoReport.status).toBe('annotated');
    for (const id of [ids.kimJongUn(), ids.cvid(), ids.johnBolton()]) {
      const row = page.locator(`[data-testid="page-entry"][data-entry-id="${id}"]`);
      await row.waitFor({ state: 'visible' });
      expect(squash(await row.locator('.nk-count').textContent())).toContain(String(entryOf(demoReport, id)?.count));
      expect(await row.getByRole('button', { name: 'Show on page' }).count()).toBe(1);
    }
    const siteMode = page.getByRole('radiogroup', { name: 'On this site' });
    for (const name of ['Automatic', 'Always', 'Off']) {
      expect(await siteMode.getByRole('radio', { name, exact: true }).count(), name).toBe(1);
    }
    await page.close();
  });

  it('"Show on page" focuses a mark of that entry on the page', async () => {
    const id = ids.johnBolton();
    const page = await h.openPopup(demoTab);
    const row = page.locator(`[data-testid="page-entry"][data-entry-id="${id}"]`);
    await row.getByRole('button', { name: 'Show on page' }).click();
    const mentions = entryOf(demoReport, id)?.mentions.map(squash) ?? [];
    // The focused mark carries nk-mark-focus (and may flash with nk-mark-flash first).
    const focus = await poll(
      async () => [...(await readMarks(demoPage, 'nk-mark-focus')).highlights, ...(await readMarks(demoPage, 'nk-mark-flash')).highlights],
      (marks) => marks.length > 0,
      { what: 'an nk-mark-focus or nk-mark-flash highlight on the demo page', intervalMs: 50 },
    );
    expect(mentions).toContain(squash(focus[0]!.text));
    await page.close();
  });
});
