/**
 * The Firefox build the Firefox suite tests: built with the project's own wxt.config.ts into a
 * private folder, so parallel builds of .output/ by other people or suites never race with ours.
 * NK_FIREFOX_EXT_DIR points at an existing unpacked build instead (CI that built once).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const FIREFOX = process.env.NK_FIREFOX ?? '/usr/bin/firefox-esr';
const PRIVATE_OUT = path.join(os.tmpdir(), 'nk-context-e2e-firefox');

/** Where the unpacked Firefox build lives (whether or not it is built yet). */
export function firefoxExtensionDir(): string {
  return path.resolve(process.env.NK_FIREFOX_EXT_DIR ?? path.join(PRIVATE_OUT, 'firefox-mv2'));
}

/** Build the Firefox extension (MV2) from the working tree unless NK_FIREFOX_EXT_DIR is given. */
export async function buildFirefox(): Promise<string> {
  const dir = firefoxExtensionDir();
  if (process.env.NK_FIREFOX_EXT_DIR) {
    if (!existsSync(path.join(dir, 'manifest.json'))) throw new Error(`NK_FIREFOX_EXT_DIR=${dir} holds no manifest.json`);
    return dir;
  }
  const { build } = await import('wxt');
  await build({ root: ROOT, browser: 'firefox', outDir: PRIVATE_OUT, logger: quietLogger() });
  return dir;
}

/** WXT's progress spinner and file table would drown the test output; keep warnings and errors. */
function quietLogger() {
  const none = () => undefined;
  const warn = (...a: unknown[]) => console.warn('[wxt]', ...a);
  const error = (...a: unknown[]) => console.error('[wxt]', ...a);
  return { debug: none, log: none, info: none, success: none, warn, error, fatal: error, box: none, level: 1 } as never;
}
