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

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
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
  vite: () => ({
    plugins: [noInnerHtml],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
