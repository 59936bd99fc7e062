import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Libya Lens',
    description:
      'Highlights Libyan actors and places on news pages and keeps an event timeline on your machine.',
    permissions: ['storage'],
    commands: {
      'open-entity-list': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'List the Libyan actors and places on this page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'libya-lens@libyalens.example',
              // CSS Custom Highlight API shipped in Firefox 140.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '105' }),
  }),
});
