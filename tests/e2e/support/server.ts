/**
 * A static server on 127.0.0.1 for the end-to-end tests:
 *   /<name>.html          tests/fixtures/pages/<name>.html
 *   /demo.html            the demo article (scripts/demo-page.ts)
 *   /corpus/<name>.html   ../shared/corpus/pages/<name>.html, when that folder exists
 *   anything registered   an HTML string a test registers (dynamic fixtures)
 * HTML is always sent as `text/html; charset=utf-8`: several saved pages declare no charset or a
 * wrong one, and the bytes are UTF-8.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { demoPageHtml } from '../../../scripts/demo-page';
import { CORPUS_DIR, FIXTURES_DIR } from './paths';

export type Headers = Record<string, string>;

export interface TestServer {
  /** e.g. `http://127.0.0.1:40123` */
  origin: string;
  /** Absolute URL of a path on this server. */
  url(pathname: string): string;
  /** Serve `html` at `pathname` (overrides files); returns its URL. */
  register(pathname: string, html: string, headers?: Headers): string;
  /** Extra response headers for a path (e.g. a Content-Security-Policy), files included. */
  setHeaders(pathname: string, headers: Headers): void;
  close(): Promise<void>;
}

const HTML_TYPE = 'text/html; charset=utf-8';
const SAFE_NAME = /^[\w.-]+\.html$/;

interface Body {
  status: number;
  body: string | Buffer;
  headers: Headers;
}

export async function startServer(options: { demoHtml?: () => string } = {}): Promise<TestServer> {
  const registered = new Map<string, { html: string; headers: Headers }>();
  const extraHeaders = new Map<string, Headers>();
  const demoHtml = options.demoHtml ?? demoPageHtml;
  let demoCache: string | undefined;

  async function resolve(pathname: string): Promise<Body> {
    const dynamic = registered.get(pathname);
    if (dynamic) return { status: 200, body: dynamic.html, headers: { 'Content-Type': HTML_TYPE, ...dynamic.headers } };
    // Browsers ask for it on every page; an empty answer keeps 404s out of the console.
    if (pathname === '/favicon.ico') return { status: 204, body: '', headers: {} };
    if (pathname === '/demo.html') {
      demoCache ??= demoHtml();
      return { status: 200, body: demoCache, headers: { 'Content-Type': HTML_TYPE } };
    }
    const corpus = /^\/corpus\/([^/]+)$/.exec(pathname);
    const name = corpus ? corpus[1]! : pathname.slice(1);
    if (SAFE_NAME.test(name)) {
      const file = path.join(corpus ? CORPUS_DIR : FIXTURES_DIR, name);
      try {
        return { status: 200, body: await readFile(file), headers: { 'Content-Type': HTML_TYPE } };
      } catch {
        // fall through to 404
      }
    }
    return { status: 404, body: 'not found', headers: { 'Content-Type': 'text/plain; charset=utf-8' } };
  }

  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      pathname = '/';
    }
    resolve(pathname).then(
      ({ status, body, headers }) => {
        res.writeHead(status, { 'Cache-Control': 'no-store', ...headers, ...extraHeaders.get(pathname) });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      (error: unknown) => {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end(String(error));
      },
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    url: (pathname) => new URL(pathname, origin).href,
    register(pathname, html, headers = {}) {
      const key = pathname.startsWith('/') ? pathname : `/${pathname}`;
      registered.set(key, { html, headers });
      return new URL(key, origin).href;
    },
    setHeaders(pathname, headers) {
      extraHeaders.set(pathname.startsWith('/') ? pathname : `/${pathname}`, headers);
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
