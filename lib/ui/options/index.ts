export { OptionsApp } from './OptionsApp';
export type { OptionsAppProps } from './OptionsApp';
export { browserStore } from './store';
export type { SettingsStore } from './store';
export { optionsCss } from './options-css';
export { hostFromInput } from './SitesSection';
