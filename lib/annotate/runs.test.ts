import { beforeEach, describe, expect, it } from 'vitest';
import { collectRuns, collectRunsIn, locate, runPieces, runRange, runRoots } from './runs';
import { isLinkList, resetZoneCache, zoneOf } from './zone';
import { setHtml } from '../../tests/support/dom';

function page(html: string): HTMLElement {
  setHtml(document.body, html);
  return document.body;
}
const texts = (root: Node) => collectRuns(root).map((r) => r.text);

describe('collectRuns', () => {
  beforeEach(() => resetZoneCache());

  it('joins text across inline elements into one run', () => {
    expect(texts(page('<p><em>Kim</em> Jong Un met <a href="#">Moon</a></p>'))).toEqual(['Kim Jong Un met Moon']);
    expect(texts(page('<p><a href="#">Kim Jong</a> Un</p>'))).toEqual(['Kim Jong Un']);
    expect(texts(page('<div><span>Kim</span> <b>Jong</b> <i>Un</i></div>'))).toEqual(['Kim Jong Un']);
    const [run] = collectRuns(page('<p><em>Kim</em> Jong Un</p>'));
    expect(run!.nodes.map((n) => n.data)).toEqual(['Kim', ' Jong Un']);
    expect(run!.starts).toEqual([0, 3]);
  });

  it('breaks runs at block elements and line breaks', () => {
    expect(texts(page('<div>North<p>Korea</p>talks</div>'))).toEqual(['North', 'Korea', 'talks']);
    expect(texts(page('<p>Kim<br>Jong Un</p>'))).toEqual(['Kim', 'Jong Un']);
    expect(texts(page('<ul><li>Kim</li><li>Jong Un</li></ul><table><tr><td>a</td><td>b</td></tr></table>'))).toEqual([
      'Kim',
      'Jong Un',
      'a',
      'b',
    ]);
    expect(texts(page('<h2>Summit</h2><section><p>One</p></section>'))).toEqual(['Summit', 'One']);
  });

  it('skips form fields, editable regions, code, scripts, SVG, hidden content and its own UI', () => {
    const root = page(`
      <p>visible Kim</p>
      <textarea>Kim in a textarea</textarea><select><option>Kim option</option></select>
      <button>Kim button</button>
      <div contenteditable="true"><p>Kim editable</p></div><div contenteditable><p>Kim editable2</p></div>
      <div contenteditable="false"><p>not editable Kim</p></div>
      <code>Kim code</code><pre>Kim pre</pre><kbd>k</kbd><samp>s</samp><var>v</var>
      <script>var kim = 1</script><style>.kim{}</style><noscript>Kim noscript</noscript>
      <template><p>Kim template</p></template>
      <svg><text>Kim svg</text></svg><math><mi>Kim</mi></math>
      <p hidden>Kim hidden</p><p aria-hidden="true">Kim aria</p><p style="color:red; display: none">Kim none</p>
      <p aria-hidden="false">Kim shown</p>
      <nk-context-ui data-nk-ui><p>Kim card</p></nk-context-ui>`);
    expect(texts(root)).toEqual(['visible Kim', 'not editable Kim', 'Kim shown']);
  });

  it('skips everything in a document in design mode', () => {
    const root = page('<p>Kim</p>');
    document.designMode = 'on';
    try {
      expect(texts(root)).toEqual([]);
    } finally {
      document.designMode = 'off';
    }
  });

  it('drops runs that are only white space and trims leading white-space nodes', () => {
    const runs = collectRuns(page('<div>\n  <p>  </p>\n  <p>\n  <span>Kim</span></p>\n</div>'));
    expect(runs.map((r) => r.text)).toEqual(['Kim']);
  });

  it('maps run offsets back to text nodes and DOM ranges', () => {
    const [run] = collectRuns(page('<p>Leader <em>Kim</em> Jong Un spoke</p>'));
    const start = run!.text.indexOf('Kim');
    const end = start + 'Kim Jong Un'.length;
    expect(runRange(run!, start, end).toString()).toBe('Kim Jong Un');
    // Boundaries: a start at a node boundary is in the next node, an end in the previous one.
    expect(locate(run!, start, 'start').node.data).toBe('Kim');
    expect(locate(run!, start, 'end').node.data).toBe('Leader ');
    expect(locate(run!, start + 3, 'end')).toMatchObject({ offset: 3 });
    expect(runPieces(run!, start, end).map((p) => p.node.data.slice(p.start, p.end))).toEqual(['Kim', ' Jong Un']);
  });

  it('collects only changed subtrees, each lifted to its block', () => {
    const root = page('<article><p id="a">Kim <em id="e">Jong</em> Un</p><p id="b">Other</p></article><span id="w">widget</span>');
    const em = root.querySelector('#e')!;
    expect(collectRunsIn([em]).map((r) => r.text)).toEqual(['Kim Jong Un']);
    // Nested roots count once.
    expect(collectRunsIn([em, root.querySelector('#a')!, em.firstChild!]).map((r) => r.text)).toEqual(['Kim Jong Un']);
    // An inline node directly in <body> is not lifted to the whole page.
    expect(runRoots([root.querySelector('#w')!])).toEqual([root.querySelector('#w')]);
    const detached = document.createElement('p');
    expect(runRoots([detached])).toEqual([]);
    const input = document.createElement('textarea');
    input.textContent = 'Kim';
    root.appendChild(input);
    expect(collectRunsIn([input.firstChild!])).toEqual([]);
  });
});

describe('zoneOf', () => {
  beforeEach(() => resetZoneCache());
  const zone = (sel: string) => zoneOf(document.querySelector(sel)!);

  it('puts navigation, sidebars and site chrome in the aside zone', () => {
    page(`
      <header id="site"><p id="h">Site header</p></header>
      <nav><p id="n">Nav</p></nav>
      <main><article><header><h1 id="ah">Headline</h1></header><p id="m">Body</p><footer><p id="af">Byline</p></footer></article></main>
      <aside><p id="as">Sidebar</p></aside>
      <div role="navigation"><p id="rn">Role nav</p></div>
      <div role="complementary"><p id="rc">Role comp</p></div>
      <footer><p id="f">Site footer</p></footer>`);
    expect(zone('#h')).toBe('aside');
    expect(zone('#n')).toBe('aside');
    expect(zone('#ah')).toBe('main');
    expect(zone('#m')).toBe('main');
    expect(zone('#af')).toBe('main');
    expect(zone('#as')).toBe('aside');
    expect(zone('#rn')).toBe('aside');
    expect(zone('#rc')).toBe('aside');
    expect(zone('#f')).toBe('aside');
  });

  it('treats items of a list of links as aside but a list of prose as main', () => {
    page(`
      <ul id="links"><li><a href="/1">Russia using North Korean slave labour</a></li><li><a href="/2">Two</a> 3h</li><li><a href="/3">Three</a></li></ul>
      <ul id="prose"><li>North Korea tested a missile <a href="/x">(report)</a> in May.</li><li>Talks stalled.</li><li>Sanctions stayed.</li></ul>`);
    expect(isLinkList(document.querySelector('#links')!)).toBe(true);
    expect(zone('#links li')).toBe('aside');
    expect(zone('#prose li')).toBe('main');
    const runs = collectRuns(document.body);
    expect(runs.find((r) => r.text.startsWith('Russia'))!.zone).toBe('aside');
    expect(runs.find((r) => r.text.startsWith('North Korea tested'))!.zone).toBe('main');
  });
});
