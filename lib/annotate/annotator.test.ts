import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ContentScanResponse, PageStatus } from '../messaging/protocol';
import type { Match } from '../scan/types';
import { createAnnotator } from './annotator';
import type { Annotator, ScanRequest } from './annotator';
import { createSlicer } from './slicer';
import { setHtml, htmlOf } from '../../tests/support/dom';

const PATTERNS = ['Kim Jong Un', 'Trump', 'Moon', 'North Korea'];
const ENTRIES = ['kim-jong-un', 'donald-trump', null, 'north-korea'];

/** Whole-word occurrences of the test patterns. */
function find(text: string): Match[] {
  const out: Match[] = [];
  PATTERNS.forEach((p, pattern) => {
    const re = new RegExp(`\\b${p}\\b`, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + p.length, pattern });
  });
  return out;
}
function sentenceAround(text: string, start: number) {
  const from = text.lastIndexOf('.', start - 1) + 1;
  const lead = text.slice(from).length - text.slice(from).trimStart().length;
  const stop = text.indexOf('.', start);
  const sentence = text.slice(from + lead, stop < 0 ? text.length : stop + 1);
  return { sentence, at: start - from - lead };
}

/** A fake worker: accepts every pattern but "Moon"; records what it was sent. */
function worker(status: () => PageStatus = () => 'annotated') {
  const calls: ScanRequest[] = [];
  let waiting: ((r: ScanRequest) => void)[] = [];
  const scan = vi.fn(async (msg: ScanRequest): Promise<ContentScanResponse> => {
    calls.push(msg);
    waiting.splice(0).forEach((w) => w(msg));
    const s = status();
    const verdicts = msg.candidates.map((c) => (s === 'annotated' ? ENTRIES[c.pattern]! : null));
    return { status: s, verdicts, cards: {} };
  });
  const next = () => new Promise<ScanRequest>((r) => waiting.push(r));
  return { scan, calls, next };
}

const marked = () => Array.from(document.querySelectorAll('nk-mark')).map((e) => `${e.getAttribute('data-nk-entry')}:${e.textContent}`);
const instant = () => createSlicer({ yieldTo: async () => undefined });

describe('createAnnotator', () => {
  let annotator: Annotator | null = null;
  afterEach(() => {
    annotator?.destroy();
    annotator = null;
    vi.restoreAllMocks();
  });

  function setup(html: string, w = worker(), extra = {}) {
    setHtml(document.body, html);
    annotator = createAnnotator({ doc: document, find, sentenceAround, scan: w.scan, slicer: instant(), mutationDelayMs: 0, ...extra });
    return { annotator, ...w };
  }

  it('stops marking at the mark cap, leaving the rest of the page untouched', async () => {
    const { annotator } = setup('<p>Trump. Trump. Trump. Trump. Trump.</p>', worker(), { maxMarks: 3 });
    await annotator.start();
    expect(marked()).toEqual(['donald-trump:Trump', 'donald-trump:Trump', 'donald-trump:Trump']);
  });

  it('sends one batch of candidates as written and marks exactly the accepted ones', async () => {
    const { annotator, calls } = setup(`
      <nav><ul><li><a href="/a">Trump</a></li></ul></nav>
      <article><p>Leader <em>Kim</em> Jong Un met Trump. Moon watched.</p><p>North Korea waited. Trump left.</p></article>
      <textarea>Trump</textarea><pre>Kim Jong Un</pre>`);
    await annotator.start();
    expect(calls).toHaveLength(1);
    const [msg] = calls;
    expect(msg!.batch).toBe(0);
    expect(msg!.force).toBe(false);
    expect(msg!.candidates.map((c) => `${c.text}/${c.zone}`)).toEqual([
      'Trump/aside',
      'Kim Jong Un/main',
      'Trump/main',
      'Moon/main',
      'North Korea/main',
      'Trump/main',
    ]);
    expect(msg!.sentences).toEqual(['Trump', 'Leader Kim Jong Un met Trump.', 'Moon watched.', 'North Korea waited.', 'Trump left.']);
    for (const c of msg!.candidates) expect(msg!.sentences[c.sentence]!.slice(c.at, c.at + c.text.length)).toBe(c.text);
    expect(marked()).toEqual([
      'donald-trump:Trump',
      'kim-jong-un:Kim',
      'kim-jong-un: Jong Un',
      'donald-trump:Trump',
      'north-korea:North Korea',
      'donald-trump:Trump',
    ]);
    expect(annotator.marks().map((m) => m.text)).toEqual(['Trump', 'Kim Jong Un', 'Trump', 'North Korea', 'Trump']);
    expect(annotator.status()).toBe('annotated');
    const kim = annotator.marks()[1]!;
    expect(annotator.markById(kim.id)).toBe(kim);
    expect(annotator.sentenceOf(kim)).toBe('Leader Kim Jong Un met Trump.');
  });

  it('restores the page exactly and stops watching it', async () => {
    const html = '<article><p>Leader <em>Kim</em> Jong Un met Trump.</p></article>';
    const { annotator, scan } = setup(html);
    const nodes = [document.querySelector('p')!.firstChild, document.querySelector('em')!.firstChild, document.querySelector('em')!.nextSibling];
    await annotator.start();
    expect(marked()).toHaveLength(3);
    annotator.restore();
    expect(htmlOf(document.body)).toBe(html);
    expect([document.querySelector('p')!.firstChild, document.querySelector('em')!.firstChild, document.querySelector('em')!.nextSibling]).toEqual(nodes);
    nodes.forEach((n) => expect(document.contains(n)).toBe(true));
    expect(annotator.marks()).toEqual([]);
    document.body.appendChild(document.createElement('p')).textContent = 'Trump again';
    await new Promise((r) => setTimeout(r, 0)); // let a (wrongly) live observer fire
    await annotator.rescan([document.body.lastChild!]);
    expect(scan).toHaveBeenCalledTimes(1);
  });

  it('annotates content added later as the next batch', async () => {
    const w = worker();
    const { annotator } = setup('<main><p>Kim Jong Un spoke.</p></main>', w);
    await annotator.start();
    const next = w.next();
    const p = document.createElement('p');
    setHtml(p, 'Then <b>Trump</b> spoke. Moon too.');
    document.querySelector('main')!.appendChild(p);
    const msg = await next;
    expect(msg.batch).toBe(1);
    expect(msg.candidates.map((c) => c.text)).toEqual(['Trump', 'Moon']);
    await annotator.rescan([]); // waits for the queued work
    expect(marked()).toEqual(['kim-jong-un:Kim Jong Un', 'donald-trump:Trump']);
  });

  it('marks re-rendered content again without sending it again, and drops marks whose text changed', async () => {
    const { annotator, scan } = setup('<main><p id="a">Kim Jong Un met Trump.</p><p id="b">Trump left.</p></main>', worker(), { observe: false });
    await annotator.start();
    const a = document.querySelector('#a')!;
    setHtml(a, 'Kim Jong Un met <i>Trump</i>.'); // a framework re-render: same text, new nodes
    await annotator.rescan([a]);
    expect(scan).toHaveBeenCalledTimes(1);
    expect(marked()).toEqual(['kim-jong-un:Kim Jong Un', 'donald-trump:Trump', 'donald-trump:Trump']);

    const b = document.querySelector('#b nk-mark')!.firstChild as Text;
    b.data = 'Trumpet'; // the page edits marked text
    await annotator.rescan([b]);
    expect(annotator.marks().map((m) => m.text)).toEqual(['Kim Jong Un', 'Trump']);
    expect(document.querySelector('#b')!.textContent).toBe('Trumpet left.');
  });

  it('steps through marks in document order and shows an entry’s marks in turn', async () => {
    const { annotator } = setup('<p>Trump met Kim Jong Un. Trump left. North Korea.</p>');
    await annotator.start();
    const [t1, kim, t2, nk] = annotator.marks();
    const focusedText = () => Array.from(document.querySelectorAll('[data-nk-focus]')).map((e) => e.textContent).join('');
    expect(annotator.step(1)).toBe(t1);
    expect(focusedText()).toBe('Trump');
    expect(annotator.step(1)).toBe(kim);
    expect(focusedText()).toBe('Kim Jong Un');
    expect(annotator.step(-1)).toBe(t1);
    expect(annotator.step(-1)).toBe(nk); // wraps around
    expect(annotator.showEntry('donald-trump')).toBe(t1);
    expect(annotator.showEntry('donald-trump')).toBe(t2);
    expect(annotator.showEntry('donald-trump')).toBe(t1);
    expect(document.querySelector('[data-nk-flash]')?.textContent).toBe('Trump');
    expect(annotator.showEntry('nobody')).toBeNull();
    expect(annotator.marker.kind).toBe('wrapper');
  });

  it('does the work in slices on a big page and still marks everything', async () => {
    let t = 0;
    let yields = 0;
    const slicer = createSlicer({ budgetMs: 8, now: () => t++, yieldTo: async () => void yields++ });
    const html = Array.from({ length: 300 }, (_, i) => `<p>Para ${i}: Trump and <em>Kim</em> Jong Un.</p>`).join('');
    const { annotator, calls } = setup(html, worker(), { slicer });
    await annotator.start();
    expect(calls).toHaveLength(1); // one batch …
    expect(calls[0]!.candidates).toHaveLength(600);
    expect(annotator.marks()).toHaveLength(600); // … all marked …
    expect(yields).toBeGreaterThan(20); // … in many slices
  });

  it('judges the whole page again when later content makes it relevant', async () => {
    let status: PageStatus = 'not-relevant';
    const w = worker(() => status);
    const { annotator } = setup('<main><p>Trump golfed.</p></main>', w, { observe: false });
    await annotator.start();
    expect(marked()).toEqual([]);
    status = 'annotated';
    const p = document.querySelector('main')!.appendChild(document.createElement('p'));
    p.textContent = 'North Korea and Kim Jong Un.';
    const restarted = w.next().then(() => w.next());
    await annotator.rescan([p]);
    const again = await restarted;
    expect(again.batch).toBe(0);
    expect(again.candidates.map((c) => c.text)).toEqual(['Trump', 'North Korea', 'Kim Jong Un']);
    await annotator.rescan([]);
    expect(marked()).toEqual(['donald-trump:Trump', 'north-korea:North Korea', 'kim-jong-un:Kim Jong Un']);
  });

  it('leaves the page untouched when the scan fails or is overtaken by restore()', async () => {
    const html = '<p>Kim Jong Un</p>';
    const failing = { scan: vi.fn(async () => Promise.reject(new Error('no worker'))), calls: [], next: async () => ({}) as ScanRequest };
    const { annotator } = setup(html, failing as never);
    await expect(annotator.start()).rejects.toThrow('no worker');
    expect(htmlOf(document.body)).toBe(html);

    let answer: (r: ContentScanResponse) => void = () => undefined;
    const slow = vi.fn(() => new Promise<ContentScanResponse>((r) => (answer = r)));
    const a2 = createAnnotator({ doc: document, find, sentenceAround, scan: slow, slicer: instant() });
    const started = a2.start();
    await vi.waitUntil(() => slow.mock.calls.length === 1);
    a2.restore();
    answer({ status: 'annotated', verdicts: ['kim-jong-un'], cards: {} });
    await started;
    expect(htmlOf(document.body)).toBe(html);
    a2.destroy();
  });

  it('disconnects its observer and removes its styles on destroy', async () => {
    const disconnect = vi.spyOn(window.MutationObserver.prototype, 'disconnect');
    const { annotator, scan } = setup('<p>Kim Jong Un</p>');
    await annotator.start();
    expect(document.adoptedStyleSheets).toHaveLength(1);
    annotator.destroy();
    expect(disconnect).toHaveBeenCalled();
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect(htmlOf(document.body)).toBe('<p>Kim Jong Un</p>');
    await annotator.start();
    expect(scan).toHaveBeenCalledTimes(1);
  });
});
