import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../messaging/protocol';
import { LookupBox, type LookupRequest } from './LookupBox';
import { flush, key, type, until } from './testing/fixtures';

const HITS: Record<string, SearchHit[]> = {
  kim: [
    { id: 'kim-jong-un', label: 'Kim Jong Un', kind: 'actor', score: 1 },
    { id: 'kim-yo-jong', label: 'Kim Yo Jong', kind: 'actor', score: 0.8 },
    { id: 'kim-il-sung', label: 'Kim Il Sung', kind: 'actor', score: 0.6 },
  ],
  cvid: [{ id: 'cvid', label: 'CVID', kind: 'term', score: 1 }],
  gadaffi: [{ id: 'libya-model', label: 'Libya model', kind: 'term', matched: 'Gaddafi', score: 0.7 }],
};
const fakeSearch = (q: string) => Promise.resolve(HITS[q.toLowerCase()] ?? []);

let root: HTMLElement;
let opened: SearchHit[];
beforeEach(() => {
  root = document.createElement('div');
  document.body.appendChild(root);
  opened = [];
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function Harness(props: { search?: (q: string) => Promise<SearchHit[]>; debounceMs?: number; request?: LookupRequest }) {
  const [value, setValue] = useState('');
  return (
    <LookupBox
      value={value}
      onValueChange={setValue}
      search={props.search ?? fakeSearch}
      onOpen={(h) => opened.push(h)}
      debounceMs={props.debounceMs ?? 0}
      request={props.request}
    />
  );
}

function mount(props: Parameters<typeof Harness>[0] = {}) {
  act(() => render(<Harness {...props} />, root));
  const input = root.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const options = () => [...root.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]')];
  return { input, options };
}

describe('LookupBox', () => {
  it('is a labelled combobox that shows hits as you type', async () => {
    const { input, options } = mount();
    expect(input.getAttribute('aria-label')).toBe('Look up a term or name');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    const listbox = root.querySelector('[role="listbox"]')!;
    expect(input.getAttribute('aria-controls')).toBe(listbox.id);

    act(() => type(input, 'kim'));
    await until(() => expect(options()).toHaveLength(3));
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(options().map((o) => o.textContent)).toEqual([
      expect.stringContaining('Kim Jong Un'),
      expect.stringContaining('Kim Yo Jong'),
      expect.stringContaining('Kim Il Sung'),
    ]);
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
  });

  it('moves with the arrows and opens the highlighted hit on Enter', async () => {
    const { input, options } = mount();
    act(() => type(input, 'kim'));
    await until(() => expect(options()).toHaveLength(3));
    act(() => void key(input, 'ArrowDown'));
    act(() => void key(input, 'ArrowDown'));
    expect(input.getAttribute('aria-activedescendant')).toBe(options()[2]!.id);
    act(() => void key(input, 'ArrowDown')); // wraps to the first
    act(() => void key(input, 'ArrowUp')); // and back to the last
    act(() => void key(input, 'ArrowUp'));
    expect(options()[1]!.getAttribute('aria-selected')).toBe('true');
    act(() => void key(input, 'Enter'));
    expect(opened.map((h) => h.id)).toEqual(['kim-yo-jong']);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('opens a hit by click, and shows the alias that matched', async () => {
    const { input, options } = mount();
    act(() => type(input, 'gadaffi'));
    await until(() => expect(options()).toHaveLength(1));
    expect(options()[0]!.textContent).toContain('“Gaddafi”');
    act(() => options()[0]!.click());
    expect(opened.map((h) => h.id)).toEqual(['libya-model']);
  });

  it('Escape clears the box (and keeps the popup open), a second Escape is left to the browser', async () => {
    const { input, options } = mount();
    act(() => type(input, 'kim'));
    await until(() => expect(options()).toHaveLength(3));
    let e!: KeyboardEvent;
    act(() => void (e = key(input, 'Escape')));
    expect(e.defaultPrevented).toBe(true);
    expect(input.value).toBe('');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    act(() => void (e = key(input, 'Escape')));
    expect(e.defaultPrevented).toBe(false);
  });

  it('ignores an answer to an older query that arrives late', async () => {
    const waiting = new Map<string, (h: SearchHit[]) => void>();
    const search = vi.fn((q: string) => new Promise<SearchHit[]>((resolve) => waiting.set(q, resolve)));
    const { input, options } = mount({ search });
    act(() => type(input, 'kim'));
    await until(() => expect(waiting.has('kim')).toBe(true));
    act(() => type(input, 'cvid'));
    await until(() => expect(waiting.has('cvid')).toBe(true));
    await act(async () => waiting.get('cvid')!(HITS.cvid!));
    await act(async () => waiting.get('kim')!(HITS.kim!));
    await flush();
    expect(options().map((o) => o.dataset.entryId)).toEqual(['cvid']);
  });

  it('waits for a pause in typing before asking', async () => {
    vi.useFakeTimers();
    try {
      const search = vi.fn(fakeSearch);
      const { input } = mount({ search, debounceMs: 80 });
      act(() => type(input, 'c'));
      act(() => void vi.advanceTimersByTime(40));
      act(() => type(input, 'cv'));
      act(() => void vi.advanceTimersByTime(40));
      act(() => type(input, 'cvid'));
      expect(search).not.toHaveBeenCalled();
      await act(async () => void vi.advanceTimersByTime(80));
      expect(search.mock.calls).toEqual([['cvid']]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('Enter before the answer arrives opens the best hit for what was typed', async () => {
    const { input } = mount({ debounceMs: 10_000 });
    act(() => type(input, 'cvid'));
    act(() => void key(input, 'Enter'));
    await until(() => expect(opened.map((h) => h.id)).toEqual(['cvid']));
  });

  it('offers clickable examples when empty', async () => {
    mount();
    const hint = root.querySelector('.nk-lookup-hint')!;
    expect(hint.textContent).toBe('Try CVID or Kim Jong Un');
    act(() => hint.querySelector('button')!.click());
    await until(() => expect(opened.map((h) => h.id)).toEqual(['cvid']));
    expect(root.querySelector<HTMLInputElement>('input')!.value).toBe('CVID');
  });

  it('helps when nothing matches', async () => {
    const { input, options } = mount();
    act(() => type(input, 'zzzzqx'));
    await until(() => expect(root.querySelector('.nk-lookup-note')?.textContent).toMatch(/^No entry for “zzzzqx”\. Try another spelling, e\.g\./));
    expect(options()).toHaveLength(0);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('runs a lookup requested from outside: fills the box and opens the top hit', async () => {
    act(() => render(<Harness request={{ query: 'Kim', seq: 1 }} />, root));
    await until(() => expect(opened.map((h) => h.id)).toEqual(['kim-jong-un']));
    expect(root.querySelector<HTMLInputElement>('input')!.value).toBe('Kim');
  });
});
