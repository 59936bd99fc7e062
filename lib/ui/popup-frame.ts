import { h } from './dom';

export type PopupTab = 'timeline' | 'page';

export interface PopupFrame {
  timeline: HTMLElement;
  page: HTMLElement;
  select(tab: PopupTab): void;
}

export interface PopupFrameActions {
  onOpenTab(): void;
  onOpenSettings(): void;
  onSelect?(tab: PopupTab): void;
}

/**
 * The popup's frame: the title with "Open in a tab" and "Settings", then two tabs — the timeline and what
 * is on this page — following the ARIA tabs pattern (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/):
 * one tab in the tab order, arrows move between them.
 */
export function createPopupFrame(root: HTMLElement, initial: PopupTab, actions: PopupFrameActions): PopupFrame {
  const openTab = h('button', { type: 'button', class: 'head-button', 'data-testid': 'popup-open-tab' }, 'Open in a tab');
  const settings = h('button', { type: 'button', class: 'head-button', 'data-testid': 'popup-settings' }, 'Settings');
  openTab.addEventListener('click', actions.onOpenTab);
  settings.addEventListener('click', actions.onOpenSettings);

  const panels: Record<PopupTab, HTMLElement> = {
    timeline: h('div', { role: 'tabpanel', id: 'panel-timeline', 'aria-labelledby': 'tab-timeline', class: 'panel' }),
    page: h('div', { role: 'tabpanel', id: 'panel-page', 'aria-labelledby': 'tab-page', class: 'panel' }),
  };
  const tabs: Record<PopupTab, HTMLButtonElement> = {
    timeline: h('button', { type: 'button', role: 'tab', id: 'tab-timeline', 'aria-controls': 'panel-timeline', 'data-testid': 'popup-tab-timeline' }, 'Timeline'),
    page: h('button', { type: 'button', role: 'tab', id: 'tab-page', 'aria-controls': 'panel-page', 'data-testid': 'popup-tab-page' }, 'This page'),
  };
  const order: PopupTab[] = ['timeline', 'page'];
  const select = (tab: PopupTab, focus = false) => {
    for (const name of order) {
      const on = name === tab;
      tabs[name].setAttribute('aria-selected', String(on));
      tabs[name].tabIndex = on ? 0 : -1;
      panels[name].hidden = !on;
    }
    if (focus) tabs[tab].focus();
    actions.onSelect?.(tab);
  };
  for (const name of order) {
    tabs[name].addEventListener('click', () => select(name));
    tabs[name].addEventListener('keydown', (event) => {
      const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      select(order[(order.indexOf(name) + step + order.length) % order.length]!, true);
    });
  }
  root.replaceChildren(
    h('header', { class: 'popup-head' }, h('h1', {}, 'Libya Lens'), h('div', { class: 'head-actions' }, openTab, settings)),
    h('div', { role: 'tablist', 'aria-label': 'Libya Lens', class: 'tabs' }, tabs.timeline, tabs.page),
    panels.timeline,
    panels.page,
  );
  select(initial);
  return { timeline: panels.timeline, page: panels.page, select: (tab) => select(tab) };
}
