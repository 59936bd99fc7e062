import { defineConfig, type WxtViteConfig } from 'wxt';

/**
 * The knowledge-base files carry each entry's sources and each rule's reasoning for reviewers; the
 * extension never shows them, and the content script is loaded on every page, so the bundle drops them.
 */
const KB_DATA = /[\\/]lib[\\/]kb[\\/]data[\\/](?:actors|places)\.json$/;
function stripKbProvenance(): NonNullable<WxtViteConfig['plugins']>[number] {
  return {
    name: 'libya-lens:strip-kb-provenance',
    enforce: 'pre',
    transform(code, id) {
      if (!KB_DATA.test(id)) return undefined;
      const entries = JSON.parse(code) as Array<{ sources?: unknown; aliases: unknown[] }>;
      const stripped = entries.map(({ sources: _sources, ...entry }) => ({
        ...entry,
        aliases: entry.aliases.map((alias) => {
          if (typeof alias !== 'object' || alias === null) return alias;
          const { note: _note, ...rule } = alias as { note?: unknown };
          return rule;
        }),
      }));
      return { code: JSON.stringify(stripped), map: null };
    },
  };
}

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [stripKbProvenance()],
    // LIBYA_LENS_PROFILE=1 keeps function names readable in DevTools profiles of the built extension.
    build: process.env.LIBYA_LENS_PROFILE ? { minify: false } : {},
  }),
  manifest: ({ browser }) => ({
    name: 'Libya Lens',
    description:
      'Highlights Libyan actors and places on news pages and keeps an event timeline on your machine.',
    permissions: ['storage', 'contextMenus'],
    commands: {
      'open-entity-list': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: 'List the Libyan actors and places on this page',
      },
      'clip-selection': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Clip the selection, or the paragraph in focus, to the Libya timeline',
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
