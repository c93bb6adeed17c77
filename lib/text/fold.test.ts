import { describe, expect, it } from 'vitest';
import { fold, foldCode, isWordCode, SOFT } from './fold';

describe('fold', () => {
  it('keeps length and folds case, quotes, dashes, spaces and diacritics', () => {
    const cases: [string, string][] = [
      ['North Korea’s', "north korea's"],
      ['Kim Jong‑Un', 'kim jong-un'],
      ['CVID—complete', 'cvid-complete'],
      ['Moon\u00a0Jae-in', 'moon jae-in'],
      ['Qaddāfī', 'qaddafi'],
      ['“rogue”', '"rogue"'],
    ];
    for (const [input, want] of cases) {
      expect(fold(input)).toBe(want);
      expect(fold(input)).toHaveLength(input.length);
    }
  });
  it('folds invisible word-internal characters to SOFT', () => {
    expect(foldCode(0x200b)).toBe(SOFT);
    expect(fold('de\u00adnuclear')).toBe('de\u00adnuclear');
  });
  it('never changes the length, even for characters whose lower case is longer', () => {
    const s = 'İstanbul 😀 ß ǅ';
    expect(fold(s)).toHaveLength(s.length);
  });
  it('knows word characters across scripts', () => {
    expect(isWordCode('a'.charCodeAt(0))).toBe(true);
    expect(isWordCode('한'.charCodeAt(0))).toBe(true);
    expect(isWordCode(' '.charCodeAt(0))).toBe(false);
    expect(isWordCode("'".charCodeAt(0))).toBe(false);
    expect(isWordCode(SOFT)).toBe(false);
  });
});
