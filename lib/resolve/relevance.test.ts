import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCompromise } from './nlp';
import { RELEVANCE_THRESHOLD, repetitionValue, scoreRelevance } from './relevance';
import { createResolver } from './resolver';
import type { EntryTally } from './state';
import { buildTestTable, findCandidates, testKb } from './test-kb';

const weights: Record<string, number> = { nk: 3, kim: 3, pyongyang: 3, trump: 1, seoul: 1, sk: 1 };
const weightOf = (id: string): number => weights[id] ?? 0;
const tally = (main: number, aside = 0): EntryTally => ({ count: main + aside, main, aside, mentions: [] });

describe('relevance score', () => {
  it('counts distinct entries more than repetitions', () => {
    const repeated = scoreRelevance({ nk: tally(4) }, weightOf).score;
    const distinct = scoreRelevance({ nk: tally(2), kim: tally(1), pyongyang: tally(1) }, weightOf).score;
    expect(distinct).toBeGreaterThan(repeated);
    expect(repetitionValue(100)).toBe(repetitionValue(1000));
  });

  it('counts sidebar mentions for little', () => {
    const aside = scoreRelevance({ nk: tally(0, 4), kim: tally(0, 4), pyongyang: tally(0, 4) }, weightOf);
    const main = scoreRelevance({ nk: tally(4), kim: tally(4), pyongyang: tally(4) }, weightOf);
    expect(aside.relevant).toBe(false);
    expect(main.relevant).toBe(true);
    expect(aside.score).toBeLessThan(main.score / 2);
    expect(scoreRelevance({ nk: tally(0, 2) }, weightOf).score).toBeLessThan(RELEVANCE_THRESHOLD / 4);
  });

  it('needs decisive evidence in the main zone, however much else the page says', () => {
    const nbcLike = scoreRelevance({ nk: tally(2), sk: tally(30), seoul: tally(10), trump: tally(40) }, weightOf);
    expect(nbcLike.score).toBeGreaterThanOrEqual(RELEVANCE_THRESHOLD);
    expect(nbcLike.relevant).toBe(false);
  });

  it('a short news item about North Korea is relevant', () => {
    expect(scoreRelevance({ nk: tally(3) }, weightOf).relevant).toBe(true);
    expect(scoreRelevance({ nk: tally(1), pyongyang: tally(1), trump: tally(1) }, weightOf).relevant).toBe(true);
  });

  it('one passing mention is not', () => {
    expect(scoreRelevance({ nk: tally(1), trump: tally(20) }, weightOf).relevant).toBe(false);
    expect(scoreRelevance({ nk: tally(0, 1) }, weightOf).relevant).toBe(false);
  });

  it('ignores entries of weight 0 and unknown ids', () => {
    expect(scoreRelevance({ zero: tally(50) }, weightOf)).toMatchObject({ score: 0, relevant: false });
  });
});

describe('the source article', () => {
  it('is relevant and its key entries are marked', async () => {
    const path = join(process.cwd(), 'assets/source/litwak-2019-trump-kim-summit-ii.txt');
    const sentences = readFileSync(path, 'utf8')
      .split(/(?<=[.!?”])\s+(?=[A-Z“])/u)
      .filter((s) => s.trim());
    const table = buildTestTable(testKb);
    const candidates = findCandidates(table, sentences);
    const r = await createResolver(testKb, table, { loadNlp: loadCompromise }).resolve(null, {
      batch: 0,
      force: false,
      sentences,
      candidates,
    });
    expect(r.status).toBe('annotated');
    for (const id of ['north-korea', 'kim-jong-un', 'pyongyang', 'denuclearisation', 'cvid', 'testing-moratorium', 'john-bolton', 'libya-model']) {
      expect(r.state.entries[id]?.count, id).toBeGreaterThan(0);
    }
    // "Kim" alone is marked: the article names Kim Jong Un in full.
    expect(r.state.entries['kim-jong-un']?.mentions).toContain('Kim');
    // "such a freeze would complicate US alliance relationships": a freeze in the nuclear sense.
    expect(r.state.entries['testing-moratorium']?.mentions).toContain('freeze');
  });
});
