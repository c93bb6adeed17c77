import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedFrom, LIMITS, parseRequest } from './validate';

const scan = {
  type: 'content:scan',
  url: 'https://example.org/a',
  title: 'A',
  docStart: 1_700_000_000_000,
  batch: 0,
  force: false,
  sentences: ['Kim Jong Un met Trump.'],
  candidates: [{ pattern: 3, text: 'Kim Jong Un', sentence: 0, at: 0, zone: 'main' }],
};

describe('parseRequest', () => {
  it('accepts a well-formed scan and returns only known fields', () => {
    const parsed = parseRequest({ ...scan, extra: 'ignored' });
    expect(parsed).toEqual({ ok: true, message: scan });
  });

  it.each([
    [{ ...scan, sentences: 'nope' }, 'sentences must be an array'],
    [{ ...scan, candidates: [{ ...scan.candidates[0], sentence: 1 }] }, 'candidates[0].sentence'],
    [{ ...scan, candidates: [{ ...scan.candidates[0], zone: 'footer' }] }, 'candidates[0].zone'],
    [{ ...scan, candidates: [{ ...scan.candidates[0], text: 'x'.repeat(LIMITS.mentionLength + 1) }] }, 'candidates[0].text'],
    [{ ...scan, batch: -1 }, 'batch'],
    [{ ...scan, docStart: 'yesterday' }, 'docStart'],
    [{ type: 'page-report', tabId: '3' }, 'tabId'],
    [{ type: 'popup:search', query: 42 }, 'query'],
    [{ type: 'popup:show-on-page', tabId: 1 }, 'id must be a string'],
    [{ type: 'steal-cookies' }, 'unknown message type'],
    [null, 'message must be an object'],
    [[1, 2], 'message must be an object'],
  ])('rejects %j with a clear error', (raw, fragment) => {
    const parsed = parseRequest(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(fragment);
  });

  it('rejects oversized batches', () => {
    const sentences = Array.from({ length: LIMITS.sentences + 1 }, () => 's');
    expect(parseRequest({ ...scan, sentences }).ok).toBe(false);
  });

  it('never throws on arbitrary input (fuzzed)', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withMap: true, withSet: true }), (raw) => {
        const parsed = parseRequest(raw);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on scan-shaped input with random field values (fuzzed)', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything(), { maxLength: 3 }), fc.boolean());
    fc.assert(
      fc.property(fc.record({ url: field, title: field, batch: field, force: field, sentences: field, candidates: field }), (rec) => {
        const parsed = parseRequest({ type: 'content:scan', ...rec });
        if (parsed.ok) expect(parsed.message.type).toBe('content:scan');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('allowedFrom', () => {
  it('keeps content requests to content scripts and the rest to extension pages', () => {
    expect(allowedFrom('content:scan', 'content')).toBe(true);
    expect(allowedFrom('content:scan', 'extension')).toBe(false);
    expect(allowedFrom('page-report', 'content')).toBe(false);
    expect(allowedFrom('popup:search', 'extension')).toBe(true);
  });
});
