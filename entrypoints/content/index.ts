import '../../lib/highlight/highlights.css';
import highlightCss from '../../lib/highlight/highlights.css?inline';
import { Highlighter } from '../../lib/highlight/highlighter';
import { runInSlices } from '../../lib/highlight/scheduler';
import { getEntityInfo, getMatcher } from '../../lib/kb';
import type { ContentCalls } from '../../lib/messaging/protocol';
import { callBackground, handle } from '../../lib/messaging/rpc';
import { loadReaderSettings, ReaderRecognizer, watchReaderSettings } from '../../lib/settings/recognizer';
import { isSiteEnabled, watchSite } from '../../lib/settings/sites';
import { Clipper } from '../../lib/capture/clipper';
import { PageText } from '../../lib/capture/page-text';
import { ClipMarks } from '../../lib/ui/clip-marks';
import { initClipUi } from '../../lib/ui/clip-ui';
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
    // The knowledge base (its matcher built on first use, so frames without text never pay for it), the
    // reader's watchlist, and the category groups the reader hid (options page).
    const recognizer = new ReaderRecognizer({ find: (text) => getMatcher().find(text), info: getEntityInfo });
    const highlighter = new Highlighter({
      recognizer,
      // With "New names" hidden the background is not asked at all.
      ner: (texts) =>
        recognizer.nerShown
          ? callBackground('ner/find', { texts }).then((answer) => answer.spans)
          : Promise.resolve(texts.map(() => [])),
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
    const stopWatching = watchSite(host, apply);
    // A new watchlist or category choice repaints the open page at once: the highlighter keeps matches per
    // text while it runs, so it starts over (as the site switch does) rather than waiting for mutations.
    const stopSettings = watchReaderSettings((change) => {
      recognizer.update(change);
      if (enabled && highlighter.isRunning && !ctx.isInvalid) {
        highlighter.stop();
        highlighter.start();
      }
    });
    void Promise.all([isSiteEnabled(host).catch(() => true), loadReaderSettings().catch(() => ({}))]).then(([on, settings]) => {
      recognizer.update(settings);
      apply(on);
    });
    ctx.onInvalidated(() => {
      stopWatching();
      stopSettings();
      highlighter.stop();
    });

    // The hover card and the entity list read the highlighter's index; they live in a shadow root.
    const ui = initPageUi(highlighter, ctx);

    // The menu and the key clip on any http(s) page; the button is offered where highlighting found names.
    const marks = new ClipMarks(document);
    const clipper = new Clipper({
      readText: () => new PageText(document.body ?? document.documentElement),
      save: (capture) => callBackground('clip/save', capture),
      anchors: (urls) => callBackground('clip/anchors', { urls }).then((answer) => answer.clips),
      marks,
    });
    const clipUi = initClipUi({
      host: ui.host,
      clip: (target, method) => clipper.clip(target, method),
      isClipped: (block) => marks.idWithin(block) !== undefined,
      active: () => !ctx.isInvalid,
      offerButton: () => enabled && highlighter.hasMentions(),
    });
    // Earlier clips of this article get their marker back.
    const stopRestoring = clipper.restoreWhenNamed(highlighter);
    ctx.onInvalidated(() => {
      stopRestoring();
      clipUi.dispose();
      marks.clear();
    });

    ctx.onInvalidated(
      handle<ContentCalls>({
        // Every frame answers a clip request addressed to it (the context menu names the frame).
        'ui/clip': async ({ method }) => {
          const target = clipUi.currentTarget();
          if (!target) {
            clipUi.notify({ status: 'nothing' });
            return { status: 'nothing' };
          }
          return { status: (await clipUi.run(target, method)).status };
        },
        ...(window === window.top
          ? {
              'page/state': () => ({ host, enabled, entities: enabled ? highlighter.entities() : [] }),
              'ui/open-entity-list': () => {
                // With highlighting off for this site the list would only say "no names".
                if (!enabled) return { opened: false };
                ui.openList();
                return { opened: true };
              },
            }
          : {}),
      }),
    );
  },
});
