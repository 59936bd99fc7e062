/**
 * Scrolls a focused mention to the middle of its scroller: smoothly when it is near, instantly when it is
 * far (a long smooth scroll makes keyboard navigation feel slow) or the reader prefers reduced motion.
 */
export function scrollRangeIntoView(doc: Document, range: AbstractRange): void {
  const el = range.startContainer.parentElement;
  if (!el || typeof el.scrollIntoView !== 'function') return;
  const win = doc.defaultView;
  let behavior: ScrollBehavior = win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth';
  try {
    const live = doc.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    const rect = live.getBoundingClientRect();
    const height = win?.innerHeight ?? 0;
    if (rect.height > 0 && rect.top >= 0 && rect.bottom <= height) return;
    if (Math.abs(rect.top - height / 2) > 3 * height) behavior = 'instant';
  } catch {
    // The range may have gone stale between the keypress and now; scroll to its element anyway.
  }
  el.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
}
