// Page-side helpers for the browser tests, evaluated in the page's main world (see probe.ts). Plain JS kept as
// source text, so that the test runner's TypeScript transform never rewrites what runs in the page.
// Everything a test reads goes through here: what CSS.highlights holds, where its ranges lie, and a
// serialisation of the page's own DOM that shows any node the extension added, split or changed.
globalThis.__lensProbe ??= (() => {
  const PREFIX = 'libya-lens';
  // Where the extension must never paint: form fields and editors the reader types in, code, and graphics.
  const FORBIDDEN = 'textarea, input, select, script, style, noscript, template, title, head, svg, math, [contenteditable]';

  /** The element that holds `node`, crossing out of shadow roots to their hosts when asked. */
  const parentOf = (node, crossShadow) => {
    if (node.parentNode) {
      if (node.parentNode.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return crossShadow ? node.parentNode.host ?? null : null;
      return node.parentNode;
    }
    return null;
  };

  /** Why a node lies somewhere it must not be painted ('' when it is fine). */
  const forbiddenReason = (node) => {
    for (let el = node.nodeType === Node.ELEMENT_NODE ? node : parentOf(node, true); el; el = parentOf(el, true)) {
      if (el.nodeType !== Node.ELEMENT_NODE) continue;
      if (el.matches(FORBIDDEN) && el.getAttribute('contenteditable') !== 'false') return el.localName;
      if (el.isContentEditable) return 'contenteditable';
    }
    return '';
  };

  const where = (node) => {
    const root = node.getRootNode();
    if (root instanceof ShadowRoot) return 'shadow:' + root.host.localName;
    return root === document ? 'document' : 'detached';
  };

  /**
   * A live Range with the same boundaries as `abstract` (the extension may paint StaticRanges, which have no
   * toString or geometry), or null when the boundaries no longer fit the nodes (a stale StaticRange).
   */
  const toRange = (abstract) => {
    if (abstract instanceof Range) return abstract;
    try {
      const range = document.createRange();
      range.setStart(abstract.startContainer, abstract.startOffset);
      range.setEnd(abstract.endContainer, abstract.endOffset);
      return range;
    } catch {
      return null;
    }
  };
  const textOf = (abstract) => toRange(abstract)?.toString() ?? '';

  const describe = (abstract) => {
    const range = toRange(abstract) ?? abstract;
    const text = textOf(abstract);
    const start = range.startContainer;
    const el = start.nodeType === Node.ELEMENT_NODE ? start : start.parentElement;
    return {
      text,
      where: where(start),
      connected: start.isConnected && range.endContainer.isConnected,
      valid: toRange(abstract) !== null,
      static: !(abstract instanceof Range),
      forbidden: forbiddenReason(start) || forbiddenReason(range.endContainer),
      element: el ? el.localName + (el.id ? '#' + el.id : '') : '',
      testid: el?.closest('[data-testid]')?.getAttribute('data-testid') ?? '',
    };
  };

  const lensHighlights = () => [...CSS.highlights.keys()].filter((name) => name.startsWith(PREFIX));

  /** Every libya-lens highlight with its ranges. */
  const highlights = () =>
    lensHighlights().map((name) => {
      const highlight = CSS.highlights.get(name);
      return { name, ranges: [...highlight].map(describe) };
    });

  /** Number of ranges across the entity highlights (not the focus). */
  const rangeCount = () =>
    lensHighlights()
      .filter((name) => name !== PREFIX + '-focus')
      .reduce((sum, name) => sum + CSS.highlights.get(name).size, 0);

  // Every measure of the extension's highlighting work: the passes and the idle slices that compile the knowledge base.
  const measures = () => performance.getEntriesByType('measure').filter((m) => m.name.startsWith(PREFIX + ':highlight'));
  const measureStats = () => {
    const list = measures();
    return {
      count: list.length,
      total: list.reduce((s, m) => s + m.duration, 0),
      max: list.reduce((s, m) => Math.max(s, m.duration), 0),
      lastEnd: list.reduce((s, m) => Math.max(s, m.startTime + m.duration), 0),
    };
  };

  /** A cheap fingerprint of the painted state, for waiting until it stops changing. */
  const fingerprint = () => {
    const parts = lensHighlights()
      .filter((name) => name !== PREFIX + '-focus')
      .map((name) => name + ':' + [...CSS.highlights.get(name)].map(textOf).join('|'));
    return { count: rangeCount(), measures: measures().length, key: parts.join('\n') };
  };

  /** Ranges of highlight `name` (or any entity highlight when name is '') whose text includes `text`, in document order. */
  const findRanges = (name, text) => {
    const names = name ? [name] : lensHighlights().filter((n) => n !== PREFIX + '-focus');
    const found = [];
    for (const n of names) {
      const h = CSS.highlights.get(n);
      if (!h) continue;
      for (const abstract of h) {
        const r = toRange(abstract);
        if (r && r.toString().toLowerCase().includes(text.toLowerCase())) found.push(r);
      }
    }
    return found.sort((a, b) => {
      const pos = a.startContainer.compareDocumentPosition(b.startContainer);
      if (a.startContainer === b.startContainer) return a.startOffset - b.startOffset;
      return pos & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
  };

  /**
   * Scrolls the index-th matching range (in the main document's light DOM) into view and returns the centre
   * of its first box in viewport coordinates, and remembers it as `__lensProbe.picked`.
   */
  const pickRange = (name, text, index = 0) => {
    const ranges = findRanges(name, text).filter((r) => where(r.startContainer) === 'document' && !forbiddenReason(r.startContainer));
    const range = ranges[index];
    if (!range) return null;
    const el = range.startContainer.parentElement;
    el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
    const box = range.getClientRects()[0] ?? range.getBoundingClientRect();
    state.picked = range;
    return { x: box.left + box.width / 2, y: box.top + box.height / 2, width: box.width, height: box.height, text: range.toString() };
  };

  /** The focus highlight's range, described, with its position relative to the picked range. */
  const focus = () => {
    const h = CSS.highlights.get(PREFIX + '-focus');
    const ranges = h ? [...h].map(toRange).filter(Boolean) : [];
    return ranges.map((r) => {
      const d = describe(r);
      d.startOffset = r.startOffset;
      d.samePlaceAsPicked = !!state.picked &&
        r.startContainer === state.picked.startContainer &&
        r.startOffset === state.picked.startOffset;
      d.order = state.picked ? Math.sign(r.compareBoundaryPoints(Range.START_TO_START, state.picked)) : 0;
      const box = r.getBoundingClientRect();
      d.inView = box.height > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
      return d;
    });
  };
  /** Remembers the current focus range so that the next focus() can be compared with it. */
  const pickFocus = () => {
    const h = CSS.highlights.get(PREFIX + '-focus');
    state.picked = h && h.size ? toRange([...h][0]) : null;
    return !!state.picked;
  };

  /**
   * The page's own DOM as the reader's browser holds it, serialised so that every element, attribute and
   * text-node boundary shows (an extension that wraps or splits text nodes changes it), including open shadow
   * roots and form field values; the extension's own UI hosts ([data-libya-lens-ui]) are left out.
   */
  const serialise = (root = document.body) => {
    const out = [];
    let textNodes = 0;
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        textNodes++;
        out.push(JSON.stringify(node.data));
        return;
      }
      if (node.nodeType === Node.COMMENT_NODE) {
        out.push('<!--' + node.data + '-->');
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.hasAttribute('data-libya-lens-ui')) return;
        const attrs = [...node.attributes].map((a) => ` ${a.name}=${JSON.stringify(a.value)}`).join('');
        out.push(`<${node.localName}${attrs}>`);
        if (node.localName === 'textarea' || node.localName === 'input') out.push(`[value=${JSON.stringify(node.value)}]`);
        if (node.shadowRoot) {
          out.push('#shadow-root(');
          walk(node.shadowRoot);
          out.push(')');
        }
      }
      for (const child of node.childNodes) walk(child);
      if (node.nodeType === Node.ELEMENT_NODE) out.push(`</${node.localName}>`);
    };
    walk(root);
    return { html: out.join(''), textNodes };
  };

  const state = { picked: null };
  return { toRange, textOf, highlights, rangeCount, measureStats, fingerprint, findRanges, pickRange, focus, pickFocus, serialise, forbiddenReason, state };
})();
