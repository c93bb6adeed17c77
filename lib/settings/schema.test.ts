import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, sanitizeSettings } from './schema';

describe('sanitizeSettings', () => {
  it('gives the defaults for nothing stored, without warnings', () => {
    expect(sanitizeSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, warnings: [] });
    expect(sanitizeSettings(null).warnings).toEqual([]);
  });

  it('keeps a fully valid value as it is', () => {
    const ok = {
      mode: 'off', siteModes: { 'bbc.co.uk': 'always' }, hoverDelayMs: 800,
      markStyle: 'hover', theme: 'dark', badge: false,
    };
    expect(sanitizeSettings(ok)).toEqual({ settings: ok, warnings: [] });
  });

  it('repairs corrupt fields one by one and says which', () => {
    const { settings, warnings } = sanitizeSettings({
      mode: 'sometimes', hoverDelayMs: 99999, markStyle: 'underline', theme: 42, badge: 'yes',
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, markStyle: 'underline' });
    expect(warnings).toHaveLength(4);
    expect(warnings.join('\n')).toMatch(/mode[\s\S]*hoverDelayMs/);
  });

  it('rejects hover delays outside 100–1500 ms and non-numbers, rounds fractions', () => {
    for (const bad of [99, 1501, NaN, Infinity, '300', null]) {
      const r = sanitizeSettings({ hoverDelayMs: bad });
      expect(r.settings.hoverDelayMs).toBe(300);
      expect(r.warnings).toHaveLength(1);
    }
    expect(sanitizeSettings({ hoverDelayMs: 100 }).settings.hoverDelayMs).toBe(100);
    expect(sanitizeSettings({ hoverDelayMs: 1500 }).settings.hoverDelayMs).toBe(1500);
    expect(sanitizeSettings({ hoverDelayMs: 250.6 }).settings.hoverDelayMs).toBe(251);
  });

  it('drops only the bad site overrides and lowercases hostnames', () => {
    const { settings, warnings } = sanitizeSettings({
      siteModes: { 'News.Example.COM.': 'off', 'a b': 'off', 'ok.org': 'maybe', 'x.org': 'always' },
    });
    expect(settings.siteModes).toEqual({ 'news.example.com': 'off', 'x.org': 'always' });
    expect(warnings).toHaveLength(2);
  });

  it('falls back entirely for a non-object', () => {
    for (const bad of ['settings', 3, [1, 2], true]) {
      const r = sanitizeSettings(bad);
      expect(r.settings).toEqual(DEFAULT_SETTINGS);
      expect(r.warnings).toHaveLength(1);
    }
  });

  it('repairs against a given base, so a bad patch field keeps the current value', () => {
    const base = { ...DEFAULT_SETTINGS, theme: 'dark' as const };
    expect(sanitizeSettings({ theme: 'neon' }, base).settings.theme).toBe('dark');
  });

  it('never shares the defaults object with its result', () => {
    const { settings } = sanitizeSettings(undefined);
    settings.siteModes['a.com'] = 'off';
    expect(DEFAULT_SETTINGS.siteModes).toEqual({});
  });
});
