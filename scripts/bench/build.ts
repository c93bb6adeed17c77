/**
 * Builds the extension for the bench into its own folder (.output/bench/…), so that a bench never
 * reads a build that another engineer is rewriting, with hidden sourcemaps for the size and
 * profile attribution (the .map files are not referenced by the code and not loaded).
 */
import path from 'node:path';
import { build } from 'wxt';

/** Builds into .output/bench and returns the chrome-mv3 folder. */
export async function buildForBench(root: string): Promise<string> {
  const outDir = path.join(root, '.output', 'bench');
  await build({ root, outDir, vite: () => ({ build: { sourcemap: 'hidden' } }) });
  return path.join(outDir, 'chrome-mv3');
}
