import {
  CATEGORY_GROUPS,
  getHiddenCategories,
  setCategoryShown,
  watchHiddenCategories,
  type CategoryGroupId,
} from '../settings/categories';
import { getDisabledSites, normaliseHost, setSiteEnabled, watchDisabledSites } from '../settings/sites';
import { getWatchlist, watchWatchlist, type CheckContext } from '../settings/watchlist';
import { h } from './dom';
import { watchlistSection } from './options-watchlist';

/**
 * The options page (entrypoints/options): the reader's watchlist, the category groups to highlight and
 * the sites Libya Lens is off on. Everything is read from and written to browser.storage.local; content
 * scripts follow the same keys, so open tabs repaint as soon as a change is stored.
 */

export interface OptionsPage {
  /** Resolves once the stored settings are shown. */
  ready: Promise<void>;
  dispose(): void;
}

export interface OptionsDeps {
  /** The knowledge-base name a spelling already stands for (entrypoints/options asks lib/kb). */
  knownAs?: CheckContext['knownAs'];
}

// ---------------------------------------------------------------------------------------------------------
// Highlight categories

function categoriesSection(): { element: HTMLElement; show(hidden: readonly CategoryGroupId[]): void } {
  const boxes = new Map<CategoryGroupId, HTMLInputElement>();
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const rows = CATEGORY_GROUPS.map((group) => {
    const input = h('input', {
      type: 'checkbox',
      id: `category-${group.id}`,
      'data-group': group.id,
      'aria-describedby': `category-${group.id}-desc`,
      checked: true,
    });
    input.addEventListener('change', () => {
      const shown = input.checked;
      setCategoryShown(group.id, shown).then(
        () => (status.textContent = `${group.label} ${shown ? 'highlighted again' : 'no longer highlighted'} on open pages.`),
        (error: Error) => {
          input.checked = !shown;
          status.textContent = `Could not save: ${error.message}`;
        },
      );
    });
    boxes.set(group.id, input);
    return h('div', { class: 'category' },
      input,
      h('label', { for: input.id },
        h('span', { class: 'swatches', 'aria-hidden': 'true' },
          ...group.swatches.map((swatch) => h('span', { class: `swatch swatch-${swatch}` }, 'Aa'))),
        group.label,
      ),
      h('p', { id: `category-${group.id}-desc`, class: 'hint' }, group.explanation),
    );
  });
  const element = h('section', { class: 'options-section', 'data-section': 'categories', 'aria-labelledby': 'categories-heading' },
    h('h2', { id: 'categories-heading' }, 'Highlight categories'),
    h('p', { class: 'intro' },
      'Choose what is highlighted on pages. A hidden category is also left out of the list of names on a page; clipping still works everywhere.'),
    h('fieldset', { class: 'categories' }, h('legend', { class: 'sr-only' }, 'Categories to highlight'), ...rows),
    status,
  );
  return {
    element,
    show(hidden) {
      for (const [id, box] of boxes) box.checked = !hidden.includes(id);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Sites where highlighting is off

/** What the reader typed ("https://www.bbc.co.uk/news", "Reuters.com") as a stored host, or why not. */
export function hostFromInput(text: string): { host: string } | { error: string } {
  const trimmed = text.trim();
  if (!trimmed) return { error: 'Enter a site, such as example.com.' };
  let hostname: string;
  try {
    hostname = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`).hostname;
  } catch {
    return { error: `“${trimmed}” is not a site address. Enter it like example.com.` };
  }
  const host = normaliseHost(hostname.replace(/^\[|\]$/g, ''));
  if (!host || (!host.includes('.') && !host.includes(':') && host !== 'localhost')) {
    return { error: `“${trimmed}” is not a site address. Enter it like example.com.` };
  }
  return { host };
}

function sitesSection(): { element: HTMLElement; show(list: readonly string[]): void } {
  const heading = h('h3', { id: 'sites-list-heading', class: 'sr-only', tabindex: -1 }, 'Sites turned off');
  const listBox = h('ul', { class: 'site-list', 'aria-labelledby': heading.id });
  const empty = h('p', { class: 'empty' }, 'Highlighting is on everywhere.');
  const status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
  const input = h('input', {
    id: 'site-host',
    type: 'text',
    inputmode: 'url',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'example.com',
    'aria-describedby': 'site-host-msg',
  });
  const error = h('p', { id: 'site-host-msg', class: 'field-msg', 'data-severity': 'error', hidden: true });
  const form = h('form', { class: 'site-form', novalidate: true },
    h('label', { for: input.id }, 'Turn highlighting off on a site'),
    h('div', { class: 'inline' }, input, h('button', { type: 'submit' }, 'Turn off')),
    error,
  );
  let list: readonly string[] = [];

  const setError = (text: string) => {
    error.textContent = text;
    error.hidden = !text;
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  input.addEventListener('input', () => setError(''));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = hostFromInput(input.value);
    if ('error' in parsed) {
      setError(parsed.error);
      input.focus();
      return;
    }
    setError('');
    setSiteEnabled(parsed.host, false).then(
      (stored) => {
        show(stored);
        input.value = '';
        status.textContent = `Highlighting is off on ${parsed.host}.`;
      },
      (failure: Error) => setError(`Could not save: ${failure.message}`),
    );
  });

  function row(host: string): HTMLElement {
    const button = h('button', { type: 'button', 'aria-label': `Turn highlighting back on for ${host}` }, 'Turn back on');
    button.addEventListener('click', () => {
      const index = list.indexOf(host);
      setSiteEnabled(host, true).then(
        (stored) => {
          show(stored);
          status.textContent = `Highlighting is back on for ${host}.`;
          const next = listBox.children[Math.min(index, list.length - 1)];
          (next?.querySelector('button') ?? input).focus();
        },
        (failure: Error) => (status.textContent = `Could not save: ${failure.message}`),
      );
    });
    return h('li', { class: 'site', 'data-host': host }, h('span', { class: 'site-host' }, host), button);
  }

  function show(next: readonly string[]) {
    list = next;
    listBox.replaceChildren(...list.map(row));
    listBox.hidden = list.length === 0;
    empty.hidden = list.length > 0;
  }

  const element = h('section', { class: 'options-section', 'data-section': 'sites', 'aria-labelledby': 'sites-heading' },
    h('h2', { id: 'sites-heading' }, 'Sites where highlighting is off'),
    h('p', { class: 'intro' }, 'Libya Lens leaves these sites alone. The switch in the toolbar popup does the same for the site you are on.'),
    heading,
    listBox,
    empty,
    form,
    status,
  );
  show([]);
  return { element, show };
}

// ---------------------------------------------------------------------------------------------------------

export function mountOptions(root: HTMLElement, deps: OptionsDeps = {}): OptionsPage {
  const watchlist = watchlistSection({ knownAs: deps.knownAs });
  const categories = categoriesSection();
  const sites = sitesSection();
  root.replaceChildren(
    h('header', { class: 'options-head' },
      h('h1', {}, 'Libya Lens settings'),
      h('p', { class: 'intro' }, 'Changes are saved as you make them and apply to open tabs at once. Everything stays in this browser.'),
    ),
    h('main', {}, watchlist.element, categories.element, sites.element),
  );
  // Other tabs (and the popup) write the same keys: keep the page in step with storage.
  const stops = [watchWatchlist(watchlist.show), watchHiddenCategories(categories.show), watchDisabledSites(sites.show)];
  const ready = Promise.all([getWatchlist(), getHiddenCategories(), getDisabledSites()]).then(([list, hidden, off]) => {
    watchlist.show(list);
    categories.show(hidden);
    sites.show(off);
  });
  return { ready, dispose: () => stops.forEach((stop) => stop()) };
}
