import { describe, expect, it } from 'vitest';
import { createSearch, editDistance } from './search';
import type { Entry, KnowledgeBase } from './types';

function entry(id: string, kind: Entry['kind'], label: string, aliases: string[], more: Partial<Entry> = {}): Entry {
  return { id, kind, label, aliases, definition: `${label}.`, related: [], quotes: [], fromSource: false, weight: 1, ...more };
}

// A small knowledge base shaped like the real one: the names readers type, with near neighbours.
const kb: KnowledgeBase = {
  source: { id: 's', title: 't', author: 'a', authorRole: 'r', publisher: 'p', date: '2019', licence: 'l', attribution: 'x' },
  ambiguities: [],
  entries: [
    entry('kim-jong-un', 'actor', 'Kim Jong Un', ['Kim Jong Un', 'Kim Jong-un', 'Chairman Kim Jong Un'], { shortNames: ['Kim', 'Chairman Kim'], weight: 3 }),
    entry('kim-jong-il', 'actor', 'Kim Jong Il', ['Kim Jong Il', 'Kim Jong-il']),
    entry('kim-il-sung', 'actor', 'Kim Il Sung', ['Kim Il Sung']),
    entry('donald-trump', 'actor', 'Donald Trump', ['Donald Trump', 'President Trump'], { shortNames: ['Trump'] }),
    entry('john-bolton', 'actor', 'John Bolton', ['John Bolton', 'National Security Adviser John Bolton'], { shortNames: ['Bolton', 'Mr Bolton'], weight: 2 }),
    entry('qaddafi', 'actor', 'Muammar Qaddafi', ['Qaddafi', 'Gaddafi', 'Gadhafi', 'Kadhafi', 'Muammar Qaddafi', 'Muammar Gaddafi']),
    entry('libya', 'actor', 'Libya', ['Libya']),
    entry('libya-model', 'term', 'Libya model', ['Libya model', 'Libyan model'], { weight: 2 }),
    entry('denuclearisation', 'term', 'Denuclearisation', ['denuclearisation'], { weight: 3 }),
    entry('cvid', 'term', 'CVID', ['CVID', 'complete, verifiable, irreversible denuclearisation'], { weight: 3 }),
    entry('rogue-state', 'term', 'Rogue state', ['rogue state', 'rogue regime'], { contextual: { aliases: ['rogue'], cues: ['state'] } }),
    entry('fissile-material', 'term', 'Fissile material', ['fissile material'], {
      definition: 'Plutonium or highly enriched uranium: the material from uranium enrichment or reprocessing that can sustain a chain reaction.',
    }),
    entry('singapore-summit', 'event', 'Singapore summit', ['Singapore summit'], { contextual: { aliases: ['Singapore'], cues: ['summit'] }, weight: 2 }),
    entry('singapore', 'place', 'Singapore', ['Singapore']),
    entry('north-korea', 'actor', 'North Korea', ['North Korea', 'DPRK'], { weight: 3 }),
    entry('south-korea', 'actor', 'South Korea', ['South Korea', 'Republic of Korea']),
    entry('moratorium', 'term', 'Testing moratorium', ['moratorium on testing'], { contextual: { aliases: ['moratorium'], cues: ['test'] } }),
    entry('icbm', 'term', 'ICBM', ['ICBM', 'intercontinental ballistic missile']),
    entry('behaviour-change', 'term', 'Behaviour change', ['behaviour change']),
    entry('wilson-center', 'actor', 'Wilson Center', ['Wilson Center'], { weight: 0 }),
  ],
};
const search = createSearch(kb);
const first = (q: string) => search(q)[0]?.id;

describe('search', () => {
  it.each([
    ['Gadaffi', 'qaddafi'],
    ['Gadhafi', 'qaddafi'],
    ['gaddaffi', 'qaddafi'],
    ['libya modle', 'libya-model'],
    ['denuclearization', 'denuclearisation'],
    ['denuclearize', 'denuclearisation'],
    ['denuclearised', 'denuclearisation'],
    ['denuklearisation', 'denuclearisation'],
    ['Kim Jong-un', 'kim-jong-un'],
    ['kim jong un', 'kim-jong-un'],
    ['Kim Jong-Un’s', 'kim-jong-un'],
    ['kim', 'kim-jong-un'],
    ['cvid', 'cvid'],
    ['Bolton', 'john-bolton'],
    ['national security advisor', 'john-bolton'],
    ['rogue', 'rogue-state'],
    ['rogue states', 'rogue-state'],
    ['fissile', 'fissile-material'],
    ['singapore', 'singapore'],
    ['singapore sumit', 'singapore-summit'],
    ['the Libya model', 'libya-model'],
    ['behavior change', 'behaviour-change'],
    ['ICBMs', 'icbm'],
    ['D.P.R.K.', 'north-korea'],
    ['norht korea', 'north-korea'],
    ['Wilson Centre', 'wilson-center'],
  ])('%s → %s first', (query, id) => {
    expect(first(query)).toBe(id);
  });

  it('answers nothing for an empty or garbage query', () => {
    expect(search('')).toEqual([]);
    expect(search('   ')).toEqual([]);
    expect(search('zzzzqx')).toEqual([]);
    expect(search('qwertyuiop')).toEqual([]);
  });

  it('ranks exact > prefix > word prefix > substring > fuzzy', () => {
    const s = (q: string, id: string) => search(q, 50).find((h) => h.id === id)?.score ?? 0;
    expect(s('libya', 'libya')).toBeGreaterThan(s('libya', 'libya-model')); // exact beats prefix
    expect(s('kim jong', 'kim-jong-un')).toBeGreaterThan(s('jong', 'kim-jong-un')); // prefix beats word prefix
    expect(s('jong', 'kim-jong-un')).toBeGreaterThan(s('ong u', 'kim-jong-un')); // word prefix beats substring
    expect(s('ong u', 'kim-jong-un')).toBeGreaterThan(s('kim jnog un', 'kim-jong-un')); // substring beats fuzzy
    expect(s('kim jnog un', 'kim-jong-un')).toBeGreaterThan(0);
  });

  it('prefers the label to an alias, and names the alias that matched', () => {
    const [top, second] = search('singapore');
    expect(top).toMatchObject({ id: 'singapore', label: 'Singapore' });
    expect(top!.matched).toBeUndefined();
    expect(second).toMatchObject({ id: 'singapore-summit', matched: 'Singapore' });
    expect(search('Gadhafi')[0]).toMatchObject({ id: 'qaddafi', label: 'Muammar Qaddafi', matched: 'Gadhafi' });
    expect(search('Kim Jong-un')[0]!.matched).toBeUndefined(); // a spelling of the label is the label
  });

  it('lists the Kims for "kim" in a stable order, the weightier first', () => {
    const ids = search('kim').map((h) => h.id);
    expect(ids.slice(0, 3)).toEqual(['kim-jong-un', 'kim-il-sung', 'kim-jong-il']);
  });

  it('finds words that appear only in definitions, below name matches', () => {
    const hits = search('enrichment');
    expect(hits.map((h) => h.id)).toEqual(['fissile-material']);
    expect(hits[0]!.score).toBeLessThan(search('fissile')[0]!.score);
    expect(search('uranium')[0]?.id).toBe('fissile-material');
  });

  it('respects the limit and returns well-formed hits', () => {
    expect(search('k', 3)).toHaveLength(3);
    expect(search('kim', 0)).toEqual([]);
    for (const hit of search('korea')) {
      expect(kb.entries.find((e) => e.id === hit.id)).toMatchObject({ label: hit.label, kind: hit.kind });
    }
  });

  it('stays fast on a knowledge base of realistic size', () => {
    const big = { ...kb, entries: Array.from({ length: 8 }, (_, i) => kb.entries.map((e) => ({ ...e, id: `${e.id}-${i}` }))).flat() };
    const bigSearch = createSearch(big);
    // Not a timing assertion: every keystroke of a long query must answer and keep the right entry on top.
    const query = 'complete verifiable irreversable denuclearisation';
    for (let i = 1; i <= query.length; i++) bigSearch(query.slice(0, i));
    expect(bigSearch(query)[0]?.id).toMatch(/^cvid-/);
  });
});

describe('editDistance', () => {
  it('counts transpositions as one edit and stops past the bound', () => {
    expect(editDistance('modle', 'model', 2)).toBe(1);
    expect(editDistance('gadaffi', 'gaddafi', 2)).toBe(2);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('', 'ab', 2)).toBe(2);
  });
});

describe('search on the shipped knowledge base', async () => {
  const { knowledgeBase } = await import('./load');
  const real = createSearch(knowledgeBase);
  it.each([
    ['Gadaffi', 'muammar-qaddafi'],
    ['Gadhafi', 'muammar-qaddafi'],
    ['libya modle', 'libya-model'],
    ['denuclearization', 'denuclearisation'],
    ['denuclearize', 'denuclearisation'],
    ['Kim Jong-un', 'kim-jong-un'],
    ['kim jong un', 'kim-jong-un'],
    ['cvid', 'cvid'],
    ['Bolton', 'john-bolton'],
    ['rogue', 'rogue-state'],
    ['fissile', 'fissile-material'],
    ['singapore', 'singapore-summit'],
    ['yongbyon', 'yongbyon'],
    ['ICBMs', 'icbm'],
    ['National Security Advisor', 'john-bolton'],
    ['behavior change', 'behaviour-change'],
  ])('%s → %s first', (query, id) => {
    expect(real(query)[0]?.id).toBe(id);
  });
  it('answers nothing for garbage', () => {
    expect(real('zzzzqx')).toEqual([]);
  });
});
