/**
 * The Firefox build in Firefox ESR: the same reader-visible behaviour as in Chromium — the demo
 * article is marked (Highlight API), hovering a mark opens its card, Escape closes it, an
 * unrelated page gets no marks, and switching the site off restores the page.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { PageReport } from '../../lib/messaging/protocol';
import { ids } from '../e2e/support/knowledge';
import { startServer, type TestServer } from '../e2e/support/server';
import { entryOf, poll } from '../e2e/support/waits';
import { launchFirefox, type FirefoxHarness } from './support/firefox';
import { highlightMarks, hoverCard, visibleMark, wrapperMarkCount } from './support/page';

let ff: FirefoxHarness;
let server: TestServer;
const pageErrors: string[] = [];

beforeAll(async () => {
  server = await startServer();
  ff = await launchFirefox(inject('firefoxExtensionDir'));
});

afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The report once it has stopped changing (the content script reports in batches). */
async function settled(tabId: number, accept: (r: PageReport) => boolean = () => true): Promise<PageReport> {
  let previous = '';
  let same = 0;
  return poll(
    () => ff.pageReport(tabId),
    (r) => {
      const key = JSON.stringify(r);
      same = key === previous ? same + 1 : 1;
      previous = key;
      return r.status !== 'pending' && accept(r) && same >= 3;
    },
    { what: `the page report of Firefox tab ${tabId} to settle`, intervalMs: 150, timeoutMs: 20_000 },
  );
}

async function open(path: string, accept?: (r: PageReport) => boolean) {
  const page = await ff.openPage(server.url(path));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const tabId = await ff.tabIdOf(page);
  return { page, tabId, report: await settled(tabId, accept) };
}

async function hover(page: Page, x: number, y: number) {
  await page.mouse.move(5, 5);
  await page.mouse.move(x, y, { steps: 4 });
}

// First: the demo test switches the test server's site to "always" with the shortcut.
describe('Firefox: pages that are not about North Korea', () => {
  it('gets no marks on a celebrity page about Kim Kardashian', async () => {
    const { page, report } = await open('/kim-trap-unrelated.html');
    expect(entryOf(report, ids.kimJongUn())).toBeUndefined();
    expect(report.status === 'not-relevant' || report.entries.length === 0, `status ${report.status}`).toBe(true);
    expect(await highlightMarks(page)).toEqual([]);
    expect(await wrapperMarkCount(page)).toBe(0);
    await page.close();
  });
});

describe('Firefox: the demo article', () => {
  let page: Page;
  let tabId: number;
  let report: PageReport;

  beforeAll(async () => {
    const expected = [ids.kimJongUn(), ids.northKorea(), ids.denuclearisation(), ids.cvid(), ids.libyaModel(), ids.johnBolton()];
    ({ page, tabId, report } = await open('/demo.html', (r) => expected.every((id) => entryOf(r, id))));
  });

  it('is annotated with Highlight API marks, each a mention the page report lists', async () => {
    expect(report.status).toBe('annotated');
    for (const id of [ids.kimJongUn(), ids.denuclearisation(), ids.cvid(), ids.libyaModel()]) {
      expect(entryOf(report, id)?.count ?? 0, id).toBeGreaterThan(0);
    }
    const marks = await highlightMarks(page);
    const total = report.entries.reduce((n, e) => n + e.count, 0);
    // Firefox 140+ has the Highlight API: ranges, no wrapper elements in the page.
    expect(await wrapperMarkCount(page)).toBe(0);
    expect(marks.length).toBe(total);
    const mentions = new Set(report.entries.flatMap((e) => e.mentions.map(squash)));
    expect(marks.filter((m) => !mentions.has(squash(m.text))).map((m) => m.text)).toEqual([]);
  });

  it('draws the marks: the marked word looks different until the site is switched off', async () => {
    const mark = await visibleMark(page, (m) => /CVID|Libya model|denucleari/i.test(m.text));
    expect(mark, 'a mark in view').toBeDefined();
    const clip = { x: Math.max(0, mark!.x - 40), y: Math.max(0, mark!.y - 14), width: 80, height: 28 };
    const marked = Buffer.from(await page.screenshot({ clip, encoding: 'base64' }), 'base64');

    await ff.command('toggle-site');
    await poll(() => highlightMarks(page), (m) => m.length === 0, { what: 'marks to be removed after toggle-site' });
    const bare = Buffer.from(await page.screenshot({ clip, encoding: 'base64' }), 'base64');
    expect(marked.equals(bare), 'the marked word renders differently from the bare word').toBe(false);
    const off = await settled(tabId);
    expect(off.status).toBe('disabled');
    expect(off.entries).toEqual([]);

    // The shortcut again: the site is back on ("always") and marked as before.
    await ff.command('toggle-site');
    const back = await settled(tabId, (r) => r.status === 'annotated');
    expect(back.entries.map((e) => e.id).sort()).toEqual(report.entries.map((e) => e.id).sort());
    await poll(() => highlightMarks(page), (m) => m.length === back.entries.reduce((n, e) => n + e.count, 0), { what: 'marks to return' });
  });

  it('opens the card of the hovered mark (hit-testing via caretPositionFromPoint) and closes it with Escape', async () => {
    const mark = await visibleMark(page, (m) => /CVID|Libya model|Bolton/.test(m.text));
    expect(mark, 'a mark in view').toBeDefined();
    await hover(page, mark!.x, mark!.y);
    const card = await poll(() => hoverCard(page), (c) => c.open, { what: `a hover card for "${mark!.text}"` });
    const entry = report.entries.find((e) => e.mentions.map(squash).includes(squash(mark!.text)));
    expect(card.entryId).toBe(entry?.id);
    expect(card.label).toBe(entry?.label);
    expect(squash(card.heading ?? '')).toBe(entry?.label);
    expect(card.definition?.length ?? 0).toBeGreaterThan(20);
    expect(card.source).toContain('Litwak');
    expect(card.source).toContain('Wilson Center');
    expect(card.hostParent).toBe('html');

    await page.keyboard.press('Escape');
    await poll(() => hoverCard(page), (c) => !c.open, { what: 'the card to close on Escape' });
  });
});

describe('Firefox: switching the site off in the popup', () => {
  it("removes every mark, leaves the page's DOM as it was, and comes back on Automatic", async () => {
    const { page, tabId, report } = await open('/split-mentions.html');
    expect(report.status).toBe('annotated');
    const before = await page.evaluate(() => document.body.innerHTML);
    expect((await highlightMarks(page)).length).toBeGreaterThan(0);

    const popup = `popup.html?tabId=${tabId}`;
    const choose = (label: string) =>
      ff.inExtensionPage<boolean>(
        popup,
        `new Promise((done) => {
          const tryClick = (n) => {
            const group = [...document.querySelectorAll('[role=radiogroup]')].find((g) => /On this site/.test(document.getElementById(g.getAttribute('aria-labelledby'))?.textContent ?? ''));
            const input = [...(group?.querySelectorAll('label') ?? [])].find((l) => l.textContent.trim() === ${JSON.stringify(label)})?.querySelector('input');
            if (input && !input.disabled) { input.click(); done(true); } else if (n > 0) setTimeout(() => tryClick(n - 1), 100); else done(false);
          };
          tryClick(100);
        })`,
      );
    expect(await choose('Off'), 'the popup offers "Off" for this site').toBe(true);
    await poll(() => highlightMarks(page), (m) => m.length === 0, { what: 'marks to go when the site is off' });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    expect((await settled(tabId)).status).toBe('disabled');

    expect(await choose('Automatic')).toBe(true);
    const again = await settled(tabId, (r) => r.status === 'annotated');
    expect(again.entries.map((e) => e.id).sort()).toEqual(report.entries.map((e) => e.id).sort());
    await page.close();
  });
});

describe('Firefox: nothing went wrong', () => {
  it('logged no extension error and no page error', async () => {
    expect(await ff.extensionErrors()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
