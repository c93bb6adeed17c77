import { describe, expect, it } from 'vitest';
import { decodePatternTable, encodePatternTable } from './pattern-codec';
import type { PatternTable } from './types';

const table: PatternTable = {
  version: 1,
  patterns: [
    { text: 'cvid', form: 'CVID', caseRule: 'exact', kind: 'full', entries: ['cvid'] },
    { text: 'kim', form: 'Kim', caseRule: 'initial', kind: 'short', entries: ['kim-jong-il', 'kim-jong-un'] },
    { text: "north korea's", form: 'North Korea’s', caseRule: 'initial', kind: 'full', entries: ['north-korea'] },
    { text: 'freeze', form: 'freeze', caseRule: 'any', kind: 'contextual', entries: ['freeze'] },
  ],
};

describe('pattern codec', () => {
  it('round-trips a table exactly', () => {
    expect(decodePatternTable(encodePatternTable(table))).toEqual(table);
  });
  it('is much smaller than JSON', () => {
    const big: PatternTable = { version: 1, patterns: Array.from({ length: 200 }, (_, i) => ({ ...table.patterns[0]!, text: `cvid${i}`, form: `CVID${i}` })) };
    expect(JSON.stringify(encodePatternTable(big)).length).toBeLessThan(JSON.stringify(big).length / 3);
  });
  it('refuses a pattern whose text is not its folded form', () => {
    expect(() => encodePatternTable({ version: 1, patterns: [{ ...table.patterns[0]!, text: 'other' }] })).toThrow(/cannot be encoded/);
  });
});
