import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from './schema';
import * as full from './storage';
import * as lite from './lite';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const V1 = { enabled: true, disabledSites: ['example.com'], hoverDelay: 700, underline: false };

describe('content-script settings (lite reader)', () => {
  it('reads the defaults on a fresh install', async () => {
    expect(await lite.getSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('reads what the options page saved', async () => {
    await full.updateSettings({ hoverDelayMs: 600, theme: 'dark', siteModes: { 'example.com': 'always' } });
    const s = await lite.getSettings();
    expect(s).toEqual(await full.getSettings());
    expect(lite.siteModeFor(s, 'news.example.com')).toBe('always');
    expect(lite.siteModeFor(s, 'other.org')).toBe('auto');
  });

  it('repairs a corrupt stored value field by field, with a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.storage.local.set({ settings: { mode: 'sometimes', hoverDelayMs: 900 }, settings$: { v: 2 } });
    expect(await lite.getSettings()).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 900 });
    expect(warn).toHaveBeenCalled();
  });

  it('applies an old (v1) value as migrated before the background has rewritten it', async () => {
    await fakeBrowser.storage.local.set({ settings: V1 });
    const s = await lite.getSettings();
    expect(s).toMatchObject({ mode: 'auto', hoverDelayMs: 700, markStyle: 'background' });
    expect(lite.siteModeFor(s, 'www.example.com')).toBe('off');
    // The full code agrees once it has migrated storage (a fresh item runs the migrations).
    expect(s).toMatchObject((await full.defineSettingsItem().getValue()) as object);
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 2 });
    expect(await lite.getSettings()).toEqual(s);
  });

  it('switches a site off so that the full settings code sees it, without re-migrating', async () => {
    await full.updateSettings({ markStyle: 'hover' });
    await lite.setSiteMode('News.Example.com', 'off');
    const s = await full.getSettings();
    expect(s.markStyle).toBe('hover');
    expect(s.siteModes).toEqual({ 'news.example.com': 'off' });
    // Setting it back to the inherited mode removes the override, as in the full code.
    await lite.setSiteMode('news.example.com', 'auto');
    expect((await full.getSettings()).siteModes).toEqual({});
  });

  it('keeps a v1 value intact when a site is switched before migration', async () => {
    await fakeBrowser.storage.local.set({ settings: V1 });
    await lite.setSiteMode('b.org', 'off');
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 2 });
    const s = (await full.defineSettingsItem().getValue()) as Record<string, unknown>;
    expect(s.siteModes).toEqual({ 'example.com': 'off', 'b.org': 'off' });
    expect(s.hoverDelayMs).toBe(700);
  });

  it('does not lose a change when two sites are switched at once', async () => {
    await Promise.all([lite.setSiteMode('a.org', 'off'), lite.setSiteMode('b.org', 'always')]);
    expect((await lite.getSettings()).siteModes).toEqual({ 'a.org': 'off', 'b.org': 'always' });
  });

  it('tells the page about changes made elsewhere, and stops when unwatched', async () => {
    const seen: string[] = [];
    const unwatch = lite.watchSettings((s) => seen.push(lite.siteModeFor(s, 'example.com')));
    await full.setSiteMode('example.com', 'off');
    await vi.waitFor(() => expect(seen).toEqual(['off']));
    await full.updateSettings({ mode: 'always', siteModes: {} });
    await vi.waitFor(() => expect(seen).toEqual(['off', 'always']));
    unwatch();
    await full.updateSettings({ mode: 'off' });
    await full.getSettings();
    expect(seen).toEqual(['off', 'always']);
  });

  it('ignores changes to other keys and other storage areas', async () => {
    const cb = vi.fn();
    const unwatch = lite.watchSettings(cb);
    await fakeBrowser.storage.local.set({ other: 1 });
    await fakeBrowser.storage.session.set({ settings: { mode: 'off' } });
    await lite.setSiteMode('a.org', 'off');
    await vi.waitFor(() => expect(cb).toHaveBeenCalledTimes(1));
    expect(cb.mock.calls[0]?.[0].siteModes).toEqual({ 'a.org': 'off' });
    unwatch();
  });
});
