import { describe, expect, it } from 'vitest';
import { fold } from '../text/fold';
import { hasCue, isTitleCase, wordAfter, wordBefore } from './words';

describe('neighbouring words', () => {
  it('reads the word before a mention, or none across punctuation and at the start', () => {
    const s = 'Reporting by Stella Kim, then Kim.';
    expect(wordBefore(s, s.indexOf('Kim'))?.text).toBe('Stella');
    expect(wordBefore(s, s.lastIndexOf('Kim'))?.folded).toBe('then');
    expect(wordBefore('Kim said', 0)).toBeNull();
    expect(wordBefore('in Seoul. Kim said', 10)).toBeNull();
    expect(wordBefore('Mr. Kim said', 4)?.folded).toBe('mr');
    expect(wordBefore('the Trump-Kim summit', 10)).toBeNull();
  });

  it('reads the word after a mention, or none before a possessive or punctuation', () => {
    expect(wordAfter('Kim Yong-hyun resigned', 3)?.text).toBe('Yong-hyun');
    expect(wordAfter("Kim's sister", 3)).toBeNull();
    expect(wordAfter('Kim, who', 3)).toBeNull();
    expect(wordAfter('in Washington D.C. today', 13)?.text).toBe('D.C.');
    expect(wordAfter('Kim said.', 3)?.capitalised).toBe(false);
  });
});

describe('cue words', () => {
  const cues = ['nuclear', 'test'].map(fold);
  it('match as word prefixes anywhere in the sentence but the mention itself', () => {
    expect(hasCue(fold('A freeze on Testing.'), cues, 2, 8)).toBe(true);
    expect(hasCue(fold('A freeze on contests.'), cues, 2, 8)).toBe(false);
    expect(hasCue(fold('nuclear'), cues, 0, 7)).toBe(false);
  });
});

describe('title case', () => {
  it('tells a headline from a sentence that happens to start with names', () => {
    expect(isTitleCase('What Trump Supporters Think Of The Summit')).toBe(true);
    expect(isTitleCase('Bolton Wanderers won the match on Saturday.')).toBe(false);
    expect(isTitleCase('Kim left.')).toBe(false);
  });
});
