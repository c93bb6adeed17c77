/**
 * The resolver on real saved pages (../shared/corpus), through the real pipeline: text runs with
 * zones (lib/annotate), the compiled matcher and sentences (lib/scan), the real knowledge base.
 * Unrelated and incidental pages must never be judged relevant; the demo article must be.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { BatchBuilder, tidyMatches } from '../../lib/annotate/candidates';
import { collectRuns } from '../../lib/annotate/runs';
import { resetZoneCache } from '../../lib/annotate/zone';
import type { Ambiguity, Entry, KnowledgeBase, SourceMeta } from '../../lib/knowledge/types';
import { createResolver, type ResolveResult, type Resolver } from '../../lib/resolve';
import { compileMatcher, type Matcher } from '../../lib/scan/matcher';
import { buildPatternTable } from '../../lib/scan/patterns';
import { sentenceAround } from '../../lib/scan/sentences';

const root = process.cwd();
const corpus = join(root, '../shared/corpus');
const haveCorpus = existsSync(join(corpus, 'pages'));
if (!haveCorpus) console.warn(`resolve-corpus: skipped, no corpus at ${corpus} (../shared/corpus/pages)`);

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as T;
}

function categories(): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of readFileSync(join(corpus, 'README.md'), 'utf8').split('\n')) {
    const m = /^\| ([^|]+?) \| (unrelated|incidental|nk-related|synthetic) \|/.exec(line);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

let resolver: Resolver;
let matcher: Matcher;

// A page parsed offline: no scripts run, nothing is fetched.
const OFFLINE = {
  disableJavaScriptEvaluation: true,
  disableJavaScriptFileLoading: true,
  disableCSSFileLoading: true,
  disableIframePageLoading: true,
  disableComputedStyleRendering: true,
  handleDisabledFileLoadingAsSuccess: true,
  navigation: { disableMainFrameNavigation: true, disableChildFrameNavigation: true, disableChildPageNavigation: true },
};

/** One batch, as the content script would send it for the whole page. */
async function judge(html: string, prepare?: (doc: Document) => void): Promise<ResolveResult> {
  const window = new Window({ settings: OFFLINE });
  try {
    const doc = window.document as unknown as Document;
    // <link> elements hold no text, and happy-dom would try to preload them.
    doc.write(html.replace(/<link\b[^>]*>/gi, ''));
    prepare?.(doc);
    resetZoneCache();
    const batch = new BatchBuilder(sentenceAround);
    for (const run of collectRuns(doc.body ?? doc.documentElement)) {
      for (const m of tidyMatches(matcher.find(run.text))) batch.add(run.text, run.zone, m);
    }
    return await resolver.resolve(null, { batch: 0, force: false, sentences: batch.sentences, candidates: batch.candidates });
  } finally {
    await window.happyDOM.close();
  }
}

describe.skipIf(!haveCorpus)('resolver on the saved corpus', () => {
  const rows: string[] = [];

  beforeAll(() => {
    const kb: KnowledgeBase = {
      source: readJson<SourceMeta>('assets/source/meta.json'),
      entries: readJson<Entry[]>('assets/knowledge/entries.json'),
      ambiguities: readJson<Ambiguity[]>('assets/knowledge/ambiguities.json'),
    };
    const table = buildPatternTable(kb);
    matcher = compileMatcher(table);
    resolver = createResolver(kb, table);
  });

  it('judges the source article relevant and finds its key entries', async () => {
    const text = readFileSync(join(root, 'assets/source/litwak-2019-trump-kim-summit-ii.txt'), 'utf8');
    const r = await judge('<!doctype html><title>Litwak</title><body><article></article></body>', (doc) => {
      const article = doc.querySelector('article')!;
      for (const para of text.split('\n').filter((l) => l.trim())) article.appendChild(doc.createElement('p')).textContent = para;
    });
    rows.push(`source-article | demo | ${r.state.score} | ${r.status}`);
    expect(r.status).toBe('annotated');
    for (const id of ['north-korea', 'kim-jong-un', 'denuclearisation', 'cvid', 'libya-model', 'testing-moratorium', 'john-bolton', 'pyongyang']) {
      expect(r.state.entries[id]?.count ?? 0, id).toBeGreaterThan(0);
    }
    expect(r.state.entries['kim-jong-un']?.mentions).toContain('Kim');
  });

  it('never judges an unrelated or incidental page relevant', { timeout: 600_000 }, async () => {
    const relevantByMistake: string[] = [];
    for (const [name, category] of categories()) {
      if (category === 'synthetic') continue;
      const path = join(corpus, 'pages', `${name}.html`);
      if (!existsSync(path)) continue;
      const r = await judge(readFileSync(path, 'utf8'));
      const found = Object.entries(r.state.entries)
        .sort((a, b) => b[1].count - a[1].count)
        .slice(0, 6)
        .map(([id, t]) => `${id}×${t.count}${t.aside ? `(${t.aside} aside)` : ''}`)
        .join(', ');
      if (category !== 'unrelated' || r.state.score > 0) rows.push(`${name} | ${category} | ${r.state.score} | ${r.status} | ${found}`);
      if ((category === 'unrelated' || category === 'incidental') && r.status !== 'not-relevant') relevantByMistake.push(name);
    }
    // The scores table helps calibrate relevance: NK_VERBOSE=1 npx vitest run tests/unit/resolve-corpus.test.ts
    if (process.env.NK_VERBOSE) console.log(`page | category | score | status | top entries\n${rows.join('\n')}`);
    expect(relevantByMistake).toEqual([]);
  });

  it('yahoo-2: its North Korea sanctions story is hidden (aria-hidden), but would count if shown', async () => {
    const html = readFileSync(join(corpus, 'pages/yahoo-2.html'), 'utf8');
    const asSaved = await judge(html);
    expect(asSaved.status).toBe('not-relevant');
    // A lead story with a summary paragraph about sanctions on Pyongyang: the page is then about North Korea.
    const shown = await judge(html, (doc) => doc.querySelectorAll('[aria-hidden]').forEach((e) => e.removeAttribute('aria-hidden')));
    if (process.env.NK_VERBOSE) console.log(`yahoo-2 shown: score ${shown.state.score}, ${shown.status}, ${Object.entries(shown.state.entries).map(([id, t]) => `${id}×${t.count}`).join(', ')}`);
    expect(shown.status).toBe('annotated');
  });
});
