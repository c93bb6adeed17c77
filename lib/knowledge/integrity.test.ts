import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fold } from '../text/fold';
import { knowledgeBase, entryById, sourceParagraphs, sourceText } from './load';
import { aliasKey, claimedAliases, validateKnowledgeBase } from './schema';
import { ENTRY_KINDS } from './types';

// Plain paths: happy-dom replaces the global URL, which node:url's helpers reject.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');
const SHARED_SOURCE = path.resolve(ROOT, '../shared/sources/litwak-2019-trump-kim-summit-ii.txt');
const { entries } = knowledgeBase;

/** The entries a reader's text names exactly (after folding), by any alias, short name or contextual alias. */
function resolve(text: string): string[] {
  const key = aliasKey(text);
  return entries.filter((e) => claimedAliases(e).some(({ alias }) => aliasKey(alias) === key)).map((e) => e.id);
}

describe('the shipped knowledge base', () => {
  it('validates, read straight from the files', () => {
    const result = validateKnowledgeBase(
      {
        source: JSON.parse(read('assets/source/meta.json')),
        entries: JSON.parse(read('assets/knowledge/entries.json')),
        ambiguities: JSON.parse(read('assets/knowledge/ambiguities.json')),
      },
      read('assets/source/litwak-2019-trump-kim-summit-ii.txt'),
    );
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('has at least 45 entries, of every kind, with unique labels', () => {
    expect(entries.length).toBeGreaterThanOrEqual(45);
    for (const kind of ENTRY_KINDS) expect(entries.filter((e) => e.kind === kind).length, kind).toBeGreaterThan(0);
    const labels = entries.map((e) => fold(e.label));
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });

  it('has the key entries, grounded in the article', () => {
    const grounded = ['cvid', 'libya-model', 'rogue-state', 'transactional-diplomacy', 'transformational-diplomacy', 'fissile-material', 'tests-2017', 'singapore-summit', 'hanoi-summit', 'john-bolton', 'pyongyang', 'denuclearisation', 'testing-moratorium', 'sanctions-relief', 'kim-jong-un'];
    for (const id of grounded) {
      const e = entryById(id);
      expect(e, id).toBeDefined();
      expect(e?.fromSource, id).toBe(true);
      expect(e?.quotes.length, id).toBeGreaterThan(0);
    }
  });

  it('marks what the article does not say as not from the source, with no quotes', () => {
    for (const id of ['yongbyon', 'icbm', 'mike-pompeo', 'moon-jae-in', 'xi-jinping', 'punggye-ri', 'iaea', 'un-security-council', 'kim-jong-il', 'kim-il-sung']) {
      expect(entryById(id)?.fromSource, id).toBe(false);
      expect(entryById(id)?.quotes, id).toEqual([]);
    }
  });

  it('gives every entry related entries and the weights the relevance rules expect', () => {
    for (const e of entries) expect(e.related.length, e.id).toBeGreaterThan(0);
    for (const id of ['kim-jong-un', 'north-korea', 'pyongyang', 'denuclearisation', 'cvid', 'yongbyon']) expect(entryById(id)?.weight, id).toBe(3);
    for (const id of ['wilson-center', 'robert-litwak']) expect(entryById(id)?.weight, id).toBe(0);
  });

  it('shows both sides where they disagree', () => {
    for (const id of ['denuclearisation', 'regime-change', 'nuclear-freeze', 'libya-model']) {
      const sides = entryById(id)?.perspectives?.map((p) => p.side) ?? [];
      expect(sides.length, id).toBeGreaterThanOrEqual(2);
    }
    expect(entryById('denuclearisation')?.perspectives?.map((p) => p.side)).toEqual(['Pyongyang', 'Washington']);
  });

  it('returns undefined for an unknown id', () => {
    expect(entryById('no-such-entry')).toBeUndefined();
  });
});

describe('what a reader types resolves to one entry', () => {
  const table: [string, string][] = [
    ['Gaddafi', 'muammar-qaddafi'],
    ['Qaddafi', 'muammar-qaddafi'],
    ['Gadhafi', 'muammar-qaddafi'],
    ['Kadhafi', 'muammar-qaddafi'],
    ['Muammar Gaddafi', 'muammar-qaddafi'],
    ['Kim Jong Un', 'kim-jong-un'],
    ['Kim Jong-un', 'kim-jong-un'],
    ['KIM JONG‑UN', 'kim-jong-un'], // non-breaking hyphen, shouting case
    ['Chairman Kim', 'kim-jong-un'],
    ['DPRK', 'north-korea'],
    ['Democratic People’s Republic of Korea', 'north-korea'],
    ['North Korea', 'north-korea'],
    ['CVID', 'cvid'],
    ['complete, verifiable and irreversible denuclearisation', 'cvid'],
    ['complete, verifiable, irreversible denuclearisation', 'cvid'],
    ['ICBM', 'icbm'],
    ['intercontinental ballistic missile', 'icbm'],
    ['JCPOA', 'jcpoa'],
    ['Iran deal', 'jcpoa'],
    ['Joint Comprehensive Plan of Action', 'jcpoa'],
    ['President Trump', 'donald-trump'],
    ['Trump', 'donald-trump'],
    ['National Security Adviser John Bolton', 'john-bolton'],
    ['National Security Advisor John Bolton', 'john-bolton'],
    ['Bolton', 'john-bolton'],
    ['CIA Director Gina Haspel', 'gina-haspel'],
    ['Libya model', 'libya-model'],
    ['rogue state', 'rogue-state'],
    ['Yongbyon', 'yongbyon'],
    ['Punggye-ri', 'punggye-ri'],
    ['Moon Jae-in', 'moon-jae-in'],
    ['Moon', 'moon-jae-in'],
    ['Pyongyang', 'pyongyang'],
    ['Korean peninsula', 'korean-peninsula'],
    ['freeze', 'nuclear-freeze'],
    ['moratorium', 'testing-moratorium'],
    ['breakout', 'strategic-breakout'],
    ['fire and fury', 'fire-and-fury'],
    ['Singapore', 'singapore-summit'],
    ['Hanoi', 'hanoi-summit'],
    ['Washington', 'washington'],
    ['sanctions relief', 'sanctions-relief'],
  ];
  it.each(table)('%s → %s', (text, id) => {
    expect(resolve(text)).toEqual([id]);
  });

  it('declares the forms that really are shared, with a rule', () => {
    expect(resolve('Trump–Kim summit').sort()).toEqual(['hanoi-summit', 'singapore-summit']);
    const rule = knowledgeBase.ambiguities.find((a) => aliasKey(a.alias) === aliasKey('Trump-Kim summit'));
    expect(rule).toMatchObject({ rule: 'default', default: 'singapore-summit' });
  });
});

describe('the source article', () => {
  it('covers every actor, state, organisation and place the article names', () => {
    const named = ['Trump', 'Kim Jong Un', 'John Bolton', 'Gina Haspel', 'Qaddafi', 'Robert S Litwak', 'State Department', 'CIA', 'Wilson Center', 'National Security Council', 'North Korea', 'South Korea', 'Japan', 'Iran', 'Iraq', 'Libya', 'Pyongyang', 'Seoul', 'Washington', 'Hanoi', 'Singapore', 'Korean Peninsula', 'Pacific', 'Kim family', 'North Korean state media'];
    for (const name of named) {
      expect(sourceText.includes(name), `${name} is in the article`).toBe(true);
      expect(resolve(name), name).toHaveLength(1);
    }
  });

  it('splits into title, standfirst, paragraphs, author note and licence line', () => {
    const parts = sourceParagraphs();
    expect(parts.title).toBe(knowledgeBase.source.title);
    expect(parts.standfirst).toMatch(/^At the second summit/);
    expect(parts.paragraphs).toHaveLength(14);
    expect(parts.paragraphs[0]).toMatch(/^As President Donald Trump prepares/);
    expect(parts.authorNote).toMatch(/^Dr Robert S Litwak is senior vice president of the Wilson Center/);
    expect(parts.licenceLine).toMatch(/Creative Commons License/);
  });

  it.skipIf(!existsSync(SHARED_SOURCE))('is the verbatim copy of ../shared/sources (skipped when ../shared/sources is absent)', () => {
    expect(sourceText).toBe(readFileSync(SHARED_SOURCE, 'utf8'));
  });
});

describe('the generated pattern table', () => {
  // Spelling variants and inflections are generated (lib/text/variants), so a collision can appear
  // only after generation; every shared generated form must still come from a declared ambiguity.
  it('claims no generated form for two entries unless an ambiguity declares it', async () => {
    const { buildPatternTable } = await import('../scan/patterns');
    const { expandForms } = await import('../text/variants');
    const declared = new Map<string, string>();
    for (const a of knowledgeBase.ambiguities) for (const f of expandForms(a.alias)) declared.set(fold(f), [...a.entries].sort().join(','));
    const shared = buildPatternTable(knowledgeBase).patterns.filter((p) => p.entries.length > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const p of shared) expect(declared.get(p.text), p.text).toBe([...p.entries].sort().join(','));
  });

  it('finds American spellings and inflections of the article’s British forms', async () => {
    const { buildPatternTable } = await import('../scan/patterns');
    const patterns = buildPatternTable(knowledgeBase).patterns;
    const table: [string, string][] = [
      ['denuclearization', 'denuclearisation'],
      ['denuclearized', 'denuclearisation'],
      ['complete, verifiable, irreversible denuclearization', 'cvid'],
      ['warhead miniaturization', 'warhead-miniaturisation'],
      ['behavior change', 'behaviour-change'],
      ['Demilitarized Zone', 'dmz'],
      ['rogue states', 'rogue-state'],
      ['ballistic missiles', 'ballistic-missiles'],
    ];
    for (const [text, id] of table) {
      const ids = patterns.filter((p) => p.text === fold(text)).flatMap((p) => p.entries);
      expect(ids, text).toEqual([id]);
    }
  });
});
