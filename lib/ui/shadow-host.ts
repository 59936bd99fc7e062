import baseCss from './shadow-host.css?inline';

/** Marks the extension's own UI: the highlighter skips everything under an element with this attribute. */
export const UI_HOST_ATTRIBUTE = 'data-libya-lens-ui';

export interface UiHost {
  /** The element in the page (a direct child of <html>). */
  readonly element: HTMLElement;
  /** Open, so that assistive technology and automation reach the UI; page CSS does not. */
  readonly root: ShadowRoot;
  /** Adds a stylesheet to the shadow root once per id. */
  addStyle(id: string, css: string): void;
  dispose(): void;
}

// Inline and !important: the page's own rules on a custom element (`:not(:defined) { visibility: hidden }`,
// `* { transform: … }`) would otherwise beat `:host`. Fixed and 0×0: nothing in the page moves.
const HOST_STYLE: Record<string, string> = {
  display: 'block',
  position: 'fixed',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'visible',
  'z-index': '2147483647',
  visibility: 'visible',
  opacity: '1',
  transform: 'none',
  filter: 'none',
  'clip-path': 'none',
};

export function createUiHost(doc: Document = document): UiHost {
  // A host left by an earlier copy of the content script (extension reloaded or updated) is dead UI.
  for (const stale of doc.querySelectorAll(`[${UI_HOST_ATTRIBUTE}]`)) stale.remove();

  const element = doc.createElement('libya-lens-ui');
  element.setAttribute(UI_HOST_ATTRIBUTE, '');
  element.setAttribute('lang', 'en');
  element.setAttribute('dir', 'ltr');
  for (const [property, value] of Object.entries(HOST_STYLE)) element.style.setProperty(property, value, 'important');

  const root = element.attachShadow({ mode: 'open' });
  const styles = new Set<string>();
  const addStyle = (id: string, css: string) => {
    if (styles.has(id)) return;
    styles.add(id);
    const style = doc.createElement('style');
    style.dataset.style = id;
    style.textContent = css;
    const sheets = root.querySelectorAll('style');
    const last = sheets[sheets.length - 1];
    if (last) last.after(style);
    else root.prepend(style);
  };
  addStyle('base', baseCss);
  doc.documentElement.append(element);

  return {
    element,
    root,
    addStyle,
    dispose: () => element.remove(),
  };
}
