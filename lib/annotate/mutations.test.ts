import { afterEach, describe, expect, it } from 'vitest';
import { observeMutations } from './mutations';
import type { MutationWatch } from './mutations';
import { setHtml } from '../../tests/support/dom';

describe('observeMutations', () => {
  let watch: MutationWatch | null = null;
  afterEach(() => {
    watch?.disconnect();
    watch = null;
  });

  function observe(options = {}) {
    const batches: Node[][] = [];
    watch = observeMutations(document.body, (roots) => batches.push(roots), { delayMs: 10_000, ...options });
    return batches;
  }

  it('reports added content once, outermost node only', () => {
    setHtml(document.body, '<main id="m"></main>');
    const batches = observe();
    const section = document.createElement('section');
    setHtml(section, '<p>Kim Jong Un</p><p>Trump</p>');
    document.querySelector('#m')!.appendChild(section);
    section.querySelector('p')!.append(' spoke'); // inside an added node: counts once
    watch!.flush();
    expect(batches).toEqual([[section]]);
    watch!.flush();
    expect(batches).toHaveLength(1);
  });

  it('reports text changes and removed inline content by their node/parent', () => {
    setHtml(document.body, '<p id="a">Kim <em>Jong</em> Un</p><p id="b">Trump</p>');
    const batches = observe();
    (document.querySelector('#b')!.firstChild as Text).data = 'Donald Trump';
    document.querySelector('em')!.remove();
    watch!.flush();
    expect(new Set(batches[0])).toEqual(new Set([document.querySelector('#b')!.firstChild, document.querySelector('#a')]));
  });

  it('ignores the extension’s own UI and its own suppressed work', () => {
    setHtml(document.body, '<p id="a">Kim</p>');
    const batches = observe();
    const host = document.createElement('nk-context-ui');
    host.setAttribute('data-nk-ui', '');
    document.documentElement.appendChild(host);
    document.body.appendChild(host.cloneNode());
    host.appendChild(document.createElement('div'));
    watch!.suppress(() => {
      const t = document.querySelector('#a')!.firstChild as Text;
      t.splitText(1);
      document.querySelector('#a')!.appendChild(document.createElement('nk-mark'));
    });
    watch!.flush();
    expect(batches).toEqual([]);
    host.remove();
  });

  it('still reports page changes made before suppressed work', () => {
    setHtml(document.body, '<p id="a">Kim</p>');
    const batches = observe();
    const p = document.createElement('p');
    document.body.appendChild(p);
    watch!.suppress(() => document.querySelector('#a')!.appendChild(document.createElement('nk-mark')));
    watch!.flush();
    expect(batches).toEqual([[p]]);
  });

  it('bounds the work per batch and defers the rest', () => {
    setHtml(document.body, '');
    const batches = observe({ maxRoots: 3 });
    for (let i = 0; i < 7; i++) document.body.appendChild(document.createElement('p'));
    watch!.flush();
    expect(batches.map((b) => b.length)).toEqual([3]);
    expect(watch!.pending()).toBe(4);
    watch!.flush();
    watch!.flush();
    expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
  });

  it('reports content revealed by removing hidden', () => {
    setHtml(document.body, '<div id="d" hidden><p>Kim</p></div>');
    const batches = observe();
    document.querySelector('#d')!.removeAttribute('hidden');
    watch!.flush();
    expect(batches).toEqual([[document.querySelector('#d')]]);
  });

  it('batches by itself after the delay, and reports nothing once disconnected', async () => {
    setHtml(document.body, '');
    let resolve: (roots: Node[]) => void = () => undefined;
    const got = new Promise<Node[]>((r) => (resolve = r));
    watch = observeMutations(document.body, (roots) => resolve(roots), { delayMs: 0 });
    const p = document.body.appendChild(document.createElement('p'));
    expect(await got).toEqual([p]);
    watch.disconnect();
    let later = 0;
    const w2 = observeMutations(document.body, () => later++, { delayMs: 0 });
    w2.disconnect();
    document.body.appendChild(document.createElement('p'));
    w2.flush();
    expect(later).toBe(0);
  });
});
