import { describe, expect, it } from 'vitest';
import { attributionText, formatDate, formatShortDate, shortLicence, splitMention } from './format';
import { source } from './testing/fixtures';

describe('format', () => {
  it('formats dates as precise as they are known', () => {
    expect(formatDate('2018-06-12')).toBe('12 June 2018');
    expect(formatDate('2019-02')).toBe('February 2019');
    expect(formatDate('2018-06-01')).toBe('1 June 2018');
    expect(formatDate('2017')).toBe('2017');
    expect(formatDate('2019-13')).toBe('2019-13');
    expect(formatDate('spring 2019')).toBe('spring 2019');
    expect(formatShortDate('2019-02')).toBe('Feb 2019');
    expect(formatShortDate('2019-05')).toBe('May 2019');
  });

  it('attributes the source article in one line', () => {
    expect(attributionText(source)).toBe(
      'From “Trump-Kim Summit II: Setting Realistic Expectations” — Robert S. Litwak, Wilson Center, Feb 2019 · CC licence',
    );
    expect(shortLicence('MIT: some terms')).toBe('MIT');
  });

  it('splits a sentence around its mention, ignoring impossible offsets', () => {
    expect(splitMention('I met Kim today', 6, 3)).toEqual({ before: 'I met ', mention: 'Kim', after: ' today' });
    expect(splitMention('abc', 2, 5).mention).toBe('');
    expect(splitMention('abc', -1, 1).before).toBe('abc');
  });
});
