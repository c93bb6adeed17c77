/** Fails the end-to-end run at once, with the fix, when the extension is not built or Chromium is missing. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CHROMIUM, EXT_DIR } from './paths';

export default function setup(): void {
  const manifest = path.join(EXT_DIR, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`End-to-end tests need the built extension: ${manifest} is missing. Run \`npm run build\` first.`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `End-to-end tests need Chromium at ${CHROMIUM}: on Debian run \`apt-get install -y chromium\` (or set NK_CHROMIUM). Never let Playwright download browsers.`,
    );
  }
}
