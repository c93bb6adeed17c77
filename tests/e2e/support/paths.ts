/** Where the end-to-end tests find the built extension, fixtures, the shared corpus and their artifacts. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** The built Chromium extension; NK_EXT_DIR points elsewhere (e.g. a snapshot copy) when set. */
export const EXT_DIR = path.resolve(process.env.NK_EXT_DIR ?? path.join(ROOT, '.output', 'chrome-mv3'));
export const FIXTURES_DIR = path.join(ROOT, 'tests', 'fixtures', 'pages');
export const ARTIFACTS_DIR = path.join(ROOT, 'tests', 'artifacts');
export const SCREENSHOTS_DIR = path.join(ROOT, 'docs', 'screenshots');
/** Saved real pages live beside the repository, never inside it. */
export const SHARED_DIR = path.resolve(ROOT, '..', 'shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus', 'pages');
export const CORPUS_README = path.join(SHARED_DIR, 'corpus', 'README.md');
export const CHROMIUM = process.env.NK_CHROMIUM ?? '/usr/bin/chromium';

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_DIR) && existsSync(CORPUS_README);
}

export const CORPUS_SKIP_MESSAGE =
  `../shared/corpus/pages not found (looked in ${CORPUS_DIR}); corpus end-to-end tests skipped. ` +
  'They run only in the project workspace where the saved pages sit beside the repository.';
