/** Card data and DOM helpers for the UI tests (not imported by shipped code). */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach } from 'vitest';
import sourceMeta from '../../../assets/source/meta.json';
import type { CardData, Entry, SourceMeta } from '../../knowledge/types';

export const source = sourceMeta as SourceMeta;

export function entry(over: Partial<Entry> & Pick<Entry, 'id' | 'label'>): Entry {
  return {
    kind: 'term',
    aliases: [over.label],
    definition: `About ${over.label}.`,
    related: [],
    quotes: [],
    fromSource: true,
    weight: 2,
    ...over,
  };
}

export const denuclearisation: CardData = {
  entry: entry({
    id: 'denuclearisation',
    label: 'Denuclearisation',
    kind: 'term',
    definition: 'Giving up nuclear weapons; the two sides mean different things by it.',
    perspectives: [
      { side: 'Pyongyang', view: 'A distant goal tied to the end of the US nuclear threat on the peninsula.' },
      { side: 'Washington', view: 'North Korea giving up its weapons and programmes, verifiably.' },
    ],
    dates: [
      { date: '2018-06-12', what: 'Singapore summit statement commits to work toward it' },
      { date: '2019-02', what: 'Hanoi summit' },
    ],
    related: ['cvid', 'kim-jong-un'],
    quotes: ['The two sides hold starkly different views of denuclearization.', 'A second quote about it.'],
  }),
  related: [
    { id: 'cvid', label: 'CVID', kind: 'term' },
    { id: 'kim-jong-un', label: 'Kim Jong Un', kind: 'actor' },
  ],
  source,
};

export const cvid: CardData = {
  entry: entry({ id: 'cvid', label: 'CVID', definition: 'Complete, verifiable, irreversible denuclearisation.', quotes: ['CVID quote.'], related: ['denuclearisation'] }),
  related: [{ id: 'denuclearisation', label: 'Denuclearisation', kind: 'term' }],
  source,
};

export const kimJongUn: CardData = {
  entry: entry({ id: 'kim-jong-un', label: 'Kim Jong Un', kind: 'actor', definition: 'Leader of North Korea.', quotes: ['Kim quote.'] }),
  related: [],
  source,
};

export const yongbyon: CardData = {
  entry: entry({
    id: 'yongbyon',
    label: 'Yongbyon',
    kind: 'place',
    definition: 'North Korea’s main nuclear research centre.',
    quotes: [],
    fromSource: false,
  }),
  related: [],
  source,
};

export const CARDS: Record<string, CardData> = Object.fromEntries(
  [denuclearisation, cvid, kimJongUn, yongbyon].map((c) => [c.entry.id, c]),
);

/** Let pending promises and zero-delay timers run, inside act so Preact re-renders. */
export async function flush(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

/** Flush until `check` stops throwing (a bounded number of rounds, no clock involved). */
export async function until(check: () => void, rounds = 30): Promise<void> {
  let last: unknown;
  for (let i = 0; i < rounds; i++) {
    try {
      check();
      return;
    } catch (e) {
      last = e;
      await flush(1);
    }
  }
  throw last;
}

export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

export function key(target: Element, k: string): KeyboardEvent {
  const e = new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true });
  target.dispatchEvent(e);
  return e;
}

/** A fresh element in the document for each test, unmounted and removed after it; read it through the getter. */
export function mountRoot(): () => HTMLElement {
  let root: HTMLElement | undefined;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.appendChild(root);
  });
  afterEach(() => {
    if (!root) return;
    render(null, root);
    root.remove();
  });
  return () => root!;
}
