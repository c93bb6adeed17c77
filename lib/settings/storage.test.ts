import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from './schema';
import {
  clearSiteMode, defineSettingsItem, getSettings, setSiteMode, updateSettings, watchSettings,
} from './storage';
import { siteModeFor } from './sites';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const stored = async () => (await fakeBrowser.storage.local.get('settings')).settings;

describe('settings storage', () => {
  it('reads the defaults on a fresh install', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('persists an update and keeps the other fields', async () => {
    await updateSettings({ hoverDelayMs: 600 });
    await updateSettings({ theme: 'dark' });
    expect(await getSettings()).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 600, theme: 'dark' });
    expect(await stored()).toMatchObject({ hoverDelayMs: 600, theme: 'dark' });
  });

  it('does not lose a change when two updates are made at once', async () => {
    await Promise.all([updateSettings({ badge: false }), updateSettings({ markStyle: 'background' })]);
    expect(await getSettings()).toMatchObject({ badge: false, markStyle: 'background' });
  });

  it('ignores an invalid field of a patch, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await updateSettings({ hoverDelayMs: 500 });
    await updateSettings({ hoverDelayMs: 5 });
    expect((await getSettings()).hoverDelayMs).toBe(500);
    expect(warn).toHaveBeenCalled();
  });

  it('survives corrupt storage: a field falls back and the caller is warned', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: { mode: 'off', theme: ['x'], hoverDelayMs: -1 } });
    const settings = await getSettings();
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, mode: 'off' });
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it('sets and clears per-site modes', async () => {
    await setSiteMode('www.bbc.co.uk', 'off');
    await setSiteMode('example.com', 'always');
    let settings = await getSettings();
    expect(siteModeFor(settings, 'www.bbc.co.uk')).toBe('off');
    expect(settings.siteModes).toEqual({ 'www.bbc.co.uk': 'off', 'example.com': 'always' });
    await setSiteMode('example.com', 'auto'); // equals the global default: override removed
    await clearSiteMode('www.bbc.co.uk');
    settings = await getSettings();
    expect(settings.siteModes).toEqual({});
  });

  it('tells watchers about changes, sanitized, until unwatched', async () => {
    const seen: string[] = [];
    const unwatch = watchSettings((s) => seen.push(s.theme));
    await updateSettings({ theme: 'light' });
    await vi.waitFor(() => expect(seen).toEqual(['light']));
    unwatch();
    await updateSettings({ theme: 'dark' });
    await getSettings();
    expect(seen).toEqual(['light']);
  });
});

describe('migration v1 → v2', () => {
  it('turns enabled/disabledSites into mode/siteModes and records the version', async () => {
    await fakeBrowser.storage.local.set({
      settings: { enabled: true, disabledSites: ['twitter.com', 'Example.org'], hoverDelay: 500, underline: false },
    });
    const item = defineSettingsItem();
    expect(await item.getValue()).toEqual({
      mode: 'auto', siteModes: { 'twitter.com': 'off', 'Example.org': 'off' }, hoverDelayMs: 500, markStyle: 'background',
    });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 2 });
    const settings = await getSettings();
    expect(siteModeFor(settings, 'mobile.twitter.com')).toBe('off');
    expect(siteModeFor(settings, 'example.org')).toBe('off');
    expect(settings.markStyle).toBe('background');
  });

  it('maps a globally disabled v1 install to mode off', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: false, disabledSites: ['a.com'] } });
    expect(await defineSettingsItem().getValue()).toEqual({ mode: 'off', siteModes: {} });
  });

  it('leaves a v2 value that lost its version marker alone', async () => {
    const v2 = { ...DEFAULT_SETTINGS, mode: 'off', siteModes: { 'a.com': 'always' } };
    await fakeBrowser.storage.local.set({ settings: v2 });
    expect(await defineSettingsItem().getValue()).toEqual(v2);
  });

  it('writes the current version on a fresh install, so no migration runs later', async () => {
    await defineSettingsItem().setValue({ ...DEFAULT_SETTINGS });
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 2 });
  });
});
