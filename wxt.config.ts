import { defineConfig } from 'wxt';

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
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
