import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, foldCode, isWordCode, SOFT } from '../text/fold';
import { compileMatcher } from './matcher';
import type { CaseRule, Match, Pattern, PatternTable } from './types';

// ---------------------------------------------------------------------------------------------
// The reference: try every pattern at every position, keep what passes, pick leftmost-longest.
// Written on strings, without the automaton's ring buffers or deferred boundary checks.

const SPACE = 0x20;
const isUpper = (ch: string) => ch !== ch.toLowerCase();
const isLower = (ch: string) => ch !== ch.toUpperCase() && ch === ch.toLowerCase();
const hasCase = (ch: string) => ch.toLowerCase() !== ch.toUpperCase();

/** The covered text as the pattern sees it: SOFT dropped, each whitespace run down to its first unit. */
function visible(covered: string): string {
  let out = '';
  for (const ch of covered.split('')) {
    const f = foldCode(ch.charCodeAt(0));
    if (f === SOFT) continue;
    if (f === SPACE && out.length > 0 && foldCode(out.charCodeAt(out.length - 1)) === SPACE) continue;
    out += ch;
  }
  return out;
}

function caseAllows(p: Pattern, covered: string): boolean {
  const seen = visible(covered);
  if (p.caseRule === 'any') return true;
  for (let i = 0; i < p.form.length; i++) {
    const want = p.form[i]!;
    const got = seen[i]!;
    if (!hasCase(want)) continue;
    if (p.caseRule === 'initial') return isUpper(got);
    if (isUpper(want) ? !isUpper(got) : isLower(want) && !isLower(got)) return false;
  }
  return true;
}

function naiveFind(table: PatternTable, text: string): Match[] {
  const n = text.length;
  const F = (i: number) => foldCode(text.charCodeAt(i));
  const endOf = (pt: string, s: number): number => {
    let i = s;
    for (let q = 0; q < pt.length; q++) {
      if (q > 0) while (i < n && F(i) === SOFT) i++;
      if (i >= n) return -1;
      if (pt.charCodeAt(q) === SPACE) {
        if (F(i) !== SPACE) return -1;
        while (i < n && (F(i) === SPACE || F(i) === SOFT)) i++;
        continue;
      }
      if (F(i) !== pt.charCodeAt(q)) return -1;
      i++;
    }
    return i;
  };
  const found: Match[] = [];
  for (let s = 0; s < n; s++) {
    let b = s - 1;
    while (b >= 0 && F(b) === SOFT) b--;
    if (b >= 0 && isWordCode(F(b))) continue;
    table.patterns.forEach((p, index) => {
      const end = endOf(p.text, s);
      if (end < 0) return;
      let a = end;
      while (a < n && F(a) === SOFT) a++;
      if (a < n && isWordCode(F(a))) return;
      if (caseAllows(p, text.slice(s, end))) found.push({ start: s, end, pattern: index });
    });
  }
  found.sort((x, y) => x.start - y.start || y.end - x.end || x.pattern - y.pattern);
  const out: Match[] = [];
  for (const m of found) if (m.start >= (out.at(-1)?.end ?? 0)) out.push(m);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Generators: patterns from realistic fragments; texts from the same fragments in any case,
// mixed with whitespace of every kind, SOFT characters, punctuation and arbitrary code units.

const FRAGMENTS = ['kim', 'jong', 'un', 'ki', 'korea', 'north', 'us', 'u.s.', 'cvid', 'a', 'ab', 'moon', 'é', 'ïcbm', '2018', "n'", 'x-y'];
const JOINS = [' ', '-', "'", ''];
const SEPARATORS = [' ', '  ', '\n', '\u00a0', '\u2009', '\u00ad', '\u200b', '-', '\u2011', '\u2019', "'", '.', ',', '"', '\u201c', 's', 'é', '_', '\ud800', '\udc00', '\ud83d\ude00'];

function recase(s: string, bits: number): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += (bits >> i) & 1 ? s[i]!.toUpperCase() : s[i];
  return out;
}

/** A pattern's form as pages write it: whitespace runs for spaces, SOFT inside words, any case. */
const WS_RUNS = [' ', '  ', '\n', ' \n\t', '\u00a0', '\u2009 ', ' \u00ad '];
const INVISIBLE = ['\u00ad', '\u200b', '\u2060'];
function mangle(form: string, seed: number): string {
  let out = '';
  let r = seed;
  const next = () => (r = (r * 1103515245 + 12345) >>> 0) >>> 16;
  for (const ch of form) {
    if (ch === ' ') out += WS_RUNS[next() % WS_RUNS.length];
    else out += next() % 3 === 0 ? ch.toUpperCase() : next() % 3 === 0 ? ch.toLowerCase() : ch;
    if (ch !== ' ' && next() % 6 === 0) out += INVISIBLE[next() % INVISIBLE.length];
  }
  return out;
}

const casedFragment = fc.tuple(fc.constantFrom(...FRAGMENTS), fc.nat()).map(([f, bits]) => recase(f, bits));

const patternArb: fc.Arbitrary<Pattern> = fc
  .tuple(
    fc.array(fc.tuple(casedFragment, fc.constantFrom(...JOINS)), { minLength: 1, maxLength: 3 }),
    fc.constantFrom<CaseRule>('any', 'initial', 'exact'),
  )
  .map(([parts, caseRule]) => {
    const form = parts.map(([f, j], i) => (i === 0 ? f : j + f)).join('');
    return { text: fold(form), form, caseRule, kind: 'full' as const, entries: ['e'] };
  });

const tableArb = fc.array(patternArb, { minLength: 1, maxLength: 10 }).map((patterns) => ({ version: 1, patterns }));

const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const textArb = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: casedFragment },
      { weight: 5, arbitrary: fc.constantFrom(...SEPARATORS) },
      { weight: 1, arbitrary: fc.string({ unit: anyUnit, maxLength: 3 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

// ---------------------------------------------------------------------------------------------

function checkInvariants(table: PatternTable, text: string, matches: Match[]): void {
  let prevEnd = 0;
  for (const m of matches) {
    expect(m.start).toBeGreaterThanOrEqual(prevEnd);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    prevEnd = m.end;
    const p = table.patterns[m.pattern]!;
    const covered = text.slice(m.start, m.end);
    // Spells the pattern once SOFT and whitespace runs are collapsed.
    expect(fold(visible(covered)).replace(/\s/g, ' ')).toBe(p.text);
    // Word boundary on both sides, looking through SOFT.
    let b = m.start - 1;
    while (b >= 0 && foldCode(text.charCodeAt(b)) === SOFT) b--;
    expect(b >= 0 && isWordCode(foldCode(text.charCodeAt(b)))).toBe(false);
    let a = m.end;
    while (a < text.length && foldCode(text.charCodeAt(a)) === SOFT) a++;
    expect(a < text.length && isWordCode(foldCode(text.charCodeAt(a)))).toBe(false);
    expect(caseAllows(p, covered)).toBe(true);
  }
}

describe('matcher properties', () => {
  it('never throws on arbitrary code units and full Unicode text', () => {
    fc.assert(
      fc.property(tableArb, fc.string({ unit: anyUnit, maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), (table, a, b) => {
        const m = compileMatcher(table);
        checkInvariants(table, a, m.find(a));
        checkInvariants(table, b, m.find(b));
      }),
      { numRuns: 1500 },
    );
  });

  it('returns sorted, non-overlapping matches that spell their pattern and respect its rules', () => {
    fc.assert(
      fc.property(tableArb, textArb, (table, text) => {
        checkInvariants(table, text, compileMatcher(table).find(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the naive try-everything reference', () => {
    fc.assert(
      fc.property(tableArb, textArb, (table, text) => {
        expect(compileMatcher(table).find(text)).toEqual(naiveFind(table, text));
      }),
      { numRuns: 4000 },
    );
  });

  it('agrees with the reference on texts built from the patterns themselves', () => {
    const arb = tableArb.chain((table) =>
      fc.tuple(
        fc.constant(table),
        fc
          .array(
            fc.tuple(
              fc.oneof(
                fc.constantFrom(...table.patterns.map((p) => p.form)),
                fc.tuple(fc.constantFrom(...table.patterns.map((p) => p.form)), fc.nat()).map(([f, seed]) => mangle(f, seed)),
                fc.constantFrom(...table.patterns.map((p) => p.form.slice(0, Math.ceil(p.form.length / 2)))),
                fc.constantFrom(...SEPARATORS),
              ),
              fc.constantFrom(' ', ' ', ', ', '\n', "'s ", '-', ''),
            ),
            { maxLength: 30 },
          )
          .map((parts) => parts.flat().join('')),
      ),
    );
    let matched = 0;
    let spanning = 0; // matches that cross a whitespace run or a SOFT character
    fc.assert(
      fc.property(arb, ([table, text]) => {
        const found = compileMatcher(table).find(text);
        expect(found).toEqual(naiveFind(table, text));
        matched += found.length;
        for (const m of found) if (visible(text.slice(m.start, m.end)).length < m.end - m.start) spanning++;
      }),
      { numRuns: 3000 },
    );
    // The generator must exercise what it claims to, or agreement proves little.
    expect(matched).toBeGreaterThan(3000);
    expect(spanning).toBeGreaterThan(300);
  });

  it('the reference itself catches what the rules forbid', () => {
    // Guards against a reference that agrees with anything.
    const table = { version: 1, patterns: [{ text: 'us', form: 'US', caseRule: 'exact' as const, kind: 'full' as const, entries: ['us'] }] };
    expect(naiveFind(table, 'us USB US')).toEqual([{ start: 7, end: 9, pattern: 0 }]);
  });
});
