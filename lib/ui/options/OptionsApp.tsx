/**
 * The options page: settings that save as soon as they change, with a live "Saved" line for
 * screen readers and sighted users alike. Follows changes made elsewhere (the popup) too.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SourceMeta } from '../../knowledge/types';
import type { Settings, SiteMode } from '../../settings';
import { themeAttr } from '../theme';
import { AboutSection } from './AboutSection';
import { MarksSection } from './MarksSection';
import { SitesSection } from './SitesSection';
import type { SettingsStore } from './store';

export interface OptionsAppProps {
  store: SettingsStore;
  source: SourceMeta;
  version?: string;
}

type SaveState = { state: 'idle' | 'saving' | 'saved' | 'error'; message: string };

export function OptionsApp({ store, source, version }: OptionsAppProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [status, setStatus] = useState<SaveState>({ state: 'idle', message: '' });

  useEffect(() => {
    let live = true;
    store.get().then((s) => live && setSettings(s), (e: unknown) => live && setStatus({ state: 'error', message: `Couldn't read the settings: ${String(e)}` }));
    const unwatch = store.watch((s) => setSettings(s));
    return () => {
      live = false;
      unwatch();
    };
  }, [store]);

  // Writes run one after another, so a read-modify-write (setMode) sees the previous write.
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const run = useCallback((write: () => Promise<Settings>) => {
    setStatus({ state: 'saving', message: 'Saving…' });
    const next = chain.current.then(write);
    chain.current = next.catch(() => undefined);
    next.then(
      (s) => {
        setSettings(s);
        setStatus({ state: 'saved', message: 'Saved' });
      },
      (e: unknown) => setStatus({ state: 'error', message: `Couldn't save: ${e instanceof Error ? e.message : String(e)}` }),
    );
  }, [store]);

  const save = (patch: Partial<Settings>) => {
    setSettings((s) => (s ? { ...s, ...patch } : s)); // show the change at once
    run(() => store.update(patch));
  };
  const setMode = (host: string, mode: SiteMode) => {
    // Set exactly, not via setSiteMode: a row must not vanish under the user's hand.
    run(async () => {
      const current = await store.get();
      return store.update({ siteModes: { ...current.siteModes, [host]: mode } });
    });
  };
  const remove = (host: string) => run(() => store.clearSiteMode(host));

  return (
    <div class="nk-ui nk-opt" data-theme={themeAttr(settings?.theme)}>
      <main class="nk-opt-main">
        <header>
          <h1>NK Context settings</h1>
          <p class="nk-opt-status" role="status" aria-live="polite" data-state={status.state} data-testid="save-status">
            {status.message}
          </p>
        </header>
        {settings ? (
          <>
            <MarksSection settings={settings} save={save} />
            <SitesSection settings={settings} setMode={setMode} remove={remove} />
          </>
        ) : (
          <p aria-busy="true">Loading settings…</p>
        )}
        <AboutSection source={source} version={version} />
      </main>
    </div>
  );
}
