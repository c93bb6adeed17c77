/** Bundles page-probe.ts into one script for CDP `Runtime.evaluate` (esbuild comes with tsx). */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export async function probeBundle(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./page-probe.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
    minify: true,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
