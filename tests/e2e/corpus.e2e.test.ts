/**
 * The extension on 130 saved real pages (../shared/corpus, never copied into the repository):
 * no errors from the extension, no marks on pages about something else, the page's text and DOM
 * untouched. One browser, three pages at a time; the run's time is printed and saved.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageStatus } from '../../lib/messaging/protocol';
import { corpusPages, type CorpusPage } from './support/corpus';
import { launchExtension, launchPlainBrowser, type ExtensionHarness } from './support/extension';
import { allMarks, bodySnapshot, readMarks, type BodySnapshot } from './support/marks';
import { ARTIFACTS_DIR, CORPUS_SKIP_MESSAGE, corpusAvailable } from './support/paths';
import { startServer, type TestServer } from './support/server';
import { settledReport } from './support/waits';

const PARALLEL = 3;
const LOAD_TIMEOUT = 15_000;
const SETTLE_TIMEOUT = 10_000;
/** A page that takes longer than this (a hung renderer) is recorded as a failure and closed. */
const PAGE_BUDGET = 45_000;

interface PageResult {
  name: string;
  category: CorpusPage['category'];
  /** 'unsettled' when the report stayed pending (or kept changing) past SETTLE_TIMEOUT. */
  status: PageStatus | 'unsettled';
  /** The last status seen, for unsettled pages. */
  lastStatus?: PageStatus;
  /** From the end of loading to a settled report. */
  settleMs: number;
  entries: Record<string, number>;
  marks: number;
  errors: string[];
  /** null when the page itself is not deterministic (two loads without the extension differ). */
  textSame: boolean | null;
  htmlSame: boolean | null;
  ms: number;
  /** Set when visiting the page failed (a crashed tab, a closed target …): the stage and the error. */
  failure?: string;
}

const available = corpusAvailable();
const pause = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

describe.skipIf(!available)('saved real pages (../shared/corpus)', () => {
  let h: ExtensionHarness;
  let server: TestServer;
  let plain: Browser;
  let plainContext: BrowserContext;
  const results: PageResult[] = [];
  let totalMs = 0;

  /** The page without the extension, `afterMs` after its load event (page scripts keep changing some pages). */
  async function untouched(url: string, opened: Page[], afterMs = 0): Promise<BodySnapshot> {
    const page = await plainContext.newPage();
    opened.push(page);
    try {
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT }).catch(() => undefined);
      if (afterMs > 0) await page.waitForTimeout(afterMs);
      return await bodySnapshot(page);
    } finally {
      await page.close();
    }
  }

  async function visit(corpus: CorpusPage, opened: Page[]): Promise<PageResult> {
    const started = Date.now();
    const url = server.url(`/corpus/${corpus.name}.html`);
    const before = await untouched(url, opened);
    const page = await h.context.newPage();
    opened.push(page);
    try {
      await page.goto(url, { waitUntil: 'load', timeout: LOAD_TIMEOUT }).catch(() => undefined);
      const loadedAt = Date.now();
      const tabId = await h.tabIdOf(page);
      const settleStart = Date.now();
      const report = await settledReport(h, tabId, { timeoutMs: SETTLE_TIMEOUT, intervalMs: 100, stablePolls: 2 }).catch(() => null);
      const settleMs = Date.now() - settleStart;
      const lastStatus = report ? undefined : (await h.pageReport(tabId).catch(() => undefined))?.status;
      const marks = allMarks(await readMarks(page)).length;
      const afterMs = Date.now() - loadedAt;
      const after = await bodySnapshot(page);
      let textSame: boolean | null = after.text === before.text;
      let htmlSame: boolean | null = after.html === before.html;
      if (!textSame || !htmlSame) {
        // Page scripts may write dates or random ids, or swap lazy images on a timer: only a page
        // that loads the same twice can judge, the second time snapshotted as late as with the extension.
        const again = await untouched(url, opened, afterMs);
        if (again.text !== before.text) textSame = textSame || after.text === again.text ? true : null; // unstable page: judge against either load
        if (again.html !== before.html) htmlSame = htmlSame || after.html === again.html ? true : null;
      }
      return {
        name: corpus.name,
        category: corpus.category,
        status: report?.status ?? 'unsettled',
        ...(lastStatus ? { lastStatus } : {}),
        settleMs,
        entries: Object.fromEntries((report?.entries ?? []).map((e) => [e.id, e.count])),
        marks,
        errors: h.extensionErrors(page),
        textSame,
        htmlSame,
        ms: Date.now() - started,
      };
    } finally {
      await page.close();
    }
  }

  beforeAll(async () => {
    const started = Date.now();
    server = await startServer();
    h = await launchExtension();
    plain = await launchPlainBrowser();
    plainContext = await plain.newContext();
    const queue = [...corpusPages()];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const corpus = next;
        const started = Date.now();
        const opened: Page[] = [];
        let timer: NodeJS.Timeout | undefined;
        const budget = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no result within ${PAGE_BUDGET / 1000} s: the tab hung`)), PAGE_BUDGET);
        });
        // One broken page must not hide the other 129: record it and go on.
        results.push(
          await Promise.race([visit(corpus, opened), budget]).catch((error: unknown) => ({
            name: corpus.name,
            category: corpus.category,
            status: 'unsettled' as const,
            settleMs: 0,
            entries: {},
            marks: 0,
            errors: [],
            textSame: null,
            htmlSame: null,
            ms: Date.now() - started,
            failure: String(error).split('\n')[0],
          })),
        );
        clearTimeout(timer);
        // Close whatever the visit left open; a hung renderer may not answer, so do not wait for ever.
        await Promise.all(opened.map((p) => Promise.race([p.close({ runBeforeUnload: false }).catch(() => undefined), pause(5_000)])));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    totalMs = Date.now() - started;
    results.sort((a, b) => a.name.localeCompare(b.name));
    await mkdir(ARTIFACTS_DIR, { recursive: true });
    await writeFile(path.join(ARTIFACTS_DIR, 'corpus-report.json'), JSON.stringify({ totalMs, results }, null, 2));
    const byStatus = results.reduce<Record<string, number>>((acc, r) => ({ ...acc, [`${r.category}/${r.status}`]: (acc[`${r.category}/${r.status}`] ?? 0) + 1 }), {});
    console.log(`corpus: ${results.length} pages in ${(totalMs / 1000).toFixed(1)} s; ${JSON.stringify(byStatus)}; details in tests/artifacts/corpus-report.json`);
  }, 600_000);

  afterAll(async () => {
    await plain?.close();
    await h?.close();
    await server?.close();
  });

  it('visits every page of the corpus', () => {
    expect(results.length).toBe(corpusPages().length);
    expect(results.length).toBeGreaterThan(100);
  });

  it('loads every page without a crash', () => {
    expect(results.filter((r) => r.failure).map((r) => `${r.name}: ${r.failure}`)).toEqual([]);
  });

  it('raises no error from the extension on any page', () => {
    const failing = results.filter((r) => r.errors.length > 0).map((r) => `${r.name}: ${r.errors.join(' | ')}`);
    expect(failing).toEqual([]);
    expect(h.extensionErrors(), 'errors in the background worker').toEqual([]);
  });

  it("puts no mark on pages about something else ('unrelated')", () => {
    const marked = results
      .filter((r) => r.category === 'unrelated')
      .filter((r) => r.marks > 0 || (r.status !== 'not-relevant' && Object.keys(r.entries).length > 0))
      .map((r) => `${r.name}: status ${r.status}, ${r.marks} marks, entries ${JSON.stringify(r.entries)}`);
    expect(marked).toEqual([]);
  });

  it('settles its report on every page (the popup never spins forever)', () => {
    expect(results.filter((r) => r.status === 'unsettled' && !r.failure).map((r) => `${r.name} (last status ${r.lastStatus})`)).toEqual([]);
  });

  it("leaves every page's text as it was, and the markup of nearly all", () => {
    const changedText = results.filter((r) => r.textSame === false);
    expect(changedText.map((r) => r.name)).toEqual([]);
    // Markup: third-party page scripts race with load timing (lazy-image-2's consent script sometimes
    // skips its locator iframes when the page runs in a profile with a warm cache), so one page may
    // differ; more than one is a regression. Exact markup restore is asserted on our own fixtures
    // (annotate and hardening tests).
    const changedHtml = results.filter((r) => r.htmlSame === false).map((r) => r.name);
    expect(changedHtml.length, `markup changed on ${changedHtml.join(', ')}`).toBeLessThanOrEqual(1);
    // Most pages load deterministically, so this check is not vacuous.
    expect(results.filter((r) => r.htmlSame === true).length).toBeGreaterThan(results.length * 0.8);
  });
});

if (!available) {
  describe('saved real pages', () => {
    it.skip(CORPUS_SKIP_MESSAGE, () => undefined);
  });
}
