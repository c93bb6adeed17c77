/**
 * Storage change events that arrive late, on demand. On a busy machine `storage.onChanged` can
 * reach a page well after the write it reports; to test that deterministically, this init script
 * (installed before the extension page's own scripts) holds every `chrome.storage.local.onChanged`
 * event until the test releases it. Nothing else about storage changes.
 */
import type { Page } from 'playwright-core';

const INIT = `(() => {
  const event = globalThis.chrome && chrome.storage && chrome.storage.local && chrome.storage.local.onChanged;
  if (!event) return;
  const add = event.addListener.bind(event);
  const remove = event.removeListener.bind(event);
  const wrappers = new Map();
  let holding = false;
  let eventNo = 0;
  const held = []; // { no, call }
  // Registered first, so it runs first for each event: it numbers the events.
  add(() => { eventNo++; });
  event.addListener = (fn) => {
    const wrapped = (...args) => {
      if (holding) held.push({ no: eventNo, call: () => fn(...args) });
      else fn(...args);
    };
    wrappers.set(fn, wrapped);
    add(wrapped);
  };
  event.removeListener = (fn) => remove(wrappers.get(fn) || fn);
  globalThis.__nkLateEchoes = {
    hold() { holding = true; },
    /** Events held so far. */
    count() { return new Set(held.map((h) => h.no)).size; },
    /** Deliver the oldest n held events, in order. */
    release(n) {
      const nos = [...new Set(held.map((h) => h.no))].slice(0, n);
      const now = held.filter((h) => nos.includes(h.no));
      held.splice(0, held.length, ...held.filter((h) => !nos.includes(h.no)));
      now.forEach((h) => h.call());
    },
    releaseAll() { holding = false; const now = held.splice(0); now.forEach((h) => h.call()); },
  };
})();`;

export interface LateEchoes {
  hold(): Promise<void>;
  count(): Promise<number>;
  release(n: number): Promise<void>;
  releaseAll(): Promise<void>;
}

/** Install on `page` before it navigates to the extension page. */
export async function installLateEchoes(page: Page): Promise<LateEchoes> {
  await page.addInitScript({ content: INIT });
  const call = (expr: string) => page.evaluate(`globalThis.__nkLateEchoes.${expr}`);
  return {
    hold: async () => void (await call('hold()')),
    count: async () => Number(await call('count()')),
    release: async (n) => void (await call(`release(${Number(n)})`)),
    releaseAll: async () => void (await call('releaseAll()')),
  };
}
