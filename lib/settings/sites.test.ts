import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './schema';
import type { Settings } from './schema';
import { hostChain, siteModeFor, withSiteMode, withoutSiteMode } from './sites';

const s = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, siteModes: {}, ...over });

describe('siteModeFor', () => {
  it('uses the global mode without an override', () => {
    expect(siteModeFor(s(), 'example.com')).toBe('auto');
    expect(siteModeFor(s({ mode: 'off' }), 'example.com')).toBe('off');
  });

  it('prefers the exact host, then the nearest parent domain', () => {
    const settings = s({ siteModes: { 'example.com': 'off', 'news.example.com': 'always' } });
    expect(siteModeFor(settings, 'news.example.com')).toBe('always');
    expect(siteModeFor(settings, 'live.news.example.com')).toBe('always');
    expect(siteModeFor(settings, 'www.example.com')).toBe('off');
    expect(siteModeFor(settings, 'EXAMPLE.com.')).toBe('off');
    expect(siteModeFor(settings, 'notexample.com')).toBe('auto');
  });

  it('does not treat IP addresses as having parent domains', () => {
    expect(hostChain('10.0.0.1')).toEqual(['10.0.0.1']);
    expect(siteModeFor(s({ siteModes: { '0.0.1': 'off' } }), '10.0.0.1')).toBe('auto');
  });
});

describe('withSiteMode / withoutSiteMode', () => {
  it('adds an override that differs from the global mode', () => {
    expect(withSiteMode(s(), 'bbc.co.uk', 'off').siteModes).toEqual({ 'bbc.co.uk': 'off' });
  });

  it('removes the override when the mode equals the global default', () => {
    const settings = s({ siteModes: { 'bbc.co.uk': 'off' } });
    expect(withSiteMode(settings, 'bbc.co.uk', 'auto').siteModes).toEqual({});
  });

  it('keeps an override equal to the global default when a parent domain says otherwise', () => {
    const settings = s({ siteModes: { 'example.com': 'off' } });
    const next = withSiteMode(settings, 'news.example.com', 'auto');
    expect(siteModeFor(next, 'news.example.com')).toBe('auto');
    expect(next.siteModes).toEqual({ 'example.com': 'off', 'news.example.com': 'auto' });
  });

  it('removes only the exact override', () => {
    const settings = s({ siteModes: { 'example.com': 'off', 'a.example.com': 'always' } });
    expect(withoutSiteMode(settings, 'A.example.com').siteModes).toEqual({ 'example.com': 'off' });
    expect(withoutSiteMode(settings, 'b.example.com')).toBe(settings);
  });

  it('ignores a hostname that cannot be one', () => {
    const settings = s();
    expect(withSiteMode(settings, '  ', 'off')).toBe(settings);
  });
});
