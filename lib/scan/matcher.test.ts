import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fold } from '../text/fold';
import { compileMatcher, type Matcher } from './matcher';
import { decodePatternTable } from './pattern-codec';
import type { CaseRule, Pattern, PatternTable } from './types';

function pat(form: string, caseRule: CaseRule = 'any', entry = form): Pattern {
  return { text: fold(form), form, caseRule, kind: 'full', entries: [entry] };
}
function table(...patterns: Pattern[]): PatternTable {
  return { version: 1, patterns };
}
/** Each match as [the text it covers, the form of its pattern]. */
function hits(m: Matcher, t: PatternTable, text: string): [string, string][] {
  return m.find(text).map((x) => [text.slice(x.start, x.end), t.patterns[x.pattern]!.form]);
}

const KB = table(
  pat('Kim Jong Un', 'initial'),
  pat('Kim Jong-un', 'initial'),
  pat('Kim', 'initial'),
  pat('Jong Un', 'initial'),
  pat('North Korea', 'initial'),
  pat('South Korea', 'initial'),
  pat('Korea', 'initial'),
  pat('denuclearisation'),
  pat('complete, verifiable, irreversible denuclearisation'),
  pat('CVID', 'exact'),
  pat('US', 'exact'),
  pat('ICBM', 'exact'),
  pat('Bolton', 'initial'),
  pat('Moon', 'initial'),
  pat('Washington', 'initial'),
  pat('Libya model'),
  pat('New Year\u2019s address'),
);
const m = compileMatcher(KB);
const find = (text: string) => hits(m, KB, text);

describe('overlaps: leftmost-longest, non-overlapping', () => {
  it('prefers the full name over its parts', () => {
    expect(find('Kim Jong Un arrived.')).toEqual([['Kim Jong Un', 'Kim Jong Un']]);
  });
  it('prefers the whole CVID phrase over the word inside it', () => {
    expect(find('the goal of complete, verifiable, irreversible denuclearisation, or CVID')).toEqual([
      ['complete, verifiable, irreversible denuclearisation', 'complete, verifiable, irreversible denuclearisation'],
      ['CVID', 'CVID'],
    ]);
  });
  it('finds adjacent aliases both', () => {
    expect(find('North Korea South Korea')).toEqual([
      ['North Korea', 'North Korea'],
      ['South Korea', 'South Korea'],
    ]);
  });
  it('falls back to the shorter alias when the longer one breaks off', () => {
    expect(find('Kim Jong Il and Kim Jong Un')).toEqual([
      ['Kim', 'Kim'],
      ['Kim Jong Un', 'Kim Jong Un'],
    ]);
    expect(find('Kim Jong Kim Jong Un')).toEqual([
      ['Kim', 'Kim'],
      ['Kim Jong Un', 'Kim Jong Un'],
    ]);
  });
  it('takes a later, shorter alias that lies inside a longer one still in progress', () => {
    const t = table(pat('a b c d e'), pat('a'), pat('c'));
    expect(hits(compileMatcher(t), t, 'a b c x')).toEqual([
      ['a', 'a'],
      ['c', 'c'],
    ]);
  });
  it('picks the first valid pattern in table order for the same text', () => {
    const t = table(pat('Moon', 'exact', 'shout'), pat('Moon', 'initial', 'president'), pat('moon', 'any', 'sky'));
    const mm = compileMatcher(t);
    expect(mm.find('Moon').map((x) => x.pattern)).toEqual([0]);
    expect(mm.find('MOON').map((x) => x.pattern)).toEqual([1]);
    expect(mm.find('moon').map((x) => x.pattern)).toEqual([2]);
  });
});

describe('case rules', () => {
  it('exact: acronyms only in their own case', () => {
    expect(find('the US and us and Us, CVID not cvid, ICBMs no, ICBM yes')).toEqual([
      ['US', 'US'],
      ['CVID', 'CVID'],
      ['ICBM', 'ICBM'],
    ]);
  });
  it('initial: the first letter must be a capital', () => {
    expect(find('the moon, President Moon, bolton, Bolton, BOLTON, washington')).toEqual([
      ['Moon', 'Moon'],
      ['Bolton', 'Bolton'],
      ['BOLTON', 'Bolton'],
    ]);
  });
  it('any: every case', () => {
    expect(find('DENUCLEARISATION and Denuclearisation and denuclearisation').length).toBe(3);
  });
  it('a failed case rule lets a shorter alias at the same place through', () => {
    const t = table(pat('US Army', 'exact'), pat('us'));
    expect(hits(compileMatcher(t), t, 'us army')).toEqual([['us', 'us']]);
  });
});

describe('word boundaries', () => {
  it('does not match inside words', () => {
    expect(find('Kimberly plays a USB game in Washingtonville; Koreans')).toEqual([]);
  });
  it('treats apostrophes and hyphens as boundaries (possessives, compounds)', () => {
    expect(find("North Korea's, Kim\u2019s, anti-US, US-led")).toEqual([
      ['North Korea', 'North Korea'],
      ['Kim', 'Kim'],
      ['US', 'US'],
      ['US', 'US'],
    ]);
  });
  it('treats letters of any script and digits as word characters', () => {
    expect(find('KimÉ Kim2 ÉKim 김Kim Kim')).toEqual([['Kim', 'Kim']]);
  });
});

describe('whitespace, soft hyphens, Unicode punctuation', () => {
  it('one space in a pattern matches any whitespace run, offsets index the original text', () => {
    const text = 'Meet Kim\n  Jong\u00a0Un today';
    const [match] = m.find(text);
    expect(match).toEqual({ start: 5, end: 18, pattern: 0 });
    expect(text.slice(match!.start, match!.end)).toBe('Kim\n  Jong\u00a0Un');
  });
  it('skips soft hyphens and zero-width spaces inside a word, and the match spans them', () => {
    const text = 'full denuclear\u00adisation and denu\u200bclear\u00adisation';
    expect(find(text)).toEqual([
      ['denuclear\u00adisation', 'denuclearisation'],
      ['denu\u200bclear\u00adisation', 'denuclearisation'],
    ]);
  });
  it('does not let a soft hyphen hide a word boundary', () => {
    expect(find('Kim\u00adberly')).toEqual([]);
  });
  it('matches Unicode dashes and quotes against ASCII in patterns, and back', () => {
    expect(find('Kim Jong\u2011un met')).toEqual([['Kim Jong\u2011un', 'Kim Jong-un']]);
    expect(find("Kim's New Year's address")).toEqual([
      ['Kim', 'Kim'],
      ["New Year's address", 'New Year\u2019s address'],
    ]);
  });
  it('tolerates untidy patterns: doubled, leading or trailing spaces and SOFT in the table', () => {
    const t = table({ text: ' kim  jong\u00ad un ', form: ' Kim  Jong\u00ad Un ', caseRule: 'initial', kind: 'full', entries: ['kju'] });
    expect(hits(compileMatcher(t), t, 'so Kim Jong Un said')).toEqual([['Kim Jong Un', ' Kim  Jong\u00ad Un ']]);
  });
  it('folds diacritics and full case', () => {
    expect(find('DÉNUCLÉARISATION')).toEqual([['DÉNUCLÉARISATION', 'denuclearisation']]);
  });
});

describe('exact offsets and robustness', () => {
  it('reports offsets in the original text', () => {
    const text = '\u201cThe Libya model,\u201d said Bolton.';
    expect(m.find(text)).toEqual([
      { start: 5, end: 16, pattern: 15 },
      { start: 24, end: 30, pattern: 12 },
    ]);
  });
  it('handles empty text, lone surrogates and an empty table', () => {
    expect(m.find('')).toEqual([]);
    // An unpaired surrogate is no letter, so it bounds a word like punctuation does.
    expect(find('\ud800Kim\udc00 \udbffUS\ud800')).toEqual([
      ['Kim', 'Kim'],
      ['US', 'US'],
    ]);
    expect(find('\ud83d\ude00 Kim \ud83d\ude00')).toEqual([['Kim', 'Kim']]);
    expect(compileMatcher(table()).find('Kim Jong Un')).toEqual([]);
    expect(compileMatcher(table(pat(' \u00ad '))).find('   ')).toEqual([]);
  });
  it('scans a megabyte without a space, and one made of pattern prefixes, in one pass', () => {
    expect(m.find('k'.repeat(1 << 20))).toEqual([]);
    const prefixes = 'Kim Jong '.repeat(120_000) + 'Un';
    const found = m.find(prefixes);
    expect(found.length).toBe(120_000);
    expect(prefixes.slice(found.at(-1)!.start)).toBe('Kim Jong Un');
  });
  it('findIter reports the same matches as find and their count', () => {
    const text = 'Kim Jong Un, Bolton and the US on CVID; Moon in Washington.';
    const seen: number[][] = [];
    const count = m.findIter(text, (s, e, p) => seen.push([s, e, p]));
    expect(seen).toEqual(m.find(text).map((x) => [x.start, x.end, x.pattern]));
    expect(count).toBe(6);
  });
  it('can be called again from inside a callback', () => {
    const inner: number[] = [];
    const outer = m.find('Kim Jong Un and Bolton');
    m.findIter('Kim Jong Un and Bolton', () => inner.push(m.find('CVID and US').length));
    expect(inner).toEqual([2, 2]);
    expect(m.find('Kim Jong Un and Bolton')).toEqual(outer);
  });
});

describe('the compact automaton', () => {
  it('falls back from deep inside a broken-off alias to a shorter one that began within it', () => {
    const t = table(pat('alpha beta gamma delta'), pat('gamma epsilon'), pat('beta'));
    expect(hits(compileMatcher(t), t, 'alpha beta gamma epsilon')).toEqual([
      ['beta', 'beta'],
      ['gamma epsilon', 'gamma epsilon'],
    ]);
  });
  it('matches aliases written in scripts beyond Latin, Greek and Cyrillic', () => {
    const t = table(pat('\u91d1\u6b63\u6069'), pat('\ubd81\ud55c'), pat('Kim'));
    expect(hits(compileMatcher(t), t, '\u91d1\u6b63\u6069 \uc704\uc6d0\uc7a5, \ubd81\ud55c; Kim')).toEqual([
      ['\u91d1\u6b63\u6069', '\u91d1\u6b63\u6069'],
      ['\ubd81\ud55c', '\ubd81\ud55c'],
      ['Kim', 'Kim'],
    ]);
  });
  const shipped = join(process.cwd(), 'assets/generated/patterns.json');
  it.skipIf(!existsSync(shipped))('holds the shipped table in a small fraction of a dense table, before and after scanning', () => {
    const big = compileMatcher(decodePatternTable(JSON.parse(readFileSync(shipped, 'utf8'))));
    const { states, classes, bytes } = big.stats;
    const denseTable = states * classes * 2;
    expect(bytes).toBeLessThan(denseTable / 2);
    big.find('North Korea and the United States met in Hanoi; Kim Jong Un left early. '.repeat(50));
    expect(big.stats.bytes).toBeLessThan(denseTable / 2);
  });
});
