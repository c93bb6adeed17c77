import { defineConfig } from 'wxt';
import type { Plugin } from 'vite';

/**
 * Preact writes `dangerouslySetInnerHTML` through `innerHTML`. We never use that prop (a unit test
 * forbids it), so the code path is rewritten to `textContent`: no HTML sink ships, and Mozilla's
 * linter has nothing to warn about. Fails the build if Preact's code changes shape.
 */
const noInnerHtml: Plugin = {
  name: 'nk-no-inner-html',
  enforce: 'pre',
  transform(code, id) {
    if (!/preact[\\/]dist[\\/]preact\.module\.js$/.test(id.split('?')[0] ?? '')) return null;
    const pattern = /(\w+)\.innerHTML=(\w+)\.__html/g;
    if (!pattern.test(code)) this.error('Preact no longer writes innerHTML as expected: update noInnerHtml in wxt.config.ts');
    return { code: code.replace(pattern, '$1.textContent=$2.__html'), map: null };
  },
};

/**
 * The content script goes without webextension-polyfill (9 KiB of its 60 KiB budget): `wxt/browser`
 * there is the browser's own `browser` (Firefox) or `chrome` (Chrome MV3), whose APIs return
 * promises too. What the polyfill adds that it would need, a promise returned by a runtime.onMessage
 * listener, it does without (entrypoints/content/index.ts answers through sendResponse).
 */
const nativeBrowser: Plugin = {
  name: 'nk-content-native-browser',
  enforce: 'pre',
  resolveId(id, importer) {
    // `wxt/browser` arrives here already aliased to the polyfill by @wxt-dev/webextension-polyfill.
    if (id !== 'wxt/browser' && id !== '@wxt-dev/webextension-polyfill/browser') return null;
    return this.resolve('@wxt-dev/browser', importer, { skipSelf: true });
  },
};

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion }) => ({
    name: 'NK Context',
    description:
      'Explains the terms and actors of North Korean nuclear diplomacy on any page, with context cards grounded in a trusted source article.',
    permissions: ['storage', 'contextMenus'],
    commands: {
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Turn NK Context marks on or off for this site',
      },
      'next-mark': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next marked term and open its card',
      },
      'prev-mark': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Go to the previous marked term and open its card',
      },
    },
    // The content script imports the hover card UI on first hover (entrypoints/hover-ui.ts); Chrome
    // only lets it import files that web pages could load too, so the file is listed, reachable only
    // under a per-session id (use_dynamic_url) so pages can't probe for the extension. Firefox's
    // content scripts may import the extension's own files without this.
    ...(manifestVersion === 3
      ? { web_accessible_resources: [{ resources: ['hover-ui.js'], matches: ['<all_urls>'], use_dynamic_url: true }] }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'nk-context@nk-context.invalid',
              // 140: the CSS Custom Highlight API and data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // Store zips; the Firefox sources zip holds what a reviewer needs to rebuild, not test pages,
  // screenshots, benchmarks or build output.
  zip: {
    excludeSources: ['tests/**', 'docs/**', 'scripts/bench/**', 'scripts/screenshots.ts', '.output/**', '.wxt/**', 'coverage/**'],
  },
  hooks: {
    'vite:build:extendConfig'(entrypoints, config) {
      if (entrypoints.some((e) => e.type === 'content-script')) config.plugins = [...(config.plugins ?? []), nativeBrowser];
    },
  },
  vite: () => ({
    plugins: [noInnerHtml],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
