export * from './schema';
export { siteModeFor, siteOverrideFor, hostChain, withSiteMode, withoutSiteMode } from './sites';
export { migrateV1ToV2, SETTINGS_VERSION } from './migrations';
export {
  SETTINGS_KEY,
  defineSettingsItem,
  getSettings,
  updateSettings,
  watchSettings,
  setSiteMode,
  clearSiteMode,
} from './storage';
