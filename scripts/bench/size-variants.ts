/**
 * How small the content script gets with each proposed cut, by building it for real (WXT, same
 * config) with the cut's module swapped in through a Vite alias:
 *   npx tsx scripts/bench/size-variants.ts
 * The stand-ins are in scripts/bench/size-variants/ (prototypes; see each file's comment).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { build } from 'wxt';
import { ROOT } from '../../tests/e2e/support/paths';
import { kib, table } from './report';

const V = (f: string) => path.join(ROOT, 'scripts/bench/size-variants', f);
const CUTS: Record<string, { find: RegExp; replacement: string }[]> = {
  'hover card UI loaded on first hover': [{ find: /^(\.\.\/)+lib\/ui\/hover$/, replacement: V('hover-lazy.ts') }],
  'no webextension-polyfill': [{ find: /^wxt\/browser$/, replacement: V('no-polyfill.ts') }],
  'settings read from chrome.storage directly': [{ find: /^(\.\.\/)+lib\/settings$/, replacement: V('settings-lite.ts') }],
};

async function contentBytes(name: string, alias: { find: RegExp; replacement: string }[]): Promise<{ bytes: number; gzip: number }> {
  const outDir = path.join(ROOT, '.output', 'bench-size', name.replace(/\W+/g, '-'));
  await build({ root: ROOT, outDir, logger: undefined, vite: () => ({ resolve: { alias } }) });
  const code = readFileSync(path.join(outDir, 'chrome-mv3', 'content-scripts', 'content.js'));
  return { bytes: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

export async function sizeVariants(): Promise<string> {
  const base = await contentBytes('base', []);
  const rows: (string | number)[][] = [['as built', kib(base.bytes), kib(base.gzip), '—']];
  for (const [name, alias] of Object.entries(CUTS)) {
    const v = await contentBytes(name, alias);
    rows.push([name, kib(v.bytes), kib(v.gzip), `−${kib(base.bytes - v.bytes)}`]);
  }
  const all = await contentBytes('all', Object.values(CUTS).flat());
  rows.push(['all three', kib(all.bytes), kib(all.gzip), `−${kib(base.bytes - all.bytes)}`]);
  // The pattern table as deflate-raw in base64, inflated with DecompressionStream (estimate: not built).
  const json = readFileSync(path.join(ROOT, 'assets/generated/patterns.json'));
  const packed = Math.ceil((deflateRawSync(json, { level: 9 }).length * 4) / 3) + 250;
  rows.push(['pattern table as deflate-raw base64 (estimate, +250 B inflater)', '', '', `−${kib(json.length - packed)}`]);
  return table(['content script', 'minified', 'gzip -9', 'saved'], rows);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) console.log(await sizeVariants());
