/**
 * Renders assets/icon.svg to public/icon/{16,32,48,96,128}.png (WXT adds them to the manifest)
 * with headless Chromium, transparent around the rounded square.
 * Run: npx tsx scripts/icons.ts   (needs /usr/bin/chromium or NK_CHROMIUM; downloads nothing)
 */
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = [16, 32, 48, 96, 128];
const CHROMIUM = process.env.NK_CHROMIUM ?? '/usr/bin/chromium';

async function main(): Promise<void> {
  const svg = await readFile(path.join(ROOT, 'assets', 'icon.svg'));
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  const outDir = path.join(ROOT, 'public', 'icon');
  await mkdir(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<html><body style="margin:0;background:transparent"><img alt="" src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const file = path.join(outDir, `${size}.png`);
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`wrote ${path.relative(ROOT, file)}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
