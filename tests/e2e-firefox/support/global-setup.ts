/** Builds the Firefox extension once for the whole Firefox suite, or fails at once with the fix. */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildFirefox, FIREFOX } from './build';

declare module 'vitest' {
  export interface ProvidedContext {
    firefoxExtensionDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  if (!existsSync(FIREFOX)) {
    throw new Error(
      `The Firefox suite needs Firefox ESR at ${FIREFOX}: on Debian run \`apt-get install -y firefox-esr\` (or set NK_FIREFOX). Never download browsers.`,
    );
  }
  project.provide('firefoxExtensionDir', await buildFirefox());
}
