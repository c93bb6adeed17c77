import { describe, expect, it } from 'vitest';
import { buildAliasIndex, entryNames, lookupAlias, normaliseQuery } from './alias-index';
import type { Entry, KnowledgeBase } from './types';

function entry(id: string, aliases: string[], more: Partial<Entry> = {}): Entry {
  return { id, kind: 'term', label: aliases[0]!, aliases, definition: 'd', related: [], quotes: [], fromSource: false, weight: 1, ...more };
}

const kb: KnowledgeBase = {
  source: { id: 's', title: 't', author: 'a', authorRole: 'r', publisher: 'p', date: '2019', licence: 'l', attribution: 'x' },
  ambiguities: [{ alias: 'Kim', entries: ['kim-jong-il', 'kim-jong-un'], rule: 'full-name-on-page' }],
  entries: [
    entry('kim-jong-un', ['Kim Jong Un'], { kind: 'actor', shortNames: ['Kim', 'Chairman Kim'] }),
    entry('kim-jong-il', ['Kim Jong Il'], { kind: 'actor', shortNames: ['Kim'] }),
    entry('libya-model', ['Libya model'], { label: 'The Libya model' }),
    entry('denuclearisation', ['denuclearisation']),
    entry('freeze', ['nuclear freeze'], { contextual: { aliases: ['freeze'], cues: ['nuclear'] } }),
    entry('united-states', ['United States', 'US']),
    entry('icbm', ['ICBM', 'intercontinental ballistic missile']),
    entry('north-korea', ['North Korea', 'DPRK']),
  ],
};
const index = buildAliasIndex(kb);

describe('normaliseQuery', () => {
  it.each([
    ['  Kim  Jong-Un’s ', 'kim jong un'],
    ['the Libya model', 'libya model'],
    ['The  LIBYA\u00a0Model', 'libya model'],
    ['complete, verifiable, irreversible', 'complete verifiable irreversible'],
    ['U.S.', 'us'],
    ['U. S.', 'us'],
    ['D.P.R.K.’s', 'dprk'],
    ['“rogue” states’', 'rogue states'],
    ['Qaddāfī', 'qaddafi'],
    ['denuclear\u00adisation', 'denuclearisation'],
    ['the', ''],
    ['', ''],
  ])('%j → %j', (text, want) => {
    expect(normaliseQuery(text)).toBe(want);
  });
});

describe('alias index', () => {
  it.each([
    ['Kim Jong-un', ['kim-jong-un']],
    ['KIM JONG UN’S', ['kim-jong-un']],
    ['Chairman Kim', ['kim-jong-un']],
    ['Kim', ['kim-jong-il', 'kim-jong-un']],
    ['the Libya model', ['libya-model']],
    ['the Libya-model', ['libya-model']],
    ['denuclearization', ['denuclearisation']],
    ['denuclearized', ['denuclearisation']],
    ['froze', ['freeze']],
    ['nuclear freezes', ['freeze']],
    ['U.S.', ['united-states']],
    ['ICBMs', ['icbm']],
    ['intercontinental ballistic missiles', ['icbm']],
    ['DPRK', ['north-korea']],
  ])('%s → %j', (text, ids) => {
    expect(lookupAlias(index, text)).toEqual(ids);
  });

  it('finds nothing for text no entry claims, nor for near misses (lookup is exact)', () => {
    expect(lookupAlias(index, 'Kim Kardashian')).toEqual([]);
    expect(lookupAlias(index, 'Libya mode')).toEqual([]);
    expect(lookupAlias(index, '')).toEqual([]);
    expect(lookupAlias(index, 'the')).toEqual([]);
  });

  it('does not pluralise acronyms whose expansion is uncountable', () => {
    const k = buildAliasIndex({ ...kb, entries: [entry('cvid', ['CVID', 'complete, verifiable, irreversible denuclearisation'])] });
    expect(lookupAlias(k, 'CVID')).toEqual(['cvid']);
    expect(lookupAlias(k, 'CVIDs')).toEqual([]);
  });

  it('lists every name of an entry with the list it comes from', () => {
    const names = entryNames(kb.entries[4]!);
    expect(names).toEqual([
      { text: 'nuclear freeze', list: 'label' },
      { text: 'nuclear freeze', list: 'alias' },
      { text: 'freeze', list: 'contextual' },
    ]);
  });
});
