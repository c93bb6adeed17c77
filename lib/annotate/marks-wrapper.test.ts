import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMarker } from './marker';
import { WrapperMarker } from './marks-wrapper';
import { collectRuns } from './runs';
import type { TextRun } from './runs';
import { setHtml, htmlOf } from '../../tests/support/dom';

function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}
function find(run: TextRun, text: string, from = 0): [number, number] {
  const start = run.text.indexOf(text, from);
  if (start < 0) throw new Error(`${text} not in ${run.text}`);
  return [start, start + text.length];
}

describe('WrapperMarker', () => {
  let marker: WrapperMarker | null = null;
  afterEach(() => {
    marker?.destroy();
    marker = null;
  });

  it('is what createMarker picks without CSS.highlights', () => {
    const m = createMarker(document);
    expect(m.kind).toBe('wrapper');
    m.destroy();
  });

  it('wraps a mention split across elements, one wrapper per piece, all for the same mark', () => {
    setHtml(document.body, '<p>Leader <em>Kim</em> Jong Un met Trump.</p>');
    marker = new WrapperMarker(document);
    const [run] = collectRuns(document.body);
    const mark = marker.add(run!, ...find(run!, 'Kim Jong Un'), 'kim-jong-un');
    expect(mark.text).toBe('Kim Jong Un');
    expect(htmlOf(document.body)).toBe(
      '<p>Leader <em><nk-mark data-nk-entry="kim-jong-un">Kim</nk-mark></em><nk-mark data-nk-entry="kim-jong-un"> Jong Un</nk-mark> met Trump.</p>',
    );
    expect(marker.rangeOf(mark).toString()).toBe('Kim Jong Un');
  });

  it('restores the page exactly: same markup, the same Text node objects, no extra nodes', () => {
    const html = '<article><p>Kim Jong Un and Kim Jong Un met <b>Donald</b> Trump in Hanoi; Trump left.</p><p>Moon</p></article>';
    setHtml(document.body, html);
    const before = textNodes(document.body);
    const data = before.map((t) => t.data);
    marker = new WrapperMarker(document);
    const [run] = collectRuns(document.body);
    const a = marker.add(run!, ...find(run!, 'Kim Jong Un'), 'kim');
    marker.add(run!, ...find(run!, 'Kim Jong Un', 5), 'kim');
    marker.add(run!, ...find(run!, 'Donald Trump'), 'trump');
    marker.add(run!, ...find(run!, 'Trump left'), 'trump');
    expect(document.querySelectorAll('nk-mark')).toHaveLength(5);
    expect(marker.marks().map((m) => m.text)).toEqual(['Kim Jong Un', 'Kim Jong Un', 'Donald Trump', 'Trump left']);

    marker.remove(a); // partial removal leaves the others in place
    expect(document.querySelectorAll('nk-mark')).toHaveLength(4);
    marker.clear();
    expect(htmlOf(document.body)).toBe(html);
    const after = textNodes(document.body);
    expect(after).toHaveLength(before.length);
    after.forEach((t, i) => expect(t).toBe(before[i]));
    expect(after.map((t) => t.data)).toEqual(data);
    before.forEach((t) => expect(document.body.contains(t)).toBe(true));
  });

  it('does not merge the page’s own adjacent text nodes on restore', () => {
    setHtml(document.body, '<p></p>');
    const p = document.querySelector('p')!;
    const a = p.appendChild(document.createTextNode('Kim Jong'));
    const b = p.appendChild(document.createTextNode(' Un spoke'));
    marker = new WrapperMarker(document);
    const [run] = collectRuns(document.body);
    marker.add(run!, ...find(run!, 'Kim Jong Un'), 'kim');
    marker.clear();
    expect(Array.from(p.childNodes)).toEqual([a, b]);
    expect([a.data, b.data]).toEqual(['Kim Jong', ' Un spoke']);
  });

  it('keeps the page’s later text edits when it restores', () => {
    setHtml(document.body, '<p>Kim Jong Un spoke</p>');
    const original = document.querySelector('p')!.firstChild as Text;
    marker = new WrapperMarker(document);
    const [run] = collectRuns(document.body);
    marker.add(run!, ...find(run!, 'Jong'), 'kim');
    const tail = document.querySelector('nk-mark')!.nextSibling as Text;
    tail.data = ' Un said';
    marker.clear();
    expect(htmlOf(document.body)).toBe('<p>Kim Jong Un said</p>');
    expect(document.querySelector('p')!.firstChild).toBe(original);
  });

  it('restores any set of marks on any inline markup (property)', () => {
    const word = fc.constantFrom('Kim', 'Jong', 'Un', ' ', 'North Korea', 'x', '’s', ' and ');
    const part = fc.tuple(fc.constantFrom('', 'em', 'b', 'a', 'span'), fc.array(word, { minLength: 1, maxLength: 3 }));
    const para = fc.array(part, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(para, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }), (paras, spans) => {
        const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        const html = paras
          .map((parts) => `<p>${parts.map(([tag, words]) => (tag ? `<${tag}>${esc(words.join(''))}</${tag}>` : esc(words.join('')))).join('')}</p>`)
          .join('');
        setHtml(document.body, html);
        const expected = htmlOf(document.body);
        const before = textNodes(document.body);
        const m = new WrapperMarker(document);
        const runs = collectRuns(document.body);
        const marks: { run: TextRun; start: number; end: number; mark: ReturnType<WrapperMarker['add']> }[] = [];
        for (const [i, j] of spans) {
          const run = runs[i % Math.max(1, runs.length)];
          if (!run) continue;
          const start = j % run.text.length;
          const end = Math.min(run.text.length, start + 1 + (i % 7));
          // Non-overlapping, as the annotator guarantees.
          if (marks.some((x) => x.run === run && x.start < end && start < x.end)) continue;
          marks.push({ run, start, end, mark: m.add(run, start, end, 'e') });
        }
        for (const x of marks) expect(m.rangeOf(x.mark).toString()).toBe(x.run.text.slice(x.start, x.end));
        // Remove half one by one, then clear the rest.
        marks.filter((_, k) => k % 2 === 0).forEach((x) => m.remove(x.mark));
        m.destroy();
        expect(htmlOf(document.body)).toBe(expected);
        const after = textNodes(document.body);
        expect(after).toHaveLength(before.length);
        after.forEach((t, k) => expect(t).toBe(before[k]));
      }),
      { numRuns: 200 },
    );
  });

  it('focuses and flashes a mark, and changes style', () => {
    vi.useFakeTimers();
    try {
      setHtml(document.body, '<p>Kim Jong Un and Trump</p>');
      marker = new WrapperMarker(document);
      const [run] = collectRuns(document.body);
      const kim = marker.add(run!, ...find(run!, 'Kim Jong Un'), 'kim');
      const trump = marker.add(run!, ...find(run!, 'Trump'), 'trump');
      marker.focus(kim);
      expect(document.querySelector('[data-nk-focus]')?.textContent).toBe('Kim Jong Un');
      marker.focus(trump);
      expect(Array.from(document.querySelectorAll('[data-nk-focus]')).map((e) => e.textContent)).toEqual(['Trump']);
      marker.focus(null);
      expect(document.querySelector('[data-nk-focus]')).toBeNull();
      marker.flash(kim);
      expect(document.querySelector('[data-nk-flash]')?.textContent).toBe('Kim Jong Un');
      vi.runAllTimers();
      expect(document.querySelector('[data-nk-flash]')).toBeNull();

      const sheet = () => document.adoptedStyleSheets.map((s) => Array.from(s.cssRules).map((r) => r.cssText).join('\n')).join('\n');
      expect(sheet()).toMatch(/dotted/);
      marker.setStyle('background');
      expect(sheet()).not.toMatch(/dotted/);
      expect(sheet()).toMatch(/background-color/);
      marker.destroy();
      marker = null;
      expect(document.adoptedStyleSheets).toHaveLength(0);
      expect(htmlOf(document.body)).toBe('<p>Kim Jong Un and Trump</p>');
    } finally {
      vi.useRealTimers();
    }
  });

  it('hit-tests through the element under the point', () => {
    setHtml(document.body, '<p>Kim Jong Un</p>');
    marker = new WrapperMarker(document);
    const [run] = collectRuns(document.body);
    const mark = marker.add(run!, 0, 11, 'kim');
    const spy = vi.spyOn(document, 'elementFromPoint');
    spy.mockReturnValueOnce(document.querySelector('nk-mark'));
    expect(marker.markAt(5, 5)).toBe(mark);
    spy.mockReturnValueOnce(document.querySelector('p'));
    expect(marker.markAt(5, 5)).toBeNull();
    spy.mockRestore();
  });
});
