import type { EntitySummary } from '../messaging/protocol';
import { h } from './dom';
import { NOTHING_FOUND, entitySubtitle, groupEntities, plural } from './format';
import type { PopupState } from './popup-state';

export const CANT_RUN = "Libya Lens can't run on this page";

export interface PopupActions {
  onToggleSite(enabled: boolean): void;
  onShowList(): void;
}

interface Sections {
  site: HTMLElement;
  page: HTMLElement;
}

/** The "This page" panel: the site switch, then what was found, each in its own <section>. */
function sections(root: HTMLElement): Sections {
  const site = root.querySelector<HTMLElement>('[data-section="site"]');
  const page = root.querySelector<HTMLElement>('[data-section="page"] > .page-body');
  if (site && page) return { site, page };
  const siteSection = h('section', { class: 'site', 'data-section': 'site', 'aria-label': 'This site' });
  const pageBody = h('div', { class: 'page-body' });
  root.replaceChildren(
    siteSection,
    h('section', { class: 'page', 'data-section': 'page', 'aria-labelledby': 'page-heading' },
      h('h2', { id: 'page-heading' }, 'On this page'),
      pageBody,
    ),
  );
  return { site: siteSection, page: pageBody };
}

/** The per-site switch, updated in place so that keyboard focus stays on it across renders. */
export function renderSiteSwitch(container: HTMLElement, state: PopupState, onToggle: (enabled: boolean) => void): void {
  if (state.status !== 'ready' || !state.host) {
    container.hidden = true;
    container.replaceChildren();
    return;
  }
  container.hidden = false;
  let input = container.querySelector<HTMLInputElement>('#site-switch');
  let label = container.querySelector<HTMLLabelElement>('label[for="site-switch"]');
  if (!input || !label) {
    input = h('input', { type: 'checkbox', role: 'switch', id: 'site-switch', class: 'switch' });
    label = h('label', { for: 'site-switch', class: 'switch-label' });
    container.replaceChildren(h('div', { class: 'switch-row' }, label, input));
  }
  label.textContent = `Highlight on ${state.host}`;
  input.checked = state.enabled;
  const box = input;
  box.onchange = () => onToggle(box.checked);
}

function entityItem({ entity, count }: EntitySummary): HTMLElement {
  return h(
    'li',
    { class: 'entity', 'data-testid': 'popup-entity', 'data-entity-id': entity.id, 'data-source': entity.source },
    h('span', { class: 'entity-name', dir: 'auto' }, entity.name),
    h('span', { class: 'entity-meta' }, entitySubtitle(entity)),
    h('span', { class: 'entity-count' }, count, h('span', { class: 'sr-only' }, count === 1 ? ' mention' : ' mentions')),
  );
}

function message(text: string, detail?: string): HTMLElement[] {
  return [h('p', { class: 'status' }, text), ...(detail ? [h('p', { class: 'status-detail' }, detail)] : [])];
}

/** What was found on the page, grouped; or why there is nothing to show. */
export function renderPageSection(container: HTMLElement, state: PopupState, onShowList: () => void): void {
  container.dataset.status = state.status;
  if (state.status === 'loading') return container.replaceChildren(...message('Looking at this page…'));
  if (state.status === 'unavailable') {
    return container.replaceChildren(
      ...message(CANT_RUN, "Browser pages, extension stores and some other pages don't let extensions read them."),
    );
  }
  if (!state.enabled) {
    return container.replaceChildren(
      ...message(`Highlighting is off on ${state.host || 'this page'}.`, 'Turn it on to see the Libyan actors and places here.'),
    );
  }
  if (state.entities.length === 0) return container.replaceChildren(...message(NOTHING_FOUND));

  const mentions = state.entities.reduce((sum, { count }) => sum + count, 0);
  const showList = h('button', { type: 'button', class: 'show-list', 'data-testid': 'popup-open-list' }, 'Show the list on the page');
  showList.addEventListener('click', () => onShowList());
  container.replaceChildren(
    h('p', { class: 'summary' }, `${plural(state.entities.length, 'name')}, ${plural(mentions, 'mention')}`),
    ...groupEntities(state.entities)
      .filter((group) => group.items.length > 0)
      .map((group) =>
        h('div', { class: 'group', 'data-group': group.key },
          h('h3', { id: `group-${group.key}` }, `${group.label} (${group.items.length})`),
          h('ul', { class: 'entities', 'aria-labelledby': `group-${group.key}` }, ...group.items.map(entityItem)),
        ),
      ),
    h('p', { class: 'actions' }, showList, state.shortcut && h('span', { class: 'shortcut' }, ` or ${state.shortcut}`)),
  );
}

export function renderPopup(root: HTMLElement, state: PopupState, actions: PopupActions): void {
  const { site, page } = sections(root);
  renderSiteSwitch(site, state, actions.onToggleSite);
  renderPageSection(page, state, actions.onShowList);
}
