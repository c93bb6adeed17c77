import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import meta from '../../../assets/source/meta.json';
import { getSettings, setSiteMode } from '../../settings';
import { OptionsApp } from './OptionsApp';
import { hostFromInput } from './SitesSection';
import { browserStore } from './store';
import type { SettingsStore } from './store';

let root: HTMLElement;

async function mount(store: SettingsStore = browserStore) {
  await act(async () => {
    render(<OptionsApp store={store} source={meta} version="0.1.0" />, root);
  });
  await settle();
}
// Lets storage promises and Preact's re-render run.
async function settle() {
  for (let i = 0; i < 5; i++) await act(async () => { await new Promise((r) => setTimeout(r, 0)); });
}

const radio = (legend: string, label: string) => {
  const fieldset = [...root.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')!.textContent === legend)!;
  return [...fieldset.querySelectorAll('label')].find((l) => l.textContent === label)!.querySelector('input')!;
};
const byLabel = (name: string) => root.querySelector<HTMLElement>(`[aria-label="${name}"]`)!;
const status = () => root.querySelector('[data-testid="save-status"]')!;

async function change(el: HTMLInputElement | HTMLSelectElement, value?: string) {
  await act(async () => {
    if (value !== undefined) el.value = value;
    if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) el.click();
    else {
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    }
  });
  await settle();
}

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => {
  render(null, root);
});

describe('options page', () => {
  it('shows the current settings with every control labelled', async () => {
    await setSiteMode('bbc.co.uk', 'off');
    await mount();
    expect(radio('On every site, by default', 'Automatic').checked).toBe(true);
    expect(radio('Mark style', 'Dotted underline').checked).toBe(true);
    expect(radio('Card theme', 'Follow the browser and page').checked).toBe(true);
    expect(root.querySelector('output')!.textContent).toBe('300 ms');
    for (const control of root.querySelectorAll('input, select, button')) {
      const id = control.getAttribute('id');
      const named = control.getAttribute('aria-label') || control.closest('label')
        || (id && root.querySelector(`label[for="${id}"]`)) || control.textContent!.trim();
      expect(named, control.outerHTML).toBeTruthy();
    }
  });

  it('saves a changed control at once and says so', async () => {
    await mount();
    await change(radio('On every site, by default', 'Off'));
    expect((await getSettings()).mode).toBe('off');
    expect(status().textContent).toBe('Saved');
    await change(radio('Card theme', 'Dark'));
    expect((await getSettings()).theme).toBe('dark');
    expect(root.querySelector('.nk-opt')!.getAttribute('data-theme')).toBe('dark');
    await change(radio('Mark style', 'Soft highlight'));
    expect((await getSettings()).markStyle).toBe('background');
    const badge = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    await change(badge);
    expect((await getSettings()).badge).toBe(false);
  });

  it('saves the hover delay from the slider and shows its value', async () => {
    await mount();
    const slider = root.querySelector<HTMLInputElement>('#nk-opt-delay')!;
    await change(slider, '750');
    expect((await getSettings()).hoverDelayMs).toBe(750);
    expect(root.querySelector('output')!.textContent).toBe('750 ms');
    expect(slider.getAttribute('aria-valuetext')).toBe('750 milliseconds');
  });

  it('lists site overrides; one can be changed and removed, leaving the empty state', async () => {
    await setSiteMode('bbc.co.uk', 'off');
    await setSiteMode('example.com', 'always');
    await mount();
    const rows = [...root.querySelectorAll('[data-host]')].map((r) => r.getAttribute('data-host'));
    expect(rows).toEqual(['bbc.co.uk', 'example.com']);

    await change(byLabel('Mode for bbc.co.uk') as HTMLSelectElement, 'always');
    expect((await getSettings()).siteModes['bbc.co.uk']).toBe('always');

    await act(async () => byLabel('Remove bbc.co.uk').click());
    await settle();
    expect((await getSettings()).siteModes).toEqual({ 'example.com': 'always' });
    expect(root.querySelector('[data-host="bbc.co.uk"]')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('#nk-opt-sites'));

    await act(async () => byLabel('Remove example.com').click());
    await settle();
    expect(root.querySelector('[data-testid="sites-empty"]')).not.toBeNull();
    expect(status().textContent).toBe('Saved');
  });

  it('adds a site typed as a URL, and refuses text that is not a site', async () => {
    await mount();
    const input = root.querySelector<HTMLInputElement>('#nk-opt-add-host')!;
    const form = root.querySelector('form')!;
    await change(input, 'not a site');
    await act(async () => { form.dispatchEvent(new Event('submit', { cancelable: true })); });
    expect(root.querySelector('[role="alert"]')!.textContent).toMatch(/example\.com/);
    await change(input, 'https://www.NYTimes.com/2019/02/26/world/asia.html');
    await act(async () => { form.dispatchEvent(new Event('submit', { cancelable: true })); });
    await settle();
    expect((await getSettings()).siteModes).toEqual({ 'www.nytimes.com': 'off' });
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('follows changes made elsewhere, such as the popup', async () => {
    await mount();
    await act(async () => { await setSiteMode('twitter.com', 'off'); });
    await settle();
    expect(root.querySelector('[data-host="twitter.com"]')).not.toBeNull();
  });

  it('says when a change could not be saved', async () => {
    const store: SettingsStore = {
      ...browserStore,
      update: vi.fn(() => Promise.reject(new Error('quota exceeded'))),
    };
    await mount(store);
    await change(radio('Card theme', 'Light'));
    expect(status().textContent).toBe("Couldn't save: quota exceeded");
  });

  it('describes the source article and what is stored', async () => {
    await mount();
    const source = root.querySelector('[data-testid="source"]')!.textContent!;
    for (const part of ['Trump-Kim Summit II', 'Robert S. Litwak', 'Wilson Center', 'February 2019', 'Creative Commons']) {
      expect(source).toContain(part);
    }
    const privacy = root.querySelector('[data-testid="privacy"]')!.textContent!;
    expect(privacy).toMatch(/in this browser/);
    expect(privacy).toMatch(/Nothing leaves the browser/);
    expect(privacy).toMatch(/No network requests/);
  });
});

describe('hostFromInput', () => {
  it('accepts hosts and URLs, rejects the rest', () => {
    expect(hostFromInput(' BBC.co.uk ')).toBe('bbc.co.uk');
    expect(hostFromInput('bbc.co.uk/news/world')).toBe('bbc.co.uk');
    expect(hostFromInput('http://localhost:8080/x')).toBe('localhost');
    expect(hostFromInput('bücher.de')).toBe('xn--bcher-kva.de');
    for (const bad of ['', 'hello', 'two words.com', 'http://']) expect(hostFromInput(bad)).toBeNull();
  });
});
