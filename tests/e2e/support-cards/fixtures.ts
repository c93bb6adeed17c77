/**
 * Small pages for the card, popup and keyboard scenarios, registered on the test server. Each is
 * the minimum that shows the behaviour; the texts are the kind a news page carries.
 */
import type { TestServer } from '../support/server';

const page = (title: string, style: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>body { font: 16px/1.5 Georgia, serif; margin: 0; } ${style}</style></head>
<body>${body}</body></html>`;

/** The four terms at the viewport's corners (`data-corner` blocks), about North Korea in between. */
export const CORNER_TERMS = { 'top-left': 'Kim Jong Un', 'top-right': 'CVID', 'bottom-left': 'Pyongyang', 'bottom-right': 'denuclearisation' } as const;
export type Corner = keyof typeof CORNER_TERMS;

export function cornersHtml(): string {
  const at: Record<Corner, string> = {
    'top-left': 'top: 2px; left: 2px;',
    'top-right': 'top: 2px; right: 2px;',
    'bottom-left': 'bottom: 2px; left: 2px;',
    'bottom-right': 'bottom: 2px; right: 2px;',
  };
  const blocks = (Object.keys(CORNER_TERMS) as Corner[])
    .map((c) => `<div class="corner" data-corner="${c}" style="${at[c]}">${CORNER_TERMS[c]}</div>`)
    .join('\n');
  return page(
    'North Korea at the corners',
    'html, body { height: 100%; overflow: hidden; } .corner { position: absolute; } main { position: absolute; top: 30%; left: 20%; right: 20%; font-size: 13px; }',
    `${blocks}
<main><p>North Korea and the United States met again. North Korea wants sanctions relief; Washington wants
North Korea to give up its nuclear weapons first.</p></main>`,
  );
}

/** A recipe page that names North Korea once: not about North Korea, so nothing is marked by default. */
export function incidentalHtml(): string {
  return page(
    'Slow-cooked kimchi stew',
    'main { max-width: 40rem; margin: 2rem auto; }',
    `<main><h1>Slow-cooked kimchi stew</h1>
<p>This stew is a winter favourite on both sides of the border, and a version of it is eaten in North Korea too.</p>
<p>Fry the pork belly until golden, add a cup of well-fermented kimchi and its juice, then the gochugaru.</p>
<p>Pour in anchovy stock, simmer for forty minutes, and finish with tofu and spring onions.</p>
<p>Serve with short-grain rice. Leftovers taste even better the next day.</p></main>`,
  );
}

/** A short article with a focusable control before its marks, for where focus returns to. */
export function focusHtml(): string {
  return page(
    'Talks with North Korea',
    'main { max-width: 40rem; margin: 2rem auto; }',
    `<main><p><button id="before" type="button">Save article</button></p>
<p>North Korea's leader Kim Jong Un met Donald Trump in Hanoi. North Korea refused CVID.</p>
<p>John Bolton had argued for the Libya model of denuclearisation; Pyongyang rejected it.</p></main>`,
  );
}

export interface Fixtures {
  corners: string;
  incidental: string;
  focus: string;
}

/** Register every fixture and return their URLs. */
export function registerFixtures(server: TestServer): Fixtures {
  return {
    corners: server.register('/cards-corners.html', cornersHtml()),
    incidental: server.register('/cards-incidental.html', incidentalHtml()),
    focus: server.register('/cards-focus.html', focusHtml()),
  };
}
