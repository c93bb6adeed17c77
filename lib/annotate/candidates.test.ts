import { describe, expect, it } from 'vitest';
import { LIMITS } from '../messaging/validate';
import { BatchBuilder, clipSentence, SCAN_LIMITS, tidyMatches } from './candidates';

const sentenceAround = (text: string, start: number) => {
  const from = text.lastIndexOf('.', start) + 1;
  const stop = text.indexOf('.', start);
  const to = stop < 0 ? text.length : stop + 1;
  const raw = text.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  return { sentence: raw.trim(), at: start - from - lead };
};

describe('candidates', () => {
  it('keeps the leftmost, longest of overlapping matches', () => {
    expect(
      tidyMatches([
        { start: 4, end: 7, pattern: 2 },
        { start: 0, end: 3, pattern: 0 },
        { start: 0, end: 11, pattern: 1 },
        { start: 12, end: 12, pattern: 3 },
        { start: 12, end: 17, pattern: 4 },
      ]),
    ).toEqual([
      { start: 0, end: 11, pattern: 1 },
      { start: 12, end: 17, pattern: 4 },
    ]);
  });

  it('builds candidates as written, with deduplicated sentences and offsets into them', () => {
    const b = new BatchBuilder(sentenceAround);
    const text = 'Kim Jong Un met Trump. Then Kim’s team left. Trump stayed.';
    b.add(text, 'main', { start: 0, end: 11, pattern: 0 });
    b.add(text, 'main', { start: 16, end: 21, pattern: 1 });
    b.add(text, 'aside', { start: 28, end: 33, pattern: 2 });
    expect(b.sentences).toEqual(['Kim Jong Un met Trump.', 'Then Kim’s team left.']);
    expect(b.candidates).toEqual([
      { pattern: 0, text: 'Kim Jong Un', sentence: 0, at: 0, zone: 'main' },
      { pattern: 1, text: 'Trump', sentence: 0, at: 16, zone: 'main' },
      { pattern: 2, text: 'Kim’s', sentence: 1, at: 5, zone: 'aside' },
    ]);
  });

  it('falls back to nearby text when the sentence finder fails, and clips long sentences', () => {
    const b = new BatchBuilder(() => {
      throw new Error('boom');
    });
    const text = `${'word '.repeat(1000)}CVID ${'word '.repeat(1000)}`;
    const start = text.indexOf('CVID');
    b.add(text, 'main', { start, end: start + 4, pattern: 0 });
    const c = b.candidates[0]!;
    expect(b.sentences[c.sentence]!.slice(c.at, c.at + 4)).toBe('CVID');
    const long = 'x'.repeat(5000) + 'CVID' + 'y'.repeat(5000);
    const clipped = clipSentence(long, 5000, 4, 2000);
    expect(clipped.sentence).toHaveLength(2000);
    expect(clipped.sentence.slice(clipped.at, clipped.at + 4)).toBe('CVID');
  });

  it('stays within the limits that the worker validates', () => {
    expect(SCAN_LIMITS).toEqual({
      sentences: LIMITS.sentences,
      sentenceLength: LIMITS.sentenceLength,
      candidates: LIMITS.candidates,
      mentionLength: LIMITS.mentionLength,
    });
    const b = new BatchBuilder(sentenceAround);
    expect(b.add('x'.repeat(400), 'main', { start: 0, end: 400, pattern: 0 })).toBe(false);
    expect(b.dropped).toBe(1);
  });
});
