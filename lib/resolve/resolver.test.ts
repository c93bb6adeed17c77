import { describe, expect, it, vi } from 'vitest';
import type { Zone } from '../scan/types';
import { loadCompromise, type LoadNlp } from './nlp';
import { createResolver, type ResolveResult } from './resolver';
import type { FrameState } from './state';
import { buildTestTable, findCandidates, testKb } from './test-kb';

const table = buildTestTable(testKb);

interface RunOptions {
  force?: boolean;
  batch?: number;
  prev?: FrameState | null;
  zones?: Zone[];
  loadNlp?: LoadNlp;
}

async function run(sentences: string[], o: RunOptions = {}): Promise<ResolveResult & { marks: [string, string | null][] }> {
  const resolver = createResolver(testKb, table, { loadNlp: o.loadNlp ?? loadCompromise });
  const candidates = findCandidates(table, sentences, 'main', o.zones);
  const r = await resolver.resolve(o.prev ?? null, { batch: o.batch ?? 0, force: o.force ?? true, sentences, candidates });
  return { ...r, marks: candidates.map((c, i) => [c.text, r.verdicts[i] ?? null]) };
}

/** The verdict for the first candidate written exactly `text`. */
function verdict(r: { marks: [string, string | null][] }, text: string): string | null | undefined {
  return r.marks.find(([t]) => t === text)?.[1];
}

const NAMED = 'Kim Jong Un met Donald Trump and John Bolton.';

describe('short names follow the full name', () => {
  it('drops "Kim" on a page that never names Kim Jong Un', async () => {
    const r = await run(['Kim warned that talks would stall.']);
    expect(verdict(r, 'Kim')).toBeNull();
    expect(r.state.entries['kim-jong-un']).toBeUndefined();
  });

  it('accepts "Kim" when the page names Kim Jong Un, even later in the same batch', async () => {
    const r = await run(['Kim warned that talks would stall.', NAMED]);
    expect(verdict(r, 'Kim')).toBe('kim-jong-un');
    expect(r.state.entries['kim-jong-un']?.count).toBe(2);
  });

  it.each([
    ['Kim Kardashian posted a photo of the parade.', 'Kim'],
    ['Arnold Kim runs a popular Apple news site.', 'Kim'],
    ['Reporting by Stella Kim in Seoul.', 'Kim'],
    ['Defense Minister Kim Yong-hyun resigned over the decree.', 'Kim'],
    ['Bolton Wanderers won the match on Saturday.', 'Bolton'],
    ['Ivanka Trump visited the factory.', 'Trump'],
    ['Kim Kardashian Posts Photo From Paris Fashion Week', 'Kim'],
    ['Chelsea Handler Will Not Interview Melania Trump', 'Trump'],
  ])('does not mark a short name inside another name: %s', async (sentence, text) => {
    const r = await run([NAMED, sentence]);
    expect(r.marks.filter(([t]) => t === text).map(([, v]) => v)).toEqual([null]);
  });

  it.each([
    ['Chairman Kim met the envoy.', 'Chairman Kim', 'kim-jong-un'],
    ['Mr. Kim said the talks were useful.', 'Kim', 'kim-jong-un'],
    ['North Korean leader Kim said no.', 'Kim', 'kim-jong-un'],
    ["North Korea's Kim said no.", 'Kim', 'kim-jong-un'],
    ['Kim warned that North Korea would seek new ways.', 'Kim', 'kim-jong-un'],
    ['But Kim refused.', 'Kim', 'kim-jong-un'],
    ['President Trump tweeted about it.', 'Trump', 'donald-trump'],
    ['Trump Meets Kim In Hanoi', 'Kim', 'kim-jong-un'],
    ['Bolton said the Libya model applied.', 'Bolton', 'john-bolton'],
    ['Talks with Kim resumed in Washington Monday.', 'Kim', 'kim-jong-un'],
    ['What Trump Supporters Think Of The Summit', 'Trump', 'donald-trump'],
    ['Will Ask Trump To Block The Deal', 'Trump', 'donald-trump'],
  ])('marks a short name standing on its own: %s', async (sentence, text, id) => {
    const r = await run([NAMED, sentence]);
    expect(r.marks.filter(([t]) => t === text).map(([, v]) => v)).toContain(id);
  });
});

describe('common words count only in the nuclear sense', () => {
  it('freeze: a weather warning is not a testing freeze', async () => {
    const r = await run([
      'A freeze warning is in effect for the county tonight.',
      'North Korea agreed to a freeze on nuclear testing.',
      'Pyongyang would freeze its missile programme.',
      'A freeze agreement on missile tests is an incremental step.',
      'After the nuclear talks, a freeze warning was issued for Seoul.',
    ]);
    expect(r.marks.filter(([t]) => t === 'freeze').map(([, v]) => v)).toEqual([
      null,
      'testing-moratorium',
      'testing-moratorium',
      'testing-moratorium',
      null,
    ]);
  });

  it('breakout: a conference session is not a nuclear breakout', async () => {
    const r = await run([
      'The breakout session on missile defence starts at noon.',
      'North Korea was on the verge of a nuclear weapons breakout.',
    ]);
    expect(r.marks.filter(([t]) => t === 'breakout').map(([, v]) => v)).toEqual([null, 'breakout']);
  });

  it('Moon: the moon is not President Moon', async () => {
    const r = await run([
      'Moon Jae-in flew to Pyongyang.',
      'Astronauts landed on the Moon.',
      'President Moon met Kim Jong Un.',
      'Moon said the summit was a success.',
      'Keith Moon played drums.',
      'The Moon government wants talks.',
      'A full Moon rose over Seoul.',
    ]);
    expect(r.marks.filter(([t]) => t.includes('Moon')).map(([t, v]) => [t, v])).toEqual([
      ['Moon Jae-in', 'moon-jae-in'],
      ['Moon', null],
      ['President Moon', 'moon-jae-in'],
      ['Moon', 'moon-jae-in'],
      ['Moon', null],
      ['Moon', 'moon-jae-in'],
      ['Moon', null],
    ]);
  });

  it('Hanoi: the summit city, not the Hanoi Hilton', async () => {
    const r = await run(['Kim travelled to Hanoi for the summit.', 'The Hanoi Hilton held prisoners before any summit.']);
    expect(r.marks.filter(([t]) => t === 'Hanoi').map(([, v]) => v)).toEqual(['hanoi-summit', null]);
  });

  it('adjectives by nature keep their sense; a common word written as a name does not', async () => {
    const r = await run([
      'Washington faces two rogue regimes with nuclear ambitions.',
      'Fans of Arsenal cheered as the missile test news broke.',
      'Its nuclear arsenal keeps growing with every missile test.',
    ]);
    expect(verdict(r, 'rogue')).toBe('rogue-state');
    expect(verdict(r, 'Arsenal')).toBeNull();
    expect(verdict(r, 'arsenal')).toBeUndefined(); // "nuclear arsenal" is the full name
    expect(verdict(r, 'nuclear arsenal')).toBe('nuclear-arsenal');
  });

  it('Washington: George Washington and the Washington Post are not the US government', async () => {
    const r = await run([
      'George Washington never faced a nuclear power.',
      'The Washington Post reported on the North Korea talks.',
      'Washington and Pyongyang remain far apart.',
      'Washington wants a deal.',
    ]);
    expect(r.marks.filter(([t]) => t === 'Washington').map(([, v]) => v)).toEqual([null, null, 'washington', null]);
  });
});

describe('ambiguity rules', () => {
  it('full-name-on-page: the candidate the page names most, or nothing', async () => {
    const none = await run(['Foreign Minister Ri arrived.']);
    expect(verdict(none, 'Foreign Minister Ri')).toBeNull();
    const one = await run(['Ri Son Gwon spoke.', 'Ri Yong Ho spoke.', 'Ri Yong Ho left.', 'Foreign Minister Ri arrived.']);
    expect(verdict(one, 'Foreign Minister Ri')).toBe('ri-yong-ho');
  });

  it('default: the default unless another candidate is named in full', async () => {
    const plain = await run(['The Trump-Kim summit ended early.']);
    expect(verdict(plain, 'Trump-Kim summit')).toBe('hanoi-summit');
    const other = await run(['The Singapore summit set the tone.', 'The Trump-Kim summit ended early.']);
    expect(verdict(other, 'Trump-Kim summit')).toBe('singapore-summit');
  });
});

describe('relevance and status', () => {
  const nkArticle = [
    'North Korea fired a ballistic missile on Tuesday, the first test since the Hanoi summit.',
    'Pyongyang has resisted calls for denuclearisation.',
    'Kim Jong Un said North Korea would not give up its weapons without sanctions relief.',
  ];

  it('annotates an article about North Korea without being forced', async () => {
    const r = await run(nkArticle, { force: false });
    expect(r.status).toBe('annotated');
    expect(verdict(r, 'Pyongyang')).toBe('pyongyang');
  });

  it('does not annotate a page that names North Korea once in a country list, but records it', async () => {
    const sentences = ['Choose your country.', 'Norway', 'North Korea', 'Oman', 'Read our guide to ad formats.'];
    const r = await run(sentences, { force: false, zones: ['main', 'aside', 'aside', 'aside', 'main'] });
    expect(r.status).toBe('not-relevant');
    expect(r.verdicts.every((v) => v === null)).toBe(true);
    expect(r.state.entries['north-korea']?.count).toBe(1);
  });

  it('does not annotate an unrelated article with one North Korea headline in the sidebar', async () => {
    const sentences = [
      'Obama said gun laws are his biggest frustration.',
      'North Korea contradicts Trump on why the Hanoi summit fell apart',
      'Pyongyang says sanctions relief was its only demand',
    ];
    const r = await run(sentences, { force: false, zones: ['main', 'aside', 'aside'] });
    expect(r.status).toBe('not-relevant');
  });

  it('does not annotate South Korean domestic politics that mentions North Korea twice', async () => {
    const sentences = [
      'South Korean lawmakers failed to impeach the president.',
      'Defense Minister Kim Yong-hyun resigned after the decree.',
      'The president said he acted to protect South Korea from North Korea sympathisers.',
      'Protesters gathered in Seoul as North Korea watched.',
      'Kim Yong-hyun apologised.',
    ];
    const r = await run(sentences, { force: false });
    expect(r.status).toBe('not-relevant');
    expect(r.state.entries['kim-jong-un']).toBeUndefined();
  });

  it('force annotates a page that is not relevant', async () => {
    const r = await run(['Choose your country.', 'North Korea'], { force: true });
    expect(r.status).toBe('annotated');
    expect(verdict(r, 'North Korea')).toBe('north-korea');
  });

  it('stays relevant for later batches, and says when it became relevant late', async () => {
    const first = await run(['A story about North Korea.'], { force: false });
    expect(first.status).toBe('not-relevant');
    const second = await run(nkArticle, { force: false, batch: 1, prev: first.state });
    expect(second.status).toBe('annotated');
    expect(second.becameRelevant).toBe(true);
    const third = await run(['Trump Jr. is not in this story, but Kim Jong Un is.'], { force: false, batch: 2, prev: second.state });
    expect(third.status).toBe('annotated');
    expect(third.becameRelevant).toBe(false);
    expect(verdict(third, 'Kim Jong Un')).toBe('kim-jong-un');
  });
});

describe('frame state', () => {
  it('survives a JSON round trip and accumulates across batches', async () => {
    const first = await run([NAMED], { force: false });
    const stored = JSON.parse(JSON.stringify(first.state)) as FrameState;
    const second = await run(['Kim left.', 'North Korea and Pyongyang again.'], { force: false, batch: 1, prev: stored });
    expect(verdict(second, 'Kim')).not.toBeUndefined();
    expect(second.state.entries['kim-jong-un']).toMatchObject({ count: 2, mentions: ['Kim Jong Un', 'Kim'] });
    expect(second.state.batches).toBe(2);
    expect(first.state.entries['kim-jong-un']?.count).toBe(1); // the previous state is not mutated
  });

  it('batch 0 forgets the previous document', async () => {
    const first = await run([NAMED]);
    const again = await run(['Kim left.'], { batch: 0, prev: first.state });
    expect(verdict(again, 'Kim')).toBeNull();
    expect(again.state.batches).toBe(1);
  });

  it('starts afresh from a stored state it does not recognise', async () => {
    const r = await run(['Kim left.'], { batch: 3, prev: { v: 0 } as unknown as FrameState });
    expect(r.state.batches).toBe(1);
    expect(verdict(r, 'Kim')).toBeNull();
  });

  it('ignores candidates that point at no pattern or sentence', async () => {
    const resolver = createResolver(testKb, table, { loadNlp: loadCompromise });
    const r = await resolver.resolve(null, {
      batch: 0,
      force: true,
      sentences: ['x'],
      candidates: [
        { pattern: 9999, text: 'x', sentence: 0, at: 0, zone: 'main' },
        { pattern: 0, text: 'x', sentence: 7, at: 0, zone: 'main' },
      ],
    });
    expect(r.verdicts).toEqual([null, null]);
  });
});

describe('compromise is loaded only when a candidate needs it', () => {
  it('parses each sentence at most once per call', async () => {
    const parsed: string[] = [];
    const loadNlp: LoadNlp = async () => {
      const parse = await loadCompromise();
      return (s) => (parsed.push(s), parse(s));
    };
    const sentence = 'Stella Kim and Arnold Kim and Kim Kardashian met.';
    await run([NAMED, sentence], { loadNlp });
    expect(parsed).toEqual([sentence]);
  });

  it('never for pages decided by the dictionary alone', async () => {
    const loadNlp = vi.fn(loadCompromise);
    const r = await run(
      [NAMED, 'But Kim refused, said President Trump.', 'Kim left for Pyongyang.', 'A freeze warning is in effect tonight.'],
      { loadNlp },
    );
    expect(verdict(r, 'Kim')).toBe('kim-jong-un');
    expect(verdict(r, 'freeze')).toBeNull();
    expect(loadNlp).not.toHaveBeenCalled();
  });

  it('never for a page that is not relevant, even with short names and common words to judge', async () => {
    const sentences = [
      'Kim Jong Un visited a fertiliser factory.',
      'Kim later said the plant was a model for the nation.',
      'After the nuclear talks, a freeze warning was issued for Seoul.',
    ];
    const loadNlp = vi.fn(loadCompromise);
    const r = await run(sentences, { force: false, loadNlp });
    expect(r.status).toBe('not-relevant');
    expect(loadNlp).not.toHaveBeenCalled();
    expect(r.state.entries['kim-jong-un']?.count).toBe(1); // the full name is still recorded
    // The same page annotated anyway does consult compromise, and the weather stays unmarked.
    const forcedLoad = vi.fn(loadCompromise);
    const forced = await run(sentences, { force: true, loadNlp: forcedLoad });
    expect(forcedLoad).toHaveBeenCalledTimes(1);
    expect(verdict(forced, 'Kim')).toBe('kim-jong-un');
    expect(verdict(forced, 'freeze')).toBeNull();
  });

  it('falls back to the dictionary when compromise fails to load', async () => {
    const r = await run([NAMED, 'Stella Kim reported.', 'But Kim refused.'], { loadNlp: () => Promise.reject(new Error('chunk failed')) });
    expect(r.marks.filter(([t]) => t === 'Kim').map(([, v]) => v)).toEqual([null, 'kim-jong-un']);
  });

  it('once per resolver when short names or common words need a second opinion', async () => {
    const loadNlp = vi.fn(loadCompromise);
    const resolver = createResolver(testKb, table, { loadNlp });
    const sentences = [NAMED, 'Stella Kim reported.', 'Kim Kardashian posted.', 'North Korea agreed to a freeze on testing.'];
    const candidates = findCandidates(table, sentences);
    await resolver.resolve(null, { batch: 0, force: true, sentences, candidates });
    await resolver.resolve(null, { batch: 0, force: true, sentences, candidates });
    expect(loadNlp).toHaveBeenCalledTimes(1);
  });
});
