import { describe, expect, it } from 'vitest';
import { hasTag, loadCompromise, SentenceTagger } from './nlp';

describe('SentenceTagger', () => {
  const sentences = ['Defense Minister Kim Yong-hyun resigned.', 'A freeze on nuclear testing.'];

  it('finds the terms around a mention by offset', async () => {
    const tagger = new SentenceTagger(sentences, loadCompromise);
    const kim = await tagger.at(0, 17, 3);
    expect(kim?.term.text).toBe('Kim');
    expect(hasTag(kim?.before, 'Person', 'Honorific', 'Actor')).toBe(true);
    expect(kim?.after?.text).toMatch(/^Yong/);
    const freeze = await tagger.at(1, 2, 6);
    expect(hasTag(freeze?.term, 'Noun')).toBe(true);
    expect(freeze?.after?.text).toBe('on');
  });

  it('stops parsing when the call budget is spent, so a huge page cannot stall the worker', async () => {
    const tagger = new SentenceTagger(sentences, loadCompromise, 1);
    expect(await tagger.at(0, 17, 3)).not.toBeNull();
    expect(await tagger.at(1, 2, 6)).toBeNull();
    expect(await tagger.at(0, 17, 3)).not.toBeNull(); // already parsed: still answered
  });
});
