import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentenceAround, wordAfter, wordBefore } from './sentences';

const ARTICLE = readFileSync(join(__dirname, '../../assets/source/litwak-2019-trump-kim-summit-ii.txt'), 'utf8');

/** The sentence around the n-th occurrence of `mention` in `text`, checking `at` on the way. */
function around(text: string, mention: string, nth = 0, max?: number): string {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(mention, start + 1);
  expect(start).toBeGreaterThanOrEqual(0);
  const { sentence, at } = sentenceAround(text, start, start + mention.length, max);
  expect(sentence.slice(at, at + mention.length)).toBe(mention);
  return sentence;
}

describe('sentenceAround on the source article', () => {
  it('finds the sentence in the middle of a paragraph', () => {
    expect(around(ARTICLE, 'Haspel')).toBe(
      'As CIA Director Gina Haspel has observed, North Korea values its nuclear deterrent \u201cas essential to \u2026 regime survival.\u201d',
    );
  });
  it('ends at a closing quote after the full stop and starts after the previous one', () => {
    expect(around(ARTICLE, 'Bolton')).toBe(
      'For Washington, it entails the transformational goal of \u201cCVID\u2014complete, verifiable, irreversible denuclearisation,\u201d or what National Security Adviser John Bolton described as the \u201cLibya model.\u201d',
    );
    expect(around(ARTICLE, 'Qaddafi')).toBe(
      'That was a reference to 2003 when Qaddafi agreed to completely dismantle its nuclear infrastructure under US supervision.',
    );
  });
  it('stops at a line break (paragraph start) and does not split at an initial', () => {
    expect(around(ARTICLE, 'Litwak')).toBe('Dr Robert S Litwak is senior vice president of the Wilson Center in Washington, DC.');
    expect(around(ARTICLE, 'Kim Jong Un')).toMatch(/^At the second summit between President Trump and Kim Jong Un, .* out of reach\.$/);
  });
  it('does not split inside "… regime" where a lowercase word follows the ellipsis', () => {
    expect(around(ARTICLE, 'regime survival')).toMatch(/^As CIA Director/);
  });
});

describe('sentenceAround boundaries', () => {
  const text = 'Mr. Kim met U.S. officials in Jan. 2019 on the peninsula. Robert S. Litwak wrote it. Kim Jong Un said. He left! Why? "Because."';
  it('does not split after titles, dotted abbreviations, months or initials', () => {
    expect(around(text, 'officials')).toBe('Mr. Kim met U.S. officials in Jan. 2019 on the peninsula.');
    expect(around(text, 'Litwak')).toBe('Robert S. Litwak wrote it.');
  });
  it('splits after an ordinary word, ! and ?, and before a quote', () => {
    expect(around(text, 'Kim Jong Un')).toBe('Kim Jong Un said.');
    expect(around(text, 'He')).toBe('He left!');
    expect(around(text, 'Why')).toBe('Why?');
    expect(around(text, 'Because')).toBe('"Because."');
  });
  it('does not split before a lowercase word', () => {
    expect(around('The talks ended, e.g. in Hanoi. the summit failed. Then Kim left.', 'Hanoi')).toBe(
      'The talks ended, e.g. in Hanoi. the summit failed.',
    );
  });
  it('splits before a caseless script', () => {
    expect(around('The summit ended. 김정은 위원장은 돌아갔다.', '김정은')).toBe('김정은 위원장은 돌아갔다.');
  });
});

describe('sentenceAround whitespace and clipping', () => {
  it('collapses whitespace and drops soft hyphens outside the mention, keeps the mention verbatim', () => {
    const text = 'Talks   on\u00a0de\u00adnuclear\u00adisation with Kim\n Jong\u00a0Un   went\t nowhere.';
    const mention = 'Kim\n Jong\u00a0Un';
    const start = text.indexOf(mention);
    const { sentence, at } = sentenceAround(text, start, start + mention.length);
    expect(sentence).toBe('Talks on denuclearisation with Kim\n Jong\u00a0Un went nowhere.');
    expect(sentence.slice(at, at + mention.length)).toBe(mention);
  });
  it('clips a long sentence around the mention with ellipses on whole words', () => {
    const text = 'It said ' + 'the talks went on and on '.repeat(30) + 'until Bolton left ' + 'and then came back '.repeat(30) + 'to stay.';
    const s = around(text, 'Bolton', 0, 120);
    expect(s.length).toBeLessThanOrEqual(120);
    expect(s.startsWith('\u2026')).toBe(true);
    expect(s.endsWith('\u2026')).toBe(true);
    expect(s).toMatch(/^\u2026(the|talks|went|on|and|until) /);
    expect(s).toMatch(/ (and|then|came|back)\u2026$/);
  });
  it('clips only the long side', () => {
    const text = 'Bolton said ' + 'that the talks would go on '.repeat(40) + 'forever.';
    const s = around(text, 'Bolton', 0, 100);
    expect(s.startsWith('Bolton said that')).toBe(true);
    expect(s.endsWith('\u2026')).toBe(true);
    expect(s.length).toBeLessThanOrEqual(100);
  });
  it('keeps a mention longer than max whole', () => {
    const mention = 'complete, verifiable, irreversible denuclearisation';
    expect(around(`We want ${mention} now.`, mention, 0, 20)).toBe(`\u2026${mention}\u2026`);
  });
  it('never throws on odd input and looks only near the mention in a huge run', () => {
    expect(sentenceAround('', 0, 0)).toEqual({ sentence: '', at: 0 });
    expect(sentenceAround('Kim', 5, -1).sentence).toBe('Kim');
    const huge = 'x '.repeat(500_000) + 'Kim ' + 'y '.repeat(500_000);
    const start = huge.indexOf('Kim');
    const r = sentenceAround(huge, start, start + 3);
    expect(r.sentence.length).toBeLessThanOrEqual(300);
    expect(r.sentence.slice(r.at, r.at + 3)).toBe('Kim');
  });
});

describe('wordBefore / wordAfter', () => {
  it('returns the neighbouring word', () => {
    expect(wordBefore('Arnold Kim said', 7)).toBe('Arnold');
    expect(wordAfter('Kim Kardashian said', 3)).toBe('Kardashian');
    expect(wordAfter('Kim Yong-hyun said', 3)).toBe('Yong-hyun');
    expect(wordBefore('actress Stella\u00a0 Kim', 16)).toBe('Stella');
    expect(wordBefore("Trump's envoy O\u2019Brien Kim", 22)).toBe('O\u2019Brien');
  });
  it('returns an empty string at punctuation and at the edges', () => {
    expect(wordBefore('In Hanoi, Kim said', 10)).toBe('');
    expect(wordBefore('Kim said', 0)).toBe('');
    expect(wordBefore('Mr. Kim', 4)).toBe('');
    expect(wordAfter('Kim\u2019s envoy', 3)).toBe('');
    expect(wordAfter('met Kim.', 7)).toBe('');
    expect(wordAfter('met Kim', 7)).toBe('');
  });
});
