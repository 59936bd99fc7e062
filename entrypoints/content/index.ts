import '../../lib/highlight/highlights.css';
import highlightCss from '../../lib/highlight/highlights.css?inline';
import { Highlighter } from '../../lib/highlight/highlighter';
import { runInSlices } from '../../lib/highlight/scheduler';
import { getEntityInfo, getMatcher } from '../../lib/kb';
import type { ContentCalls } from '../../lib/messaging/protocol';
import { callBackground, handle } from '../../lib/messaging/rpc';
import { isSiteEnabled, watchSite } from '../../lib/settings/sites';
import { initPageUi } from '../../lib/ui/page-ui';

/** about:blank frames have no hostname of their own; they belong to the site that made them. */
function pageHost(): string {
  if (location.hostname) return location.hostname;
  try {
    return self.origin === 'null' ? '' : new URL(self.origin).hostname;
  } catch {
    return '';
  }
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // Same-origin iframes are documents of their own: the script runs in each (and in about:blank ones).
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    const host = pageHost();
    const highlighter = new Highlighter({
      // The matcher is built on first use, so frames without text never pay for it.
      recognizer: { find: (text) => getMatcher().find(text), info: getEntityInfo },
      ner: (texts) => callBackground('ner/find', { texts }).then((answer) => answer.spans),
      shadowCss: highlightCss,
    });
    let enabled = false;
    const apply = (on: boolean) => {
      if (ctx.isInvalid) return;
      enabled = on;
      if (!enabled) return highlighter.stop();
      // Compiling the knowledge base is one-off work of ~50–150 ms: done in idle slices, so that no page
      // gets a long task from it, before the first highlight pass.
      const matcher = getMatcher();
      if (matcher.ready) highlighter.start();
      else
        void runInSlices((more) => matcher.build(more), 'libya-lens:highlight:matcher-build').then(() => {
          if (enabled && !ctx.isInvalid) highlighter.start();
        });
    };
    isSiteEnabled(host).then(apply, () => apply(true));
    const stopWatching = watchSite(host, apply);
    ctx.onInvalidated(() => {
      stopWatching();
      highlighter.stop();
    });

    // The hover card and the entity list read the highlighter's index; they live in a shadow root.
    const ui = initPageUi(highlighter, ctx);

    if (window === window.top) {
      ctx.onInvalidated(
        handle<ContentCalls>({
          'page/state': () => ({ host, enabled, entities: enabled ? highlighter.entities() : [] }),
          'ui/open-entity-list': () => {
            // With highlighting off for this site the list would only say "no names".
            if (!enabled) return { opened: false };
            ui.openList();
            return { opened: true };
          },
        }),
      );
    }
  },
});
