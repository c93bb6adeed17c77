/**
 * Serves the demo article on loopback. `npx tsx scripts/serve.ts [port]` serves until Ctrl-C
 * (handy for Firefox or a browser you started yourself); scripts/start.ts uses `serveDemo`.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { demoPageHtml } from './demo-page';

export const DEFAULT_PORT = 5317;

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

function listen(server: http.Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Serve the demo page at /demo.html (and /) on 127.0.0.1; falls back to a free port when `port` is taken. */
export async function serveDemo(port = DEFAULT_PORT): Promise<DemoServer> {
  const html = demoPageHtml();
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname === '/' || pathname === '/demo.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(html);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
    }
  });
  try {
    await listen(server, port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await listen(server, 0);
  }
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}/demo.html`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.argv[2] ?? DEFAULT_PORT);
  serveDemo(port).then(
    (demo) => console.log(`Serving the NK Context demo article at ${demo.url} (Ctrl-C to stop)`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
