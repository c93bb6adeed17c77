/**
 * Content script: wiring only. Scans the page with the compiled alias matcher, asks the
 * background worker which candidates are entries, marks them, and shows hover cards. The site
 * mode decides whether it runs; switching a site off restores the page exactly.
 */
import { browser } from 'wxt/browser';
import patternData from '../../assets/generated/patterns.json';
import { decodePatternTable, type EncodedPatternTable } from '../../lib/scan/pattern-codec';
import type { CardData } from '../../lib/knowledge/types';
import { MessageError, send } from '../../lib/messaging/client';
import type { BackgroundToContentMessage, SiteMode } from '../../lib/messaging/protocol';
import { compileMatcher } from '../../lib/scan/matcher';
import { sentenceAround } from '../../lib/scan/sentences';
import { createAnnotator, createMarker, trackHover, waitForText, type Mark } from '../../lib/annotate';
import { createLazyHoverCard } from '../../lib/ui/hover/lazy';
import { loadHoverUi } from './hover-ui-loader';
import { getSettings, setSiteMode, siteModeFor, watchSettings, type Settings } from '../../lib/settings/lite';

/**
 * The worker may not be listening yet (just installed or updated, or starting under load): try
 * again a few times before giving up on this page.
 */
async function sendWithRetry<T>(request: () => Promise<T>, delays = [250, 1000, 3000]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (e) {
      const delay = delays[attempt];
      if (delay === undefined || (e instanceof MessageError && e.kind === 'reply')) throw e;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  async main(ctx) {
    // HTML and XHTML pages; not bare SVG or XML documents.
    if (document.documentElement?.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !document.body) return;
    // The worker asks the top frame which document it holds after each tab load: answered at once,
    // before anything asynchronous, so that a missing answer means no content script is there.
    const onPing = (raw: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): boolean => {
      if ((raw as { type?: unknown } | null)?.type !== 'bg:ping' || window !== window.top) return false;
      sendResponse({ docStart: performance.timeOrigin, href: location.href });
      return false;
    };
    browser.runtime.onMessage.addListener(onPing);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onPing));

    // Sub-frames without text (ad slots, empty about:blank frames) start only once they have some.
    if (window !== window.top) {
      const abort = new AbortController();
      ctx.onInvalidated(() => abort.abort());
      await waitForText(document.body, abort.signal);
    }

    const host = location.hostname;
    let settings: Settings = await getSettings();
    let mode: SiteMode = siteModeFor(settings, host);
    const cards = new Map<string, CardData>();
    const matcher = compileMatcher(decodePatternTable(patternData as EncodedPatternTable));

    let session: ReturnType<typeof startSession> | null = null;

    function startSession(force: boolean) {
      const marker = createMarker(document);
      marker.setStyle(settings.markStyle);
      const annotator = createAnnotator({
        doc: document,
        marker,
        find: (text) => matcher.find(text),
        sentenceAround,
        scan: async (msg) => {
          const reply = await sendWithRetry(() => send({ type: 'content:scan', url: location.href, title: document.title, docStart: performance.timeOrigin, ...msg }));
          for (const [id, card] of Object.entries(reply.cards)) cards.set(id, card);
          return reply;
        },
      });
      // The card UI is loaded on the first hover (a third of this script's size).
      const card = createLazyHoverCard(
        {
          doc: document,
          getCard: (id) => cards.get(id),
          onOpenInPopup: (id) => void send({ type: 'content:open-lookup', query: cards.get(id)?.entry.label ?? id }).catch(() => undefined),
          settings: { hoverDelayMs: settings.hoverDelayMs, theme: settings.theme },
        },
        loadHoverUi,
      );
      const hover = trackHover(document, marker, {
        onEnter: (mark) => card.scheduleShow(anchorOf(mark)),
        onLeave: () => card.scheduleHide(),
      });
      function anchorOf(mark: Mark) {
        const sentence = annotator.sentenceOf(mark);
        const at = sentence?.indexOf(mark.text) ?? -1;
        return {
          entryId: mark.entryId,
          markId: mark.id,
          rects: marker.rectsOf(mark),
          getRects: () => marker.rectsOf(mark),
          pageSentence: sentence && at >= 0 ? { text: sentence, at, length: mark.text.length } : undefined,
        };
      }
      void annotator.start(force).catch((e) => console.debug('NK Context: scan failed', e));
      return {
        annotator,
        marker,
        card,
        anchorOf,
        destroy() {
          hover.destroy();
          card.destroy();
          annotator.destroy();
        },
      };
    }

    function stop() {
      session?.destroy();
      session = null;
      void send({ type: 'content:cleared', status: 'disabled', docStart: performance.timeOrigin }).catch(() => undefined);
    }

    /** (Re)start per the site mode; `force` ("Annotate anyway") marks a page that isn't about North Korea. */
    function apply(force = false) {
      if (mode === 'off') return stop();
      session?.destroy();
      session = startSession(force || mode === 'always');
    }

    apply();

    const handle = (raw: unknown): Promise<unknown> | undefined => {
      const message = raw as BackgroundToContentMessage;
      switch (message?.type) {
        case 'bg:force':
          apply(true);
          return Promise.resolve(null);
        case 'bg:show-entry': {
          const mark = session?.annotator.showEntry(message.id);
          if (mark && session) session.card.showNow(session.anchorOf(mark), { focus: false });
          return Promise.resolve(Boolean(mark));
        }
        case 'bg:step-mark': {
          const mark = session?.annotator.step(message.direction);
          if (mark && session) session.card.showNow(session.anchorOf(mark), { focus: true });
          return Promise.resolve(Boolean(mark));
        }
        case 'bg:toggle-site':
          // Back on means back to the default behaviour (relevant pages only), not "always".
          if (window === window.top) void setSiteMode(host, mode === 'off' ? (settings.mode === 'off' ? 'auto' : settings.mode) : 'off');
          return Promise.resolve(null);
        default:
          return undefined;
      }
    };
    // Answered through sendResponse: this script uses the browser's own API (no polyfill, see
    // wxt.config.ts), and Chrome ignores a promise returned by the listener.
    const onMessage = (raw: unknown, _sender: unknown, sendResponse: (reply: unknown) => void): boolean => {
      const reply = handle(raw);
      if (!reply) return false;
      void reply.then(sendResponse);
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);

    const unwatch = watchSettings((next) => {
      const nextMode = siteModeFor(next, host);
      const restart = nextMode !== mode || next.markStyle !== settings.markStyle;
      settings = next;
      session?.card.updateSettings({ hoverDelayMs: next.hoverDelayMs, theme: next.theme });
      if (restart) {
        mode = nextMode;
        apply();
      }
    });

    // Single-page apps: a new URL is a new page for the report, so annotate again.
    let href = location.href;
    const urlCheck = ctx.setInterval(() => {
      if (location.href === href) return;
      href = location.href;
      if (mode !== 'off') apply();
    }, 1000);

    ctx.onInvalidated(() => {
      clearInterval(urlCheck);
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      session?.destroy();
      session = null;
    });
  },
});
