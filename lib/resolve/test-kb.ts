/**
 * Test-only helpers: a small hand-written knowledge base, a pattern table built from it, and a
 * naive matcher that turns sentences into candidates, so resolver tests read like pages.
 */
import type { Entry, KnowledgeBase } from '../knowledge/types';
import type { Candidate, CaseRule, Pattern, PatternTable, Zone } from '../scan/types';
import { fold, isWordCode } from '../text/fold';

const CUES_NK = ['nuclear', 'missile', 'test', 'Pyongyang', 'North Korea', 'weapon', 'Kim', 'sanction'];

function entry(e: Partial<Entry> & Pick<Entry, 'id' | 'kind' | 'label' | 'aliases' | 'weight'>): Entry {
  return { definition: `${e.label}.`, related: [], quotes: [], fromSource: true, ...e };
}

export const testKb: KnowledgeBase = {
  source: {
    id: 'test',
    title: 'Test source',
    author: 'A',
    authorRole: 'B',
    publisher: 'C',
    date: '2019',
    licence: 'CC',
    attribution: 'Test',
  },
  entries: [
    entry({ id: 'kim-jong-un', kind: 'actor', label: 'Kim Jong Un', aliases: ['Kim Jong Un', 'Kim Jong-un'], shortNames: ['Kim', 'Chairman Kim'], weight: 3 }),
    entry({ id: 'donald-trump', kind: 'actor', label: 'Donald Trump', aliases: ['Donald Trump'], shortNames: ['Trump'], weight: 1 }),
    entry({ id: 'john-bolton', kind: 'actor', label: 'John Bolton', aliases: ['John Bolton'], shortNames: ['Bolton'], weight: 2 }),
    entry({ id: 'north-korea', kind: 'actor', label: 'North Korea', aliases: ['North Korea', 'North Korean', 'DPRK'], weight: 3 }),
    entry({ id: 'south-korea', kind: 'actor', label: 'South Korea', aliases: ['South Korea', 'South Korean'], weight: 1 }),
    entry({ id: 'pyongyang', kind: 'place', label: 'Pyongyang', aliases: ['Pyongyang'], weight: 3 }),
    entry({ id: 'denuclearisation', kind: 'term', label: 'Denuclearisation', aliases: ['denuclearisation', 'denuclearization', 'denuclearise'], weight: 3 }),
    entry({ id: 'cvid', kind: 'term', label: 'CVID', aliases: ['CVID'], weight: 3 }),
    entry({ id: 'sanctions-relief', kind: 'term', label: 'Sanctions relief', aliases: ['sanctions relief'], weight: 2 }),
    entry({ id: 'libya-model', kind: 'term', label: 'Libya model', aliases: ['Libya model'], weight: 2 }),
    entry({ id: 'iran-deal', kind: 'term', label: 'Iran nuclear deal', aliases: ['Iran nuclear deal'], weight: 1 }),
    entry({
      id: 'testing-moratorium',
      kind: 'term',
      label: 'Testing moratorium',
      aliases: ['testing moratorium'],
      contextual: { aliases: ['moratorium', 'freeze'], cues: CUES_NK },
      weight: 2,
    }),
    entry({
      id: 'breakout',
      kind: 'term',
      label: 'Nuclear breakout',
      aliases: ['nuclear breakout'],
      contextual: { aliases: ['breakout'], cues: CUES_NK },
      weight: 2,
    }),
    entry({
      id: 'moon-jae-in',
      kind: 'actor',
      label: 'Moon Jae-in',
      aliases: ['Moon Jae-in'],
      shortNames: ['Moon', 'President Moon'],
      weight: 2,
    }),
    entry({
      id: 'washington',
      kind: 'place',
      label: 'Washington',
      aliases: ['Washington, DC'],
      contextual: { aliases: ['Washington'], cues: ['Pyongyang', 'North Korea', 'Seoul', 'nuclear', 'Kim', 'talks'] },
      weight: 1,
    }),
    entry({ id: 'ri-yong-ho', kind: 'actor', label: 'Ri Yong Ho', aliases: ['Ri Yong Ho', 'Foreign Minister Ri'], weight: 2 }),
    entry({ id: 'ri-son-gwon', kind: 'actor', label: 'Ri Son Gwon', aliases: ['Ri Son Gwon', 'Foreign Minister Ri'], weight: 2 }),
    entry({ id: 'singapore-summit', kind: 'event', label: 'Singapore summit', aliases: ['Singapore summit', 'Trump-Kim summit'], weight: 3 }),
    entry({
      id: 'hanoi-summit',
      kind: 'event',
      label: 'Hanoi summit',
      aliases: ['Hanoi summit', 'Trump-Kim summit'],
      contextual: { aliases: ['Hanoi'], cues: ['summit', 'Kim', 'Trump'] },
      weight: 3,
    }),
    entry({
      id: 'rogue-state',
      kind: 'term',
      label: 'Rogue state',
      aliases: ['rogue state'],
      contextual: { aliases: ['rogue'], cues: ['North Korea', 'Iran', 'nuclear', 'regime'] },
      weight: 1,
    }),
    entry({
      id: 'nuclear-arsenal',
      kind: 'term',
      label: 'Nuclear arsenal',
      aliases: ['nuclear arsenal'],
      contextual: { aliases: ['arsenal'], cues: CUES_NK },
      weight: 2,
    }),
  ],
  ambiguities: [
    { alias: 'Foreign Minister Ri', entries: ['ri-yong-ho', 'ri-son-gwon'], rule: 'full-name-on-page' },
    { alias: 'Trump-Kim summit', entries: ['singapore-summit', 'hanoi-summit'], rule: 'default', default: 'hanoi-summit' },
  ],
};

function caseRule(alias: string): CaseRule {
  if (!/\p{Ll}/u.test(alias)) return 'exact';
  return /^\p{Lu}/u.test(alias) ? 'initial' : 'any';
}

/** One pattern per folded alias, claimed by every entry that lists it. */
export function buildTestTable(kb: KnowledgeBase): PatternTable {
  const byText = new Map<string, Pattern>();
  const add = (alias: string, kind: Pattern['kind'], id: string): void => {
    const text = fold(alias);
    const p = byText.get(text);
    if (p) {
      if (!p.entries.includes(id)) p.entries.push(id);
      return;
    }
    byText.set(text, { text, form: alias, caseRule: caseRule(alias), kind, entries: [id] });
  };
  for (const e of kb.entries) {
    for (const a of e.aliases) add(a, 'full', e.id);
    for (const a of e.shortNames ?? []) add(a, 'short', e.id);
    for (const a of e.contextual?.aliases ?? []) add(a, 'contextual', e.id);
  }
  return { version: 1, patterns: [...byText.values()] };
}

function caseOk(p: Pattern, written: string): boolean {
  if (p.caseRule === 'exact') return written === p.form;
  if (p.caseRule === 'initial') return written.charAt(0) === p.form.charAt(0);
  return true;
}

/** Longest-first, non-overlapping, whole-word matches (a plural or possessive "s" may follow). */
export function findCandidates(table: PatternTable, sentences: readonly string[], zone: Zone = 'main', zones?: readonly Zone[]): Candidate[] {
  const out: Candidate[] = [];
  sentences.forEach((sentence, si) => {
    const f = fold(sentence);
    const hits: { start: number; end: number; pattern: number }[] = [];
    table.patterns.forEach((p, pi) => {
      for (let i = f.indexOf(p.text); i !== -1; i = f.indexOf(p.text, i + 1)) {
        let end = i + p.text.length;
        if (i > 0 && isWordCode(f.charCodeAt(i - 1))) continue;
        if (f.charAt(end) === 's' && !isWordCode(f.charCodeAt(end + 1))) end++;
        if (end < f.length && isWordCode(f.charCodeAt(end))) continue;
        if (!caseOk(p, sentence.slice(i, i + p.text.length))) continue;
        hits.push({ start: i, end: i + p.text.length, pattern: pi });
      }
    });
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    let last = -1;
    for (const h of hits) {
      if (h.start < last) continue;
      last = h.end;
      out.push({ pattern: h.pattern, text: sentence.slice(h.start, h.end), sentence: si, at: h.start, zone: zones?.[si] ?? zone });
    }
  });
  return out;
}
