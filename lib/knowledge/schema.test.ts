import { afterEach, describe, expect, it, vi } from 'vitest';
import { aliasKey, validateKnowledgeBase, type RawKnowledge } from './schema';
import { parseSourceText } from './source-text';

const SOURCE = [
  'A Small Title',
  'A standfirst about the “rogue” state.',
  'For Washington, it entails “CVID—complete, verifiable, irreversible denuclearisation,” or the “Libya model.”',
  'That was a reference to 2003 when Qaddafi agreed to dismantle it.',
  'The author is a fellow.',
  'Licence line.',
].join('\n');

const meta = () => ({
  id: 'src',
  title: 'A Small Title',
  author: 'An Author',
  authorRole: 'Fellow',
  publisher: 'A Publisher',
  date: '2019-02',
  licence: 'CC',
  attribution: 'From A Small Title by An Author.',
});

/** A valid miniature knowledge base; each failing case below breaks exactly one thing in it. */
function mini(): { source: Record<string, unknown>; entries: Record<string, unknown>[]; ambiguities: Record<string, unknown>[] } {
  return {
    source: meta(),
    entries: [
      {
        id: 'cvid',
        kind: 'term',
        label: 'CVID',
        aliases: ['CVID', 'complete, verifiable, irreversible denuclearisation'],
        definition: 'Washington’s demand for full, checked, permanent disarmament.',
        related: ['libya-model'],
        quotes: ['“CVID—complete, verifiable, irreversible denuclearisation,”'],
        fromSource: true,
        weight: 3,
      },
      {
        id: 'libya-model',
        kind: 'term',
        label: 'Libya model',
        aliases: ['Libya model'],
        contextual: { aliases: ['model'], cues: ['libya', 'denuclear'] },
        definition: 'Disarmament first, as Libya agreed in 2003.',
        perspectives: [{ side: 'Pyongyang', view: 'A warning.' }],
        dates: [{ date: '2003-12-19', what: 'Libya agrees' }],
        related: ['cvid', 'qaddafi'],
        quotes: ['That was a reference to 2003 when Qaddafi agreed to dismantle it.'],
        fromSource: true,
        weight: 2,
      },
      {
        id: 'qaddafi',
        kind: 'actor',
        label: 'Muammar Qaddafi',
        aliases: ['Qaddafi', 'Gaddafi'],
        shortNames: ['Colonel'],
        definition: 'Ruler of Libya until 2011.',
        related: ['libya-model'],
        quotes: [],
        fromSource: false,
        weight: 1,
      },
    ],
    ambiguities: [],
  };
}

const run = (raw: RawKnowledge, source = SOURCE) => validateKnowledgeBase(raw, source);
/** The errors of a knowledge base that must be invalid. */
function errorsOf(raw: RawKnowledge): string[] {
  const result = run(raw);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('validateKnowledgeBase', () => {
  it('accepts the miniature knowledge base and returns it typed', () => {
    const result = run(mini());
    expect(result.ok ? [] : result.errors).toEqual([]);
    if (!result.ok) return;
    expect(result.kb.entries.map((e) => e.id)).toEqual(['cvid', 'libya-model', 'qaddafi']);
    expect(result.kb.entries[1]?.contextual).toEqual({ aliases: ['model'], cues: ['libya', 'denuclear'] });
    expect(result.kb.source.title).toBe('A Small Title');
  });

  it('rejects a quote that is not in the article, naming the entry and field', () => {
    const kb = mini();
    kb.entries[0]!.quotes = ['complete, verifiable and irreversible denuclearisation'];
    expect(errorsOf(kb)).toEqual(['entries[0] "cvid".quotes[0]: not found verbatim in the source article']);
  });

  it('rejects a quote whose typography differs from the article (straight quotes for curly)', () => {
    const kb = mini();
    kb.entries[0]!.quotes = ['"CVID—complete, verifiable, irreversible denuclearisation,"'];
    expect(errorsOf(kb).join('\n')).toContain('entries[0] "cvid".quotes[0]: not found verbatim');
  });

  it('rejects an alias that two entries claim unless an ambiguity declares it', () => {
    const kb = mini();
    // "gaddafi" folds alike in both entries even though the case differs.
    (kb.entries[1]!.aliases as string[]).push('GADDAFI');
    const errors = errorsOf(kb);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^entries\[2\] "qaddafi"\.aliases\[1\] "Gaddafi": also claimed by entries\[1\] "libya-model"\.aliases\[1\] "GADDAFI"/);
    expect(errors[0]).toContain('ambiguities.json');

    kb.ambiguities.push({ alias: 'Gaddafi', entries: ['qaddafi', 'libya-model'], rule: 'full-name-on-page' });
    expect(run(kb).ok).toBe(true);
  });

  it('counts short names and contextual aliases as claims too', () => {
    const kb = mini();
    kb.entries[0]!.shortNames = ['Model'];
    expect(errorsOf(kb).join('\n')).toContain('entries[1] "libya-model".contextual.aliases[0] "model": also claimed by entries[0] "cvid".shortNames[0] "Model"');
  });

  it('rejects an ambiguity that names the wrong entries, lacks its default, or is not shared', () => {
    const kb = mini();
    (kb.entries[1]!.aliases as string[]).push('Gaddafi');
    kb.ambiguities.push({ alias: 'Gaddafi', entries: ['qaddafi', 'cvid'], rule: 'default' });
    kb.ambiguities.push({ alias: 'Libya model', entries: ['libya-model', 'cvid'], rule: 'full-name-on-page' });
    const errors = errorsOf(kb).join('\n');
    expect(errors).toContain('ambiguities[0] "Gaddafi".entries: must name exactly the entries that claim the alias: "libya-model", "qaddafi"');
    expect(errors).toContain('ambiguities[0] "Gaddafi".default: missing: the "default" rule needs a default entry');
    expect(errors).toContain('ambiguities[1] "Libya model": not shared: claimed by only "libya-model"');
  });

  it('rejects a related id that does not exist, or the entry itself', () => {
    const kb = mini();
    kb.entries[0]!.related = ['libya-modle', 'cvid'];
    expect(errorsOf(kb)).toEqual([
      'entries[0] "cvid".related[1]: an entry cannot be related to itself',
      'entries[0] "cvid".related[0]: no entry has the id "libya-modle"',
    ]);
  });

  it('rejects an entry without a definition', () => {
    const kb = mini();
    delete kb.entries[2]!.definition;
    expect(errorsOf(kb)).toEqual(['entries[2] "qaddafi".definition: missing']);
    kb.entries[2]!.definition = '   ';
    expect(errorsOf(kb)).toEqual(['entries[2] "qaddafi".definition: must not be empty']);
  });

  it('rejects a definition longer than three sentences', () => {
    const kb = mini();
    kb.entries[2]!.definition = 'He ruled Libya. He gave up his weapons. He fell in 2011. He was killed.';
    expect(errorsOf(kb)).toEqual(['entries[2] "qaddafi".definition: has 4 sentences; keep it to 3']);
  });

  it('requires a quote when fromSource is true, and none when it is false', () => {
    const kb = mini();
    kb.entries[0]!.quotes = [];
    expect(errorsOf(kb)).toEqual(['entries[0] "cvid".quotes: fromSource is true, so at least one quote from the article is needed']);
    const kb2 = mini();
    kb2.entries[2]!.quotes = ['That was a reference to 2003 when Qaddafi agreed to dismantle it.'];
    expect(errorsOf(kb2)).toEqual(['entries[2] "qaddafi".quotes: fromSource is false, so the entry cannot quote the article']);
  });

  it('rejects wrong types and unknown keys (typos)', () => {
    const kb = mini();
    kb.entries[1]!.weight = '2';
    kb.entries[1]!.alias = ['Libyan model'];
    kb.entries[2]!.fromSource = 'no';
    kb.entries[0]!.aliases = 'CVID';
    const errors = errorsOf(kb);
    expect(errors).toContain('entries[1] "libya-model".weight: must be an integer 0–3, not "2"');
    expect(errors).toContain('entries[1] "libya-model".alias: unknown key (a typo?)');
    expect(errors).toContain('entries[2] "qaddafi".fromSource: must be true or false, not string');
    expect(errors).toContain('entries[0] "cvid".aliases: must be an array, not string');
  });

  it('checks id format and uniqueness, kind, weight range, dates and cues', () => {
    const kb = mini();
    kb.entries[0]!.kind = 'concept';
    kb.entries[1]!.weight = 4;
    kb.entries[1]!.dates = [{ date: '2003-02-30', what: 'no such day' }];
    kb.entries[1]!.contextual = { aliases: ['model'], cues: ['Libya'] };
    kb.entries[2]!.id = 'Libya_Model';
    kb.entries.push({ ...mini().entries[0]!, aliases: ['CVID2'] });
    const errors = errorsOf(kb).join('\n');
    expect(errors).toContain('entries[0] "cvid".kind: must be one of actor, term, event, place, not "concept"');
    expect(errors).toContain('entries[1] "libya-model".weight: must be an integer 0–3, not 4');
    expect(errors).toContain('entries[1] "libya-model".dates[0].date: "2003-02-30" is not an ISO date');
    expect(errors).toContain('entries[1] "libya-model".contextual.cues[0]: cue "Libya" must be written folded');
    expect(errors).toContain('entries[2] "Libya_Model".id: "Libya_Model" is not kebab-case');
    expect(errors).toContain('entries[3] "cvid".id: duplicate id, also entries[0] "cvid"');
  });

  it('rejects aliases that are empty, padded, or repeated across one entry’s lists', () => {
    const kb = mini();
    kb.entries[2]!.aliases = ['Qaddafi ', ''];
    kb.entries[2]!.shortNames = ['qaddafi'];
    const errors = errorsOf(kb).join('\n');
    expect(errors).toContain('entries[2] "qaddafi".aliases[0]: has leading or trailing spaces');
    expect(errors).toContain('entries[2] "qaddafi".aliases[1]: must not be empty');
    expect(errors).toContain('entries[2] "qaddafi".shortNames[0]: "qaddafi" repeats aliases[0] of the same entry');
  });

  it('checks the source metadata', () => {
    const kb = mini();
    delete kb.source.attribution;
    kb.source.licence = 3;
    const errors = errorsOf(kb).join('\n');
    expect(errors).toContain('source.attribution: missing');
    expect(errors).toContain('source.licence: must be a string, not number');
  });
});

describe('aliasKey', () => {
  it('treats case, curly quotes, dashes and outer spaces alike', () => {
    expect(aliasKey(' Democratic People’s Republic of Korea ')).toBe(aliasKey("democratic people's republic of korea"));
    expect(aliasKey('Kim Jong‑Un')).toBe(aliasKey('kim jong-un'));
    expect(aliasKey('Kim Jong Un')).not.toBe(aliasKey('Kim Jong-un'));
  });
});

describe('parseSourceText', () => {
  it('splits title, standfirst, paragraphs, author note and licence line', () => {
    const parts = parseSourceText(SOURCE);
    expect(parts.title).toBe('A Small Title');
    expect(parts.standfirst).toMatch(/^A standfirst/);
    expect(parts.paragraphs).toHaveLength(2);
    expect(parts.authorNote).toBe('The author is a fellow.');
    expect(parts.licenceLine).toBe('Licence line.');
  });
  it('refuses a text too short to be an article', () => {
    expect(() => parseSourceText('Title\nBody')).toThrow(/at least 5/);
  });
});

describe('the loader', () => {
  afterEach(() => {
    vi.doUnmock('../../assets/knowledge/entries.json');
    vi.resetModules();
  });
  it('throws an error that lists each problem by entry and field when a data file is malformed', async () => {
    vi.resetModules();
    vi.doMock('../../assets/knowledge/entries.json', () => ({
      default: [{ id: 'cvid', kind: 'term', label: 'CVID', aliases: ['CVID'], definition: 'x', related: [], quotes: ['not in the article at all'], fromSource: true, weight: 9 }],
    }));
    await expect(import('./load')).rejects.toThrow(/entries\[0\] "cvid"\.quotes\[0\]: not found verbatim[\s\S]*entries\[0\] "cvid"\.weight/);
  });
});
