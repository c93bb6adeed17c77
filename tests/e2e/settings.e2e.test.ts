/**
 * Settings on the options page, in a real Chromium: hover delay, mark style, card theme and a site
 * override apply to an already open tab without a reload, and all of them survive quitting and
 * relaunching the browser with the same profile.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from '../../lib/messaging/protocol';
import { ids } from './support/knowledge';
import { bodySnapshot } from './support/marks';
import { startServer, type TestServer } from './support/server';
import { entryOf, poll, settledReport } from './support/waits';
import { hoverMark, luminance } from './support-cards/hover-card';
import { highlightTexts, markPaint } from './support-cards/page-marks';
import { launchWithProfile, newProfileDir, type ProfileHarness } from './support-cards/profile';
import { installLateEchoes } from './support-cards/late-echoes';
import { storedSettings } from './support-cards/worker-hooks';

let h: ProfileHarness;
let server: TestServer;
let profileDir: string;
let demo: Page;
let demoTab: number;
let report: PageReport;
let options: Page;

const HOST = '127.0.0.1';
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  server = await startServer();
  profileDir = await newProfileDir();
  h = await launchWithProfile(profileDir);
  demo = await h.openPage(server.url('/demo.html'));
  demoTab = await h.tabIdOf(demo);
  report = await settledReport(h, demoTab);
  options = await h.openOptions();
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

const cvidText = () => squash(entryOf(report, ids.cvid())!.mentions[0]!);
const saved = (page: Page) => page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
const delaySlider = (page: Page) => page.getByRole('slider', { name: 'Hover delay' });

/** Poll the stored settings until `accept` approves them. */
const storedUntil = (accept: (s: Record<string, unknown>) => boolean, what: string) =>
  poll(() => storedSettings(h), (s) => s !== undefined && accept(s), { what });

describe('changes on the options page apply to an open tab without a reload', () => {
  it('hover delay: the card waits for the new delay', async () => {
    await options.bringToFront();
    const slider = delaySlider(options);
    expect(await slider.inputValue()).toBe('300');
    await slider.focus();
    // One step (50 ms) at a time, each saved before the next: faster presses can lose steps (see
    // the report: the options page's own storage echo resets the slider between presses).
    for (let delay = 350; delay <= 600; delay += 50) {
      await options.keyboard.press('ArrowRight');
      await storedUntil((s) => s.hoverDelayMs === delay, `hoverDelayMs ${delay} in storage`);
    }
    expect(squash(await options.locator('output[for="nk-opt-delay"]').textContent() ?? '')).toBe('600 ms');

    const { elapsed } = await hoverMark(demo, cvidText(), ids.cvid());
    // Timers can't fire early: at least the new delay passed before the card showed.
    expect(elapsed).toBeGreaterThanOrEqual(600);
    await demo.keyboard.press('Escape');
  });

  it('mark style: "Soft highlight" turns the dotted underline into a background', async () => {
    const before = await markPaint(demo);
    expect(before?.textDecorationLine).toBe('underline');
    await options.bringToFront();
    await options.getByRole('radio', { name: 'Soft highlight' }).check();
    await saved(options);
    const after = await poll(() => markPaint(demo), (p) => p !== null && p.textDecorationLine === 'none', {
      what: 'the marks to repaint as a background',
    });
    expect(luminance(after!.backgroundColor), `background ${after!.backgroundColor}`).not.toBeNaN();
    expect(after!.backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    expect((await settledReport(h, demoTab)).entries.length).toBe(report.entries.length);
  });

  it('card theme: "Dark" makes the card dark on a light page', async () => {
    await options.bringToFront();
    await options.getByRole('radio', { name: 'Dark', exact: true }).check();
    await saved(options);
    await storedUntil((s) => s.theme === 'dark', 'theme dark in storage');
    const pageBg = await demo.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(luminance(pageBg)).toBeGreaterThan(0.8);
    const { card } = await hoverMark(demo, cvidText(), ids.cvid());
    expect(luminance(card.backgroundColor), card.backgroundColor).toBeLessThan(0.2);
    await demo.keyboard.press('Escape');
  });

  it('a site set to Off on the options page restores the open tab exactly', async () => {
    const dom = await bodySnapshot(demo);
    await options.bringToFront();
    await options.getByRole('textbox', { name: 'Add a site' }).fill(HOST);
    await options.getByRole('combobox', { name: 'Mode for the new site' }).selectOption('off');
    await options.getByRole('button', { name: 'Add', exact: true }).click();
    await options.locator(`li[data-host="${HOST}"]`).waitFor();
    const off = await settledReport(h, demoTab, { accept: (r) => r.status === 'disabled' });
    expect(off.entries).toEqual([]);
    await poll(() => highlightTexts(demo), (t) => t.length === 0, { what: 'every mark to go' });
    expect(await bodySnapshot(demo)).toEqual(dom);
  });
});

describe('after quitting and relaunching the browser with the same profile', () => {
  beforeAll(async () => {
    await h.quit();
    h = await launchWithProfile(profileDir);
    options = await h.openOptions();
    demo = await h.openPage(server.url('/demo.html'));
    demoTab = await h.tabIdOf(demo);
  });

  it('the options page shows every setting as it was left', async () => {
    await options.bringToFront();
    expect(await delaySlider(options).inputValue()).toBe('600');
    expect(await options.getByRole('radio', { name: 'Soft highlight' }).isChecked()).toBe(true);
    expect(await options.getByRole('radio', { name: 'Dark', exact: true }).isChecked()).toBe(true);
    expect(await options.getByRole('combobox', { name: `Mode for ${HOST}` }).inputValue()).toBe('off');
  });

  it('the site stays off, and removing the override marks the page again with the saved style, delay and theme', async () => {
    const off = await settledReport(h, demoTab);
    expect(off.status).toBe('disabled');
    expect(await highlightTexts(demo)).toEqual([]);

    await options.bringToFront();
    await options.getByRole('button', { name: `Remove ${HOST}` }).click();
    await options.getByTestId('sites-empty').waitFor();
    const on = await settledReport(h, demoTab, { accept: (r) => r.status === 'annotated' });
    expect(on.entries.map((e) => `${e.id}:${e.count}`)).toEqual(report.entries.map((e) => `${e.id}:${e.count}`));

    const paint = await poll(() => markPaint(demo), (p) => p !== null, { what: 'marks on the page' });
    expect(paint!.textDecorationLine).toBe('none');
    expect(paint!.backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    const { card, elapsed } = await hoverMark(demo, cvidText(), ids.cvid());
    expect(elapsed).toBeGreaterThanOrEqual(600);
    expect(luminance(card.backgroundColor)).toBeLessThan(0.2);
  });

  it('the hover-delay slider keeps the reader’s latest value when an older save’s change event arrives late', async () => {
    // Under load storage.onChanged reaches the page after later key presses; held here on purpose.
    const page = await h.context.newPage();
    const echoes = await installLateEchoes(page);
    await page.goto(`chrome-extension://${h.extensionId}/options.html`);
    const slider = delaySlider(page);
    const start = Number(await slider.inputValue());
    await slider.focus();
    await echoes.hold();
    for (const step of [1, 2]) {
      await page.keyboard.press('ArrowRight');
      await storedUntil((s) => s.hoverDelayMs === start + 50 * step, `step ${step} saved`);
    }
    await poll(() => echoes.count(), (n) => n >= 2, { what: 'both change events held' });
    await echoes.release(1); // the first save's event, now stale
    await page.keyboard.press('ArrowRight');
    await echoes.releaseAll();
    // Settled: what the slider shows is what is stored (right or wrong).
    const settled = await poll(
      async () => ({ shown: Number(await slider.inputValue()), stored: (await storedSettings(h))?.hoverDelayMs }),
      (x) => x.shown === x.stored && x.shown > start + 50,
      { what: 'the slider and storage to agree after the third step' },
    );
    expect(settled, 'three 50 ms steps from the start').toEqual({ shown: start + 150, stored: start + 150 });
    await page.close();
  });

  it('caused no extension errors', () => {
    expect(h.extensionErrors()).toEqual([]);
  });
});
