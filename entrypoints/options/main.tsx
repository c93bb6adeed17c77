import { render } from 'preact';
import { browser } from 'wxt/browser';
import meta from '../../assets/source/meta.json';
import { applyTheme, cardCss } from '../../lib/ui/theme';
import { OptionsApp, browserStore, optionsCss } from '../../lib/ui/options';

applyTheme(document, cardCss + optionsCss, 'nk-options');
render(
  <OptionsApp store={browserStore} source={meta} version={browser.runtime.getManifest().version} />,
  document.getElementById('app')!,
);
