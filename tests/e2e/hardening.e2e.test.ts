/**
 * Hostile and odd pages (tests/fixtures/hostile): the extension marks what it should, shows
 * correct cards, throws nothing, and the page keeps working. Then hostile messages: malformed,
 * oversized and wrong-typed requests get a clear error reply and the worker keeps serving; web
 * pages have no way in (no externally_connectable; a postMessage storm changes nothing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from '../../lib/messaging/protocol';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { ids } from './support/knowledge';
import { EXT_DIR, ROOT } from './support/paths';
import { startServer, type Headers, type TestServer } from './support/server';
import { countOf, entryOf, poll, settledReport } from './support/waits';
import { highlightMarks, hoverCard, visibleMark, wrapperMarkCount, type MarkBox } from './support-hardening/ui';

const HOSTILE_DIR = path.join(ROOT, 'tests', 'fixtures', 'hostile');
const CSP = "default-src 'none'; style-src 'none'";

let h: ExtensionHarness;
let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  const serve = (name: string, headers: Headers = {}) => server.register(`/hostile/${name}`, readFileSync(path.join(HOSTILE_DIR, name), 'utf8'), headers);
  for (const name of ['prototypes.html', 'important-styles.html', 'html-text.html', 'frameset.html', 'frame-left.html', 'frame-right.html', 'mutation-storm.html']) serve(name);
  serve('csp.html', { 'Content-Security-Policy': CSP });
  serve('xhtml.xhtml', { 'Content-Type': 'application/xhtml+xml; charset=utf-8' });
  serve('image.svg', { 'Content-Type': 'image/svg+xml; charset=utf-8' });
  // Generated rather than committed: a megabyte of letters between two ordinary paragraphs.
  const article = readFileSync(path.join(HOSTILE_DIR, 'html-text.html'), 'utf8').replace(/<article>[\s\S]*<\/article>/, () =>
    `<article><h1>Kim Jong Un and CVID</h1>
     <p>North Korea's leader Kim Jong Un and President Trump talk about denuclearization; Washington wants CVID.</p>
     <p id="blob" style="overflow-wrap:anywhere;font-size:6px">KimJongUn${'ab'.repeat(500_000)}CVIDdenuclearization</p>
     <p>National Security Adviser John Bolton has long argued for the Libya model.</p></article>`,
  );
  server.register('/hostile/no-space.html', article);
  h = await launchExtension();
});

afterAll(async () => {
  await h?.close();
  await server?.close();
});

interface Visit {
  page: Page;
  tabId: number;
  report: PageReport;
  /** Every uncaught page error, console error and dialog on the page (whoever caused it). */
  problems: string[];
}

async function visit(name: string, accept?: (r: PageReport) => boolean): Promise<Visit> {
  const page = await h.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(server.url(`/hostile/${name}`), { waitUntil: 'load' });
  const tabId = await h.tabIdOf(page);
  const report = await settledReport(h, tabId, { timeoutMs: 30_000, ...(accept ? { accept } : {}) });
  return { page, tabId, report, problems };
}

/** The page's own clock still runs: a counter it keeps goes up (no fixed wait, just "later"). */
async function pageKeepsRunning(page: Page, read: () => Promise<number>) {
  const before = await read();
  await poll(read, (n) => n > before + 5, { what: 'the page script to keep running' });
}
const ticks = (page: Page) => () => page.evaluate(() => (window as unknown as { __page: { ticks: number } }).__page.ticks);

/** Hover the first mark matching `text`, expect its card, close it with Escape. */
async function hoverAndClose(page: Page, report: PageReport, text: RegExp) {
  const mark = await visibleMark(page, (m: MarkBox) => text.test(m.text));
  expect(mark, `a mark matching ${text} in view`).toBeDefined();
  await page.mouse.move(5, 5);
  await page.mouse.move(mark!.x, mark!.y, { steps: 4 });
  const card = await poll(() => hoverCard(page), (c) => c.open, { what: `the card for "${mark!.text}"` });
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const entry = report.entries.find((e) => e.mentions.map(squash).includes(squash(mark!.text)));
  expect(card.entryId).toBe(entry?.id);
  expect(squash(card.heading ?? '')).toBe(entry?.label);
  expect(card.source).toContain('Litwak');
  await page.keyboard.press('Escape');
  await poll(() => hoverCard(page), (c) => !c.open, { what: 'the card to close on Escape' });
  return card;
}

const core = () => [ids.kimJongUn(), ids.cvid(), ids.libyaModel(), ids.johnBolton()];
const hasCore = (r: PageReport) => core().every((id) => entryOf(r, id));

describe('hostile pages', () => {
  it('overwritten Node/Array/JSON built-ins and squatted nk-mark / nk-context-ui names', async () => {
    const { page, report, problems } = await visit('prototypes.html', hasCore);
    expect(report.status).toBe('annotated');
    expect((await highlightMarks(page)).length).toBe(report.entries.reduce((n, e) => n + e.count, 0));
    // The page owns <nk-context-ui> (hidden, no shadow root allowed): the card needs another host.
    const card = await hoverAndClose(page, report, /CVID|Libya model|Bolton/);
    expect(card.hostParent).toBe('html');
    expect(await page.evaluate(() => document.querySelectorAll('[data-squatted]').length), 'the page element is not used as host').toBe(0);
    // The page's replacements are still in place and still work; its clock runs.
    expect(await page.evaluate(() => (window as unknown as { __page: { check(): string[] } }).__page.check())).toEqual([]);
    await pageKeepsRunning(page, ticks(page));
    expect(await page.evaluate(() => (window as unknown as { __page: { errors: string[] } }).__page.errors)).toEqual([]);
    expect(problems).toEqual([]);
    expect(h.extensionErrors(page)).toEqual([]);
    await page.close();
  });

  it(`a strict CSP (${CSP}): marks are drawn and the card is styled`, async () => {
    const { page, report, problems } = await visit('csp.html', hasCore);
    expect(report.status).toBe('annotated');
    expect((await highlightMarks(page)).length).toBeGreaterThan(3);
    // The highlight style applies (an adopted sheet is not subject to style-src).
    const styled = await page.evaluate(() =>
      [...document.styleSheets, ...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(nk-mark)'))),
    );
    expect(styled, 'a ::highlight(nk-mark) rule is in effect').toBe(true);
    const mark = await visibleMark(page, (m) => /CVID/.test(m.text));
    await page.mouse.move(mark!.x, mark!.y, { steps: 4 });
    await poll(() => hoverCard(page), (c) => c.open, { what: 'the card under CSP' });
    const look = await page.evaluate(() => {
      const dialog = document.querySelector('nk-context-ui')!.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
      const s = getComputedStyle(dialog);
      return { position: s.position, border: s.borderTopWidth, radius: s.borderTopLeftRadius };
    });
    // Unstyled, the dialog would be a static, borderless block: the card CSS was refused.
    expect(look).toEqual({ position: 'fixed', border: '1px', radius: '8px' });
    await page.keyboard.press('Escape');
    expect(problems).toEqual([]);
    expect(h.extensionErrors(page)).toEqual([]);
    await page.close();
  });

  it('`*`, `:host` and every custom element styled !important: the card still shows on top', async () => {
    const { page, report, problems } = await visit('important-styles.html', hasCore);
    expect(report.status).toBe('annotated');
    const mark = await visibleMark(page, (m) => /CVID|Libya model/.test(m.text));
    await page.mouse.move(mark!.x, mark!.y, { steps: 4 });
    // Fully faded in (the card's own entry animation), whatever the page's styles say.
    await poll(() => hoverCard(page), (c) => c.open && c.opacity === '1', { what: 'the card, fully shown' });
    const seen = await page.evaluate(() => {
      const host = document.querySelector('nk-context-ui')!;
      const dialog = host.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
      const r = dialog.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 40));
      return { width: r.width, height: r.height, display: getComputedStyle(host).display, visibility: getComputedStyle(dialog).visibility, onTop: top === host };
    });
    expect(seen.width).toBeGreaterThan(150);
    expect(seen.height).toBeGreaterThan(60);
    expect(seen.display).not.toBe('none');
    expect(seen.visibility).toBe('visible');
    expect(seen.onTop, 'the card is the topmost thing where it is drawn').toBe(true);
    await page.keyboard.press('Escape');
    await pageKeepsRunning(page, ticks(page));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('text that looks like HTML or script stays text, in the page and in the card', async () => {
    const { page, report, problems } = await visit('html-text.html', (r) => !!entryOf(r, ids.kimJongUn()) && !!entryOf(r, ids.cvid()));
    expect(report.status).toBe('annotated');
    for (const text of [/Kim Jong Un/, /CVID/]) {
      const mark = await visibleMark(page, (m) => text.test(m.text));
      await page.mouse.move(5, 5);
      await page.mouse.move(mark!.x, mark!.y, { steps: 4 });
      const card = await poll(() => hoverCard(page), (c) => c.open, { what: `the card for ${text}` });
      const sentence = await page.evaluate(() =>
        document.querySelector('nk-context-ui')!.shadowRoot!.querySelector('.nk-card-page-sentence')?.textContent ?? null,
      );
      expect(sentence ?? '', 'the page sentence shows the markup as text').toMatch(/<img src=x onerror=alert\(1\)>|<script>window\.__pwned = 1<\/script>/);
      for (const tag of ['img', 'script', 'iframe', 'svg', 'b', 'style']) expect(card.tags, `no <${tag}> in the card`).not.toContain(tag);
      await page.keyboard.press('Escape');
      await poll(() => hoverCard(page), (c) => !c.open, { what: 'the card to close' });
    }
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.querySelectorAll('img, iframe, svg, b').length)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a frameset: each frame is marked and reported', async () => {
    const { page, report, problems } = await visit('frameset.html', hasCore);
    expect(report.status).toBe('annotated');
    const left = page.frame({ name: 'left' })!;
    const right = page.frame({ name: 'right' })!;
    expect((await highlightMarks(left)).map((m) => m.text)).toEqual(expect.arrayContaining(['Kim Jong Un', 'CVID']));
    expect((await highlightMarks(right)).some((m) => /Libya model/.test(m.text))).toBe(true);
    expect(problems).toEqual([]);
    expect(h.extensionErrors(page)).toEqual([]);
    await page.close();
  });

  it('an XHTML page (application/xhtml+xml) is marked like an HTML one', async () => {
    const { page, report, problems } = await visit('xhtml.xhtml', hasCore);
    expect(await page.evaluate(() => document.contentType)).toBe('application/xhtml+xml');
    expect(report.status).toBe('annotated');
    expect((await highlightMarks(page)).length).toBeGreaterThan(3);
    await hoverAndClose(page, report, /CVID|Libya model/);
    await pageKeepsRunning(page, ticks(page));
    expect(problems).toEqual([]);
    expect(h.extensionErrors(page)).toEqual([]);
    await page.close();
  });

  it('a bare SVG document: no marks, nothing added, no error', async () => {
    const page = await h.context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(server.url('/hostile/image.svg'), { waitUntil: 'load' });
    const read = () => page.evaluate(() => Number(document.documentElement.getAttribute('data-ticks')));
    await pageKeepsRunning(page, read);
    const state = await page.evaluate(() => ({
      hosts: document.getElementsByTagName('nk-context-ui').length,
      marks: (CSS as unknown as { highlights?: Map<string, Set<Range>> }).highlights?.get('nk-mark')?.size ?? 0,
      children: [...document.documentElement.children].map((c) => c.localName),
    }));
    expect(state).toEqual({ hosts: 0, marks: 0, children: ['title', 'text', 'text', 'script'] });
    const report = await h.pageReport(await h.tabIdOf(page));
    expect(report.entries).toEqual([]);
    expect(problems).toEqual([]);
    expect(h.extensionErrors(page)).toEqual([]);
    await page.close();
  });

  it('a page that mutates its DOM thousands of times a second', async () => {
    const { page, report, problems } = await visit('mutation-storm.html', hasCore);
    expect(report.status).toBe('annotated');
    expect(countOf(report, ids.kimJongUn())).toBe(1);
    await hoverAndClose(page, report, /CVID|Libya model|Bolton/);
    const mutations = () => page.evaluate(() => (window as unknown as { __page: { mutations: number } }).__page.mutations);
    const before = await mutations();
    await poll(mutations, (n) => n > before + 5_000, { what: 'the storm to go on' });
    // Still the same report: the churn (no terms) added nothing and lost nothing.
    const later = await h.pageReport(report.tabId);
    expect(later.entries.map((e) => [e.id, e.count])).toEqual(report.entries.map((e) => [e.id, e.count]));
    expect(problems).toEqual([]);
    expect(h.extensionErrors(page)).toEqual([]);
    await page.close();
  });

  it('a megabyte of text without a space: the article is marked, the blob is not', async () => {
    const { page, report, problems } = await visit('no-space.html', hasCore);
    expect(report.status).toBe('annotated');
    // The heading and the first paragraph; none of "KimJongUn…CVIDdenuclearization" in the blob.
    expect(countOf(report, ids.kimJongUn())).toBe(2);
    expect(countOf(report, ids.cvid())).toBe(2);
    const inBlob = await page.evaluate(() => {
      const blob = document.getElementById('blob')!;
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('nk-mark');
      return [...(h ?? [])].filter((r) => blob.contains(r.startContainer)).length;
    });
    expect(inBlob).toBe(0);
    await pageKeepsRunning(page, ticks(page));
    expect(problems).toEqual([]);
    expect(h.extensionErrors(page)).toEqual([]);
    await page.close();
  });
});

describe('hostile messages', () => {
  const isError = (reply: unknown) => typeof reply === 'object' && reply !== null && (reply as { nkError?: unknown }).nkError === true && typeof (reply as { error?: unknown }).error === 'string';

  it('answers malformed, oversized and wrong-typed requests with a clear error, and keeps serving', async () => {
    const errorsBefore = h.extensionErrors().length;
    const bad: [unknown, RegExp][] = [
      [null, /Invalid message/],
      [42, /Invalid message/],
      ['page-report', /Invalid message/],
      [[{ type: 'page-report', tabId: 1 }], /Invalid message/],
      [{}, /type/],
      [{ type: 7 }, /type/],
      [{ type: 'no-such-message' }, /unknown message type/],
      [{ type: 'page-report' }, /tabId/],
      [{ type: 'page-report', tabId: '1' }, /tabId/],
      [{ type: 'page-report', tabId: -1 }, /tabId/],
      [{ type: 'page-report', tabId: 1.5 }, /tabId/],
      [{ type: 'popup:search', query: 'x'.repeat(5_000_000) }, /at most 200/],
      [{ type: 'popup:search', query: ['CVID'] }, /query/],
      [{ type: 'popup:search', query: 'CVID', limit: 1e9 }, /limit/],
      [{ type: 'popup:get-card', id: { toString: 'cvid' } }, /id/],
      [{ type: 'popup:get-card', id: 'x'.repeat(10_000) }, /id/],
      // Content requests from an extension page are refused whatever they hold.
      [{ type: 'content:scan', url: 'x', title: 'x', docStart: 0, batch: 0, force: true, sentences: [], candidates: [] }, /not accepted/],
      [{ type: 'content:scan', url: 'x', title: 'x', docStart: 0, batch: 0, force: true, sentences: ['a'], candidates: Array(60_000).fill(0) }, /candidates/],
    ];
    for (const [message, why] of bad) {
      const reply = await h.send(message);
      expect(isError(reply), `error reply to ${JSON.stringify(message)?.slice(0, 80)}`).toBe(true);
      expect((reply as { error: string }).error).toMatch(why);
    }
    // A prototype-pollution attempt is just an unknown field.
    const polluted = await h.send(JSON.parse('{"type":"popup:search","query":"CVID","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'));
    expect(Array.isArray(polluted)).toBe(true);
    const worker = await h.serviceWorker();
    expect(await worker.evaluate(() => ({} as { polluted?: boolean }).polluted)).toBeUndefined();

    // Still serving everyone.
    const hits = (await h.send({ type: 'popup:search', query: 'denuclearization' })) as { id: string }[];
    expect(hits[0]?.id).toBe(ids.denuclearisation());
    const card = (await h.send({ type: 'popup:get-card', id: ids.cvid() })) as { entry: { id: string } };
    expect(card.entry.id).toBe(ids.cvid());
    const page = await h.openPage(server.url('/split-mentions.html'));
    const report = await settledReport(h, await h.tabIdOf(page));
    expect(report.status).toBe('annotated');
    expect(h.extensionErrors().slice(errorsBefore)).toEqual([]);
    await page.close();
  });

  it('offers web pages no way in: no externally_connectable, and a postMessage storm changes nothing', async () => {
    const manifest = JSON.parse(readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).not.toHaveProperty('externally_connectable');
    // Only the hover card's UI, loaded on first hover, under a per-session URL that pages can't probe.
    expect(manifest.web_accessible_resources).toEqual([{ resources: ['hover-ui.js'], matches: ['<all_urls>'], use_dynamic_url: true }]);
    // The fewest permissions (docs/permissions.md): no tabs, no host permissions.
    expect(manifest.permissions).toEqual(['storage', 'contextMenus']);
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('optional_permissions');

    const { page, tabId, report, problems } = await visit('prototypes.html', hasCore);
    expect(await page.evaluate(() => typeof (window as unknown as { chrome?: { runtime?: unknown } }).chrome?.runtime)).toBe('undefined');
    const marks = (await highlightMarks(page)).length;
    await page.evaluate(() => {
      const shapes = [
        { type: 'bg:toggle-site' },
        { type: 'bg:force' },
        { type: 'bg:show-entry', id: 'cvid' },
        { type: 'bg:step-mark', direction: 1 },
        { type: 'content:cleared', status: 'disabled' },
        { type: 'content:scan', url: location.href, title: '', docStart: 0, batch: 0, force: true, sentences: [], candidates: [] },
        { type: 'page-report', tabId: 1 },
        'nk-context',
        { nkError: true, error: 'x' },
      ];
      for (let i = 0; i < 5_000; i++) window.postMessage(shapes[i % shapes.length], '*');
      document.dispatchEvent(new CustomEvent('nk-context', { detail: { type: 'bg:toggle-site' } }));
    });
    await pageKeepsRunning(page, ticks(page));
    const after = await settledReport(h, tabId);
    expect(after.status).toBe('annotated');
    expect(after.entries).toEqual(report.entries);
    expect((await highlightMarks(page)).length).toBe(marks);
    expect(await hoverCard(page)).toEqual({ open: false });
    expect(await wrapperMarkCount(page)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
