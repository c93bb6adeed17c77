/**
 * The extension in Chromium with a profile folder that outlives the browser, so a test can quit
 * and relaunch it ("settings persist across a restart"): the shared launcher with a kept profile.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from '../support/extension';

export interface ProfileHarness extends ExtensionHarness {
  profileDir: string;
  /** The options page, as a tab. */
  openOptions(): Promise<Page>;
}

export function newProfileDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'nk-e2e-kept-profile-'));
}

export async function launchWithProfile(profileDir: string): Promise<ProfileHarness> {
  const h = await launchExtension({ userDataDir: profileDir });
  return Object.assign(h, {
    profileDir,
    async openOptions() {
      const page = await h.context.newPage();
      await page.goto(`chrome-extension://${h.extensionId}/options.html`);
      return page;
    },
  });
}
