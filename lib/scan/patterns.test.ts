import { describe, expect, it } from 'vitest';
import type { Entry, KnowledgeBase } from '../knowledge/types';
import { fold } from '../text/fold';
import { ambiguityIndex, buildPatternTable, caseRuleOf } from './patterns';
import type { Pattern } from './types';

function entry(id: string, aliases: string[], more: Partial<Entry> = {}): Entry {
  return { id, kind: 'term', label: aliases[0] ?? id, aliases, definition: 'd', related: [], quotes: [], fromSource: false, weight: 1, ...more };
}
function kbOf(entries: Entry[]): KnowledgeBase {
  return {
    source: { id: 's', title: 't', author: 'a', authorRole: 'r', publisher: 'p', date: '2019', licence: 'l', attribution: 'x' },
    ambiguities: [],
    entries,
  };
}
const kb = kbOf([
  entry('kim-jong-un', ['Kim Jong Un', 'Kim Jong-un'], { kind: 'actor', shortNames: ['Kim', 'Mr Kim'] }),
  entry('kim-jong-il', ['Kim Jong Il'], { kind: 'actor', shortNames: ['Kim'] }),
  entry('cvid', ['CVID', 'complete, verifiable, irreversible denuclearisation']),
  entry('denuclearisation', ['denuclearisation']),
  entry('freeze', ['nuclear freeze'], { contextual: { aliases: ['freeze'], cues: ['nuclear'] } }),
  entry('moon-jae-in', ['Moon Jae-in'], { kind: 'actor', contextual: { aliases: ['Moon'], cues: ['president'] } }),
  entry('moon-landing', ['Moon'], { kind: 'event' }),
  entry('icbm', ['ICBM', 'intercontinental ballistic missile']),
]);
const table = buildPatternTable(kb);
const find = (text: string, kind?: Pattern['kind']) => table.patterns.filter((p) => p.text === text && (!kind || p.kind === kind));

describe('buildPatternTable', () => {
  it('folds every form of every alias, keeping text and form the same length', () => {
    expect(table.version).toBe(1);
    for (const p of table.patterns) {
      expect(p.text).toBe(fold(p.form));
      expect(p.text).toHaveLength(p.form.length);
      expect(p.caseRule).toBe(caseRuleOf(p.form));
    }
  });

  it('generates spelling variants and inflections', () => {
    for (const t of ['denuclearisation', 'denuclearization', 'denuclearised', 'denuclearizing', 'complete, verifiable, irreversible denuclearization',
      'kim jong un', 'kim jong-un', 'mr. kim', 'nuclear freezes', 'froze', 'intercontinental ballistic missiles']) {
      expect(find(t), t).toHaveLength(1);
    }
    expect(find('icbms')[0]).toMatchObject({ form: 'ICBMs', entries: ['icbm'] });
    expect(find('cvids')).toEqual([]);
  });

  it('derives case rules from the form', () => {
    expect(find('cvid')[0]!.caseRule).toBe('exact');
    expect(find('kim jong un')[0]!.caseRule).toBe('initial');
    expect(find('denuclearisation')[0]!.caseRule).toBe('any');
    expect(caseRuleOf('U.S.')).toBe('exact');
    expect(caseRuleOf('X')).toBe('initial');
    expect(caseRuleOf('US-led')).toBe('initial');
    expect(caseRuleOf('3D')).toBe('any'); // one letter is no acronym, and it does not start with a capital
  });

  it('merges an alias that several entries claim with the same kind, and keeps different kinds apart', () => {
    expect(find('kim')).toEqual([{ text: 'kim', form: 'Kim', caseRule: 'initial', kind: 'short', entries: ['kim-jong-il', 'kim-jong-un'] }]);
    expect(find('moon').map((p) => [p.kind, p.entries])).toEqual([
      ['contextual', ['moon-jae-in']],
      ['full', ['moon-landing']],
    ]);
    // "Kim Jong Un" and "Kim Jong-un" are listed once each, but their variants overlap: one pattern per text.
    const texts = table.patterns.map((p) => `${p.text}|${p.caseRule}|${p.kind}`);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('is sorted and deterministic, whatever the order of the entries', () => {
    const again = buildPatternTable(kbOf([...kb.entries].reverse()));
    expect(again).toEqual(table);
    const keys = table.patterns.map((p) => p.text);
    expect(keys).toEqual([...keys].sort());
    expect(JSON.stringify(buildPatternTable(kb))).toBe(JSON.stringify(table));
  });
});

describe('ambiguityIndex', () => {
  it('gives every variant of an ambiguous alias the rule declared for it', () => {
    const summits = kbOf([
      entry('singapore-summit', ['Trump-Kim summit', 'Singapore summit']),
      entry('hanoi-summit', ['Trump-Kim summit', 'Hanoi summit']),
    ]);
    const rule = { alias: 'Trump-Kim summit', entries: ['hanoi-summit', 'singapore-summit'], rule: 'default' as const, default: 'singapore-summit' };
    const index = ambiguityIndex({ ...summits, ambiguities: [rule] });
    const shared = buildPatternTable(summits).patterns.filter((p) => p.entries.length > 1);
    expect(shared.map((p) => p.text).sort()).toEqual(['trump kim summit', 'trump-kim summit']);
    for (const p of shared) expect(index.get(p.text)).toBe(rule);
  });
});
