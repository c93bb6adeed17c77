/**
 * Light and dark schemes, and axe-core scans, of everything the extension draws: the popup (page
 * view and an open card), the options page, and the hover card in its shadow root. The UI follows
 * the scheme (dark backgrounds under `prefers-color-scheme: dark`) and has no serious or critical
 * axe violations in either.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from '../../lib/messaging/protocol';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { ids } from './support/knowledge';
import { startServer, type TestServer } from './support/server';
import { entryOf, settledReport } from './support/waits';
import { runAxe, serious } from './support-cards/axe';
import { hoverMark, luminance } from './support-cards/hover-card';

let h: ExtensionHarness;
let server: TestServer;
let demo: Page;
let demoTab: number;
let report: PageReport;

beforeAll(async () => {
  server = await startServer();
  h = await launchExtension();
  demo = await h.openPage(server.url('/demo.html'));
  demoTab = await h.tabIdOf(demo);
  report = await settledReport(h, demoTab);
});

afterAll(async () => {
  if (minor.length) console.info(`[a11y] minor axe findings:\n${minor.join('\n')}`);
  await h?.close();
  await server?.close();
});

const background = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => getComputedStyle(el).backgroundColor);

/** Light UI is near white, dark UI near black (WCAG luminance). */
function expectScheme(colour: string, scheme: 'light' | 'dark', what: string) {
  const l = luminance(colour);
  if (scheme === 'dark') expect(l, `${what} background ${colour}`).toBeLessThan(0.2);
  else expect(l, `${what} background ${colour}`).toBeGreaterThan(0.8);
}

/** Moderate and minor findings, for the report (they don't fail the run). */
const minor: string[] = [];

function expectNoSerious(result: Awaited<ReturnType<typeof runAxe>>, what: string) {
  expect(result.checkedNodes, 'axe checked nothing').toBeGreaterThan(0);
  expect(serious(result)).toEqual([]);
  for (const v of result.violations) minor.push(`${what}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target).join(' ')}`);
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`${scheme} scheme`, () => {
    it('the popup’s page view follows the scheme and passes axe', async () => {
      const popup = await h.openPopup(demoTab);
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.locator('[data-testid="page-status"][data-status="annotated"]').waitFor();
      await popup.locator('[data-testid="page-entry"]').first().waitFor();
      expectScheme(await background(popup, '.nk-popup'), scheme, 'popup');
      expectNoSerious(await runAxe(popup), `${scheme} popup page view`);
      await popup.close();
    });

    it('the popup with a looked-up card follows the scheme and passes axe', async () => {
      const popup = await h.openPopup(demoTab);
      await popup.emulateMedia({ colorScheme: scheme });
      const lookup = popup.getByRole('combobox', { name: 'Look up a term or name' });
      await lookup.fill('denuclearization');
      await popup.getByRole('listbox').getByRole('option').first().waitFor();
      await lookup.press('Enter');
      const card = popup.locator(`article.nk-card[data-entry-id="${ids.denuclearisation()}"]`);
      await card.waitFor();
      expectScheme(await background(popup, 'article.nk-card'), scheme, 'popup card');
      expectNoSerious(await runAxe(popup), `${scheme} popup card`);
      await popup.close();
    });

    it('the options page follows the scheme and passes axe', async () => {
      const options = await h.context.newPage();
      await options.emulateMedia({ colorScheme: scheme });
      await options.goto(`chrome-extension://${h.extensionId}/options.html`);
      await options.getByRole('slider', { name: 'Hover delay' }).waitFor();
      expectScheme(await background(options, '.nk-opt'), scheme, 'options page');
      expectNoSerious(await runAxe(options), `${scheme} options`);
      await options.close();
    });

    it('the hover card follows the page’s scheme and passes axe inside its shadow root', async () => {
      await demo.emulateMedia({ colorScheme: scheme });
      const id = ids.denuclearisation();
      const { card } = await hoverMark(demo, entryOf(report, id)!.mentions[0]!.replace(/\s+/g, ' ').trim(), id);
      expectScheme(card.backgroundColor, scheme, 'hover card');
      const result = await runAxe(demo, 'nk-context-ui');
      expect(result.shadowNodes, 'axe looked inside the shadow root').toBeGreaterThan(0);
      expectNoSerious(result, `${scheme} hover card`);
      await demo.keyboard.press('Escape');
    });
  });
}

describe('errors', () => {
  it('caused no extension errors', () => {
    expect(h.extensionErrors()).toEqual([]);
  });
});
