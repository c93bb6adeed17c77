/**
 * Runs and wrapper marks on real saved news pages (../shared/corpus, never copied into the repo).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SKIP_TAGS } from './dom-rules';
import { WrapperMarker } from './marks-wrapper';
import { collectRuns } from './runs';
import { resetZoneCache } from './zone';

const DIR = resolve(process.cwd(), '../shared/corpus/pages');
const PAGES = ['schema-org-context-object', 'videos-1', 'bbc-1', 'breitbart', 'wikipedia', 'ars-1', 'qq'];
const have = existsSync(DIR);
if (!have) console.warn(`corpus tests skipped: ${DIR} is absent (it holds the saved pages; see /work/shared/corpus/README.md)`);

/** Into the test's own document: happy-dom's ranges misbehave in DOMParser documents. */
function load(name: string): Document {
  const parsed = new DOMParser().parseFromString(readFileSync(resolve(DIR, `${name}.html`), 'utf8'), 'text/html');
  // Nothing to fetch offline: drop stylesheet links and frame sources (happy-dom would try).
  parsed.querySelectorAll('link').forEach((l) => l.remove());
  parsed.querySelectorAll('iframe[src], frame[src]').forEach((f) => f.removeAttribute('src'));
  const root = document.adoptNode(parsed.documentElement);
  document.documentElement.remove();
  document.appendChild(root);
  return document;
}
function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = root.ownerDocument!.createTreeWalker(root, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

describe.skipIf(!have)('annotate on saved pages', () => {
  it.each(PAGES.filter((p) => !have || existsSync(resolve(DIR, `${p}.html`))))('%s: runs hold only readable text', (name) => {
    resetZoneCache();
    const doc = load(name);
    const runs = collectRuns(doc.body);
    expect(runs.length).toBeGreaterThan(5);
    for (const run of runs) {
      expect(run.text).toBe(run.nodes.map((n) => n.data).join(''));
      for (const node of run.nodes) {
        for (let el = node.parentElement; el; el = el.parentElement) expect(SKIP_TAGS.has(el.localName)).toBe(false);
      }
    }
  });

  it.each(PAGES.filter((p) => !have || existsSync(resolve(DIR, `${p}.html`))))('%s: marking every word "the"/"Korea" and restoring is exact', (name) => {
    const doc = load(name);
    const before = doc.documentElement.outerHTML;
    const nodes = textNodes(doc.documentElement);
    const marker = new WrapperMarker(doc);
    let count = 0;
    for (const run of collectRuns(doc.body)) {
      for (const m of run.text.matchAll(/\b(the|Korea|North Korea|Kim Jong[ -]Un)\b/gi)) {
        marker.add(run, m.index!, m.index! + m[0].length, 'x');
        count++;
      }
    }
    expect(count).toBeGreaterThan(0);
    expect(doc.querySelectorAll('nk-mark').length).toBeGreaterThanOrEqual(count);
    for (const mark of marker.marks().slice(0, 50)) expect(marker.rangeOf(mark).toString()).toBe(mark.text);
    marker.destroy();
    expect(doc.documentElement.outerHTML).toBe(before);
    const after = textNodes(doc.documentElement);
    expect(after.length).toBe(nodes.length);
    expect(after.every((t, i) => t === nodes[i])).toBe(true);
  });
});
