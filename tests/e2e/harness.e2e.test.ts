/**
 * The end-to-end harness itself: the server sends what the specs rely on, the demo page carries the
 * whole article with its attribution, and the built extension starts in Chromium.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPageHtml, escapeHtml } from '../../scripts/demo-page';
import { launchExtension, type ExtensionHarness } from './support/extension';
import { corpusAvailable, ROOT } from './support/paths';
import { startServer, type TestServer } from './support/server';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.close();
});

describe('demo page', () => {
  const source = readFileSync(path.join(ROOT, 'assets/source/litwak-2019-trump-kim-summit-ii.txt'), 'utf8');
  const lines = source.split('\n').map((l) => l.trim()).filter(Boolean);

  it('holds every line of the article, escaped, with title and attribution', () => {
    const html = demoPageHtml();
    expect(html).toContain(`<h1>${escapeHtml(lines[0]!)}</h1>`);
    for (const line of lines) expect(html).toContain(escapeHtml(line));
    expect(html).toContain('Robert S. Litwak');
    expect(html).toContain('Wilson Center');
    expect(html).toContain('Creative Commons');
    // Nothing of the article's text becomes markup.
    expect(html.match(/<p[ >]/g)?.length).toBe(lines.length - 1 + 3); // + kicker, byline, attribution
  });

  it('escapes markup characters', () => {
    expect(escapeHtml(`<b class="x">Tom & 'Jerry'</b>`)).toBe('&lt;b class=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;');
  });
});

describe('test server', () => {
  it('serves HTML as UTF-8 whatever the page declares', async () => {
    const paths = ['/demo.html', '/split-mentions.html', ...(corpusAvailable() ? ['/corpus/qq.html'] : [])];
    for (const p of paths) {
      const res = await fetch(server.url(p));
      expect(res.status, p).toBe(200);
      expect(res.headers.get('content-type'), p).toBe('text/html; charset=utf-8');
    }
  });

  it('serves registered HTML with custom headers, and nothing outside its folders', async () => {
    const url = server.register('/dynamic/csp.html', '<p>Kim Jong Un</p>', { 'Content-Security-Policy': "default-src 'none'" });
    const res = await fetch(url);
    expect(await res.text()).toBe('<p>Kim Jong Un</p>');
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'");
    for (const p of ['/../package.json', '/corpus/..%2F..%2Fmain%2Fpackage.json', '/%2e%2e/README.md', '/nope.html']) {
      expect((await fetch(server.url(p))).status, p).toBe(404);
    }
  });
});

describe('extension in Chromium', () => {
  let h: ExtensionHarness;
  beforeAll(async () => {
    h = await launchExtension();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts its service worker, which refuses unknown messages', async () => {
    expect(h.extensionId).toMatch(/^[a-p]{32}$/);
    expect((await h.serviceWorker()).url()).toBe(`chrome-extension://${h.extensionId}/background.js`);
    // An unknown message is refused with an error reply, not left unanswered or thrown.
    const reply = await h.send({ type: 'no-such-message' });
    expect(reply).toMatchObject({ nkError: true });
  });

  it('tells tabs apart', async () => {
    const a = await h.openPage(server.url('/split-mentions.html'));
    const b = await h.openPage(server.url('/demo.html'));
    const [idA, idB] = await Promise.all([h.tabIdOf(a), h.tabIdOf(b)]);
    expect(Number.isInteger(idA) && Number.isInteger(idB)).toBe(true);
    expect(idA).not.toBe(idB);
    const report = await h.pageReport(idB);
    expect(report.tabId).toBe(idB);
    await a.close();
    await b.close();
  });
});
