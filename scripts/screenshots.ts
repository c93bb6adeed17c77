/**
 * Screenshots for the README, taken from the built extension in headless Chromium:
 *   npx wxt build && npx tsx scripts/screenshots.ts
 * writes docs/screenshots/
 *   page-card-light.png   the demo article with its marks and an open hover card, light scheme
 *   page-card-dark.png    the same in the dark scheme
 *   popup-page.png        the toolbar popup's list of what the page holds
 *   popup-lookup.png      the popup's lookup answering a misspelling with a card
 *   options.png           the settings page
 * NK_EXT_DIR points at another build folder (as for the end-to-end tests).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension } from '../tests/e2e/support/extension';
import { SCREENSHOTS_DIR } from '../tests/e2e/support/paths';
import { startServer } from '../tests/e2e/support/server';
import { entryOf, settledReport } from '../tests/e2e/support/waits';
import { hoverMark } from '../tests/e2e/support-cards/hover-card';

/** The hover card's entry: a term with two sides' readings, in a paragraph with several marks. */
const CARD_ENTRY = 'denuclearisation';

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  // 'disabled' finishes the card's fade-in instead of catching it half-way.
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}

async function main(): Promise<void> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const server = await startServer();
  const h = await launchExtension({ colorScheme: 'light' });
  try {
    // tsx (esbuild keepNames) wraps named functions in page.evaluate callbacks in `__name(…)`,
    // which pages don't define: a no-op stand-in (Vitest's transform doesn't need it).
    await h.context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
    const demo = await h.openPage(server.url('/demo.html'));
    const tabId = await h.tabIdOf(demo);
    const report = await settledReport(h, tabId);
    const mention = entryOf(report, CARD_ENTRY)?.mentions[0]?.replace(/\s+/g, ' ').trim();
    if (!mention) throw new Error(`the demo page has no mark for ${CARD_ENTRY}`);

    for (const scheme of ['light', 'dark'] as const) {
      await demo.emulateMedia({ colorScheme: scheme });
      await hoverMark(demo, mention, CARD_ENTRY); // the mention is scrolled to the middle
      await shoot(demo, `page-card-${scheme}`);
    }
    await demo.emulateMedia({ colorScheme: 'light' });
    await demo.keyboard.press('Escape');

    const popup = await h.openPopup(tabId);
    await popup.locator('[data-testid="page-entry"]').first().waitFor();
    await shoot(popup, 'popup-page');

    const lookup = popup.getByRole('combobox', { name: 'Look up a term or name' });
    await lookup.fill('Gadaffi');
    await popup.getByRole('listbox').getByRole('option').first().waitFor();
    await lookup.press('Enter');
    await popup.locator('article.nk-card').waitFor();
    await shoot(popup, 'popup-lookup');

    const options = await h.context.newPage();
    await options.setViewportSize({ width: 900, height: 800 });
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('slider', { name: 'Hover delay' }).waitFor();
    await shoot(options, 'options', true);

    const errors = h.extensionErrors();
    if (errors.length) console.warn(`extension errors while shooting:\n${errors.join('\n')}`);
  } finally {
    await h.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
