/**
 * Annotation in a real Chromium: the built extension marks what a reader expects and nothing else,
 * and never changes the page's text or DOM.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from '../../lib/messaging/protocol';
import { saveScreenshot } from './support/artifacts';
import { launchExtension, launchPlainBrowser, type ExtensionHarness } from './support/extension';
import { ids } from './support/knowledge';
import { allMarks, bodySnapshot, readMarks, type Mark } from './support/marks';
import { startServer, type TestServer } from './support/server';
import { countOf, entryOf, poll, settledReport } from './support/waits';

let h: ExtensionHarness;
let server: TestServer;
let plain: Browser | undefined;

beforeAll(async () => {
  server = await startServer();
  h = await launchExtension();
});

afterAll(async () => {
  await plain?.close();
  await h?.close();
  await server?.close();
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Open a page in the extension's browser and wait for its settled report. */
async function open(path: string, accept?: (r: PageReport) => boolean) {
  const page = await h.openPage(server.url(path));
  const tabId = await h.tabIdOf(page);
  const report = await settledReport(h, tabId, accept ? { accept } : {});
  return { page, tabId, report };
}

/** The same page in a Chromium without the extension. */
async function untouched(path: string) {
  plain ??= await launchPlainBrowser();
  const page = await plain.newPage();
  await page.goto(server.url(path), { waitUntil: 'load' });
  const snapshot = await bodySnapshot(page);
  await page.close();
  return snapshot;
}

const ids_ = (r: PageReport) => r.entries.map((e) => e.id);
/** Marks covering `text` (a mark may include a title, e.g. "National Security Adviser John Bolton"). */
const marked = (marks: Mark[], text: string) => marks.filter((m) => squash(m.text).includes(text));

describe('the demo article', () => {
  it('is annotated with its key terms and actors, and every mark is a reported mention', async () => {
    const expected = [ids.kimJongUn(), ids.northKorea(), ids.denuclearisation(), ids.cvid(), ids.libyaModel(), ids.johnBolton(), ids.pyongyang()];
    const { page, report } = await open('/demo.html', (r) => expected.every((id) => entryOf(r, id)));
    expect(report.status).toBe('annotated');
    expect(ids_(report)).toEqual(expect.arrayContaining(expected));
    for (const id of expected) expect(countOf(report, id), id).toBeGreaterThan(0);

    const marks = await readMarks(page);
    // Chromium has the Highlight API: marks must be ranges, not wrapper elements.
    expect(marks.wrappers).toEqual([]);
    expect(marks.highlights.length).toBeGreaterThanOrEqual(expected.length);
    const mentions = new Set(report.entries.flatMap((e) => e.mentions.map(squash)));
    const unreported = marks.highlights.filter((m) => !mentions.has(squash(m.text)));
    expect(unreported, 'marks whose text is no reported mention').toEqual([]);
    await saveScreenshot(page, 'demo-annotated', { docs: true });
    await page.close();
  });

  it("leaves the page's text and DOM exactly as they were (the Highlight API adds no nodes)", async () => {
    const before = await untouched('/demo.html');
    const { page, report } = await open('/demo.html');
    expect(report.status).toBe('annotated');
    expect((await readMarks(page)).highlights.length).toBeGreaterThan(0);
    const after = await bodySnapshot(page);
    expect(after.text).toBe(before.text);
    expect(after.html).toBe(before.html);
    await page.close();
  });
});

describe('matching in real pages', () => {
  it('counts a name split across inline elements as one mention', async () => {
    const kim = ids.kimJongUn();
    const { page, report } = await open('/split-mentions.html');
    expect(report.status).toBe('annotated');
    expect(countOf(report, kim)).toBe(2);
    expect(entryOf(report, kim)?.mentions.map(squash)).toContain('Kim Jong Un');
    const marks = allMarks(await readMarks(page));
    expect(marked(marks, 'Kim Jong Un')).toHaveLength(2);
    // No stray partial marks ("Kim", "Jong Un") left over from the split.
    expect(marks.filter((m) => /^(Kim|Kim Jong|Jong Un|Un)$/.test(squash(m.text)))).toEqual([]);
    const before = await untouched('/split-mentions.html');
    expect((await bodySnapshot(page)).html).toBe(before.html);
    await page.close();
  });

  it('never marks inputs, textareas, contenteditable, code, pre, scripts, styles or SVG text', async () => {
    const { page, report } = await open('/skipped-regions.html');
    expect(report.status).toBe('annotated');
    // "Kim Jong Un" stands once in the article text and six more times in regions to skip.
    expect(countOf(report, ids.kimJongUn())).toBe(1);
    // John Bolton and the Libya model appear only in skipped regions.
    expect(entryOf(report, ids.johnBolton())).toBeUndefined();
    expect(entryOf(report, ids.libyaModel())).toBeUndefined();
    const marks = allMarks(await readMarks(page));
    expect(marks.filter((m) => m.skippedRegion)).toEqual([]);
    expect(marked(marks, 'Kim Jong Un')).toHaveLength(1);
    // What the user typed is untouched.
    expect(await page.inputValue('#q')).toBe('John Bolton and Kim Jong Un');
    expect(await page.inputValue('#notes')).toBe('John Bolton told Kim Jong Un about the Libya model.');
    expect(await page.locator('#editor').evaluate((el) => el.innerHTML)).toBe('John Bolton wrote about Kim Jong Un and North Korea.');
    await page.close();
  });
});

describe('short names follow the full name', () => {
  it('marks nothing on a celebrity page about Kim Kardashian and Arnold Kim', async () => {
    const { page, report } = await open('/kim-trap-unrelated.html');
    expect(entryOf(report, ids.kimJongUn())).toBeUndefined();
    expect(report.status === 'not-relevant' || report.entries.length === 0, `status ${report.status}, entries ${ids_(report)}`).toBe(true);
    expect(allMarks(await readMarks(page))).toEqual([]);
    await page.close();
  });

  it('does not take a lone "Kim" for Kim Jong Un on a North Korea page that never names him', async () => {
    const { page, report } = await open('/kim-trap-nk.html');
    expect(report.status).toBe('annotated');
    expect(entryOf(report, ids.northKorea())).toBeDefined();
    expect(entryOf(report, ids.kimJongUn())).toBeUndefined();
    expect(allMarks(await readMarks(page)).filter((m) => /Kim/.test(m.text))).toEqual([]);
    await page.close();
  });

  it('counts "Kim" once Kim Jong Un is named in full, but never Kim Kardashian or Arnold Kim', async () => {
    const kim = ids.kimJongUn();
    const { page, report } = await open('/kim-trap-full.html');
    expect(report.status).toBe('annotated');
    // One full name and two lone "Kim"s that mean him.
    expect(countOf(report, kim)).toBe(3);
    const mentions = entryOf(report, kim)?.mentions.map(squash) ?? [];
    expect(mentions).toContain('Kim');
    expect(mentions.some((m) => m.includes('Kim Jong Un'))).toBe(true);
    const wrong = allMarks(await readMarks(page)).filter((m) => /^\s*Kardashian/.test(m.after) || /Arnold\s*$/.test(m.before));
    expect(wrong).toEqual([]);
    await page.close();
  });
});

describe('pages that change', () => {
  it('annotates paragraphs appended after load', async () => {
    const kim = ids.kimJongUn();
    const { page, tabId, report } = await open('/dynamic.html');
    expect(countOf(report, kim)).toBe(2);
    for (const expected of [4, 6]) {
      await page.click('#more');
      const grown = await settledReport(h, tabId, { accept: (r) => countOf(r, kim) >= expected });
      expect(countOf(grown, kim)).toBe(expected);
    }
    const marks = await poll(
      async () => allMarks(await readMarks(page)),
      (m) => marked(m, 'Kim Jong Un').length >= 6,
      { what: 'marks in the appended paragraphs' },
    );
    expect(marked(marks, 'Kim Jong Un')).toHaveLength(6);
    await page.close();
  });

  it("reports the entries of a same-origin iframe and marks them inside it", async () => {
    const [bolton, libya] = [ids.johnBolton(), ids.libyaModel()];
    const { page, report } = await open('/iframe-parent.html', (r) => !!entryOf(r, bolton) && !!entryOf(r, libya));
    expect(report.status).toBe('annotated');
    expect(ids_(report)).toEqual(expect.arrayContaining([ids.northKorea(), bolton, libya]));
    const frame = page.frame({ url: /iframe-child\.html$/ });
    expect(frame, 'the iframe').toBeTruthy();
    const inner = allMarks(await readMarks(frame!));
    expect(marked(inner, 'Bolton').length).toBeGreaterThan(0);
    await page.close();
  });
});
