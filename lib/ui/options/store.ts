/** What the options page needs from lib/settings, injectable so tests can pass fakes or spies. */
import {
  clearSiteMode, getSettings, setSiteMode, updateSettings, watchSettings,
} from '../../settings';
import type { Settings, SiteMode } from '../../settings';

export interface SettingsStore {
  get(): Promise<Settings>;
  update(patch: Partial<Settings>): Promise<Settings>;
  watch(cb: (settings: Settings) => void): () => void;
  setSiteMode(host: string, mode: SiteMode): Promise<Settings>;
  clearSiteMode(host: string): Promise<Settings>;
}

export const browserStore: SettingsStore = {
  get: getSettings,
  update: updateSettings,
  watch: watchSettings,
  setSiteMode,
  clearSiteMode,
};
