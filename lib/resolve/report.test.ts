import { describe, expect, it } from 'vitest';
import { buildPageReport } from './report';
import { emptyFrameState, tallyMention, type FrameState } from './state';
import { testKb } from './test-kb';

function frame(status: FrameState['status'], mentions: [string, string][]): FrameState {
  const s = emptyFrameState();
  s.status = status;
  for (const [id, text] of mentions) tallyMention(s, id, text, 'main');
  return s;
}

describe('buildPageReport', () => {
  it('is pending with no frames', () => {
    expect(buildPageReport(3, 'https://x.test/', [], testKb)).toEqual({ tabId: 3, url: 'https://x.test/', status: 'pending', entries: [] });
  });

  it('merges frames, sorts by kind then count, and lists distinct texts as written', () => {
    const top = frame('annotated', [
      ['denuclearisation', 'denuclearisation'],
      ['north-korea', 'North Korea'],
      ['kim-jong-un', 'Kim Jong Un'],
      ['north-korea', "North Korea's"],
      ['north-korea', 'North Korea'],
    ]);
    const sub = frame('annotated', [
      ['kim-jong-un', 'Kim'],
      ['denuclearisation', 'denuclearization'],
      ['hanoi-summit', 'Hanoi summit'],
    ]);
    const r = buildPageReport(7, 'https://news.test/a', [top, sub], testKb);
    expect(r.status).toBe('annotated');
    expect(r.entries.map((e) => [e.id, e.kind, e.count])).toEqual([
      ['north-korea', 'actor', 3],
      ['kim-jong-un', 'actor', 2],
      ['denuclearisation', 'term', 2],
      ['hanoi-summit', 'event', 1],
    ]);
    expect(r.entries[0]?.mentions).toEqual(['North Korea', "North Korea's"]);
    expect(r.entries[2]?.mentions).toEqual(['denuclearisation', 'denuclearization']);
    expect(r.entries[0]?.label).toBe('North Korea');
  });

  it('takes the status from the top frame and leaves out unannotated frames of an annotated page', () => {
    const top = frame('annotated', [['north-korea', 'North Korea']]);
    const ad = frame('not-relevant', [['donald-trump', 'Trump']]);
    const r = buildPageReport(1, 'u', [top, ad], testKb);
    expect(r.entries.map((e) => e.id)).toEqual(['north-korea']);
  });

  it('lists what was found but not annotated on a page that is not relevant', () => {
    const top = frame('not-relevant', [['north-korea', 'North Korea']]);
    const r = buildPageReport(1, 'u', [top], testKb);
    expect(r.status).toBe('not-relevant');
    expect(r.entries.map((e) => [e.id, e.count])).toEqual([['north-korea', 1]]);
  });
});
