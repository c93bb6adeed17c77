import { describe, expect, it } from 'vitest';
import type { PageReportEntry } from '../messaging/protocol';
import { groupEntries, isScriptableUrl, siteHost, statusLine, tabIdFromSearch } from './page-view';

const e = (id: string, kind: PageReportEntry['kind'], count: number): PageReportEntry => ({ id, kind, label: id, count, mentions: [id] });

describe('page view helpers', () => {
  it('groups entries Actors, Terms, Events, Places, most mentioned first', () => {
    const groups = groupEntries([e('cvid', 'term', 2), e('hanoi', 'event', 1), e('kim', 'actor', 1), e('bolton', 'actor', 4), e('a-term', 'term', 2)]);
    expect(groups.map((g) => g.title)).toEqual(['Actors', 'Terms', 'Events']);
    expect(groups[0]!.entries.map((x) => x.id)).toEqual(['bolton', 'kim']);
    expect(groups[1]!.entries.map((x) => x.id)).toEqual(['a-term', 'cvid']);
  });

  it('words the status line', () => {
    expect(statusLine('annotated', 1)).toBe('Annotated — 1 entry');
    expect(statusLine('annotated', 7)).toBe('Annotated — 7 entries');
    expect(statusLine('unavailable', 0)).toBe('Not available on this page');
  });

  it('knows where content scripts cannot run', () => {
    expect(isScriptableUrl('https://www.nknews.org/a')).toBe(true);
    expect(isScriptableUrl('file:///tmp/a.html')).toBe(true);
    expect(isScriptableUrl('chrome://extensions')).toBe(false);
    expect(isScriptableUrl('about:blank')).toBe(false);
    expect(isScriptableUrl('https://chromewebstore.google.com/detail/x')).toBe(false);
    expect(isScriptableUrl('https://chrome.google.com/webstore/detail/x')).toBe(false);
    expect(isScriptableUrl('not a url')).toBe(false);
    expect(siteHost('https://www.bbc.co.uk/news')).toBe('www.bbc.co.uk');
    expect(siteHost('file:///tmp/a.html')).toBeNull();
  });

  it('reads the tab id from the popup URL', () => {
    expect(tabIdFromSearch('?tabId=42')).toBe(42);
    expect(tabIdFromSearch('?tabId=4x')).toBeNull();
    expect(tabIdFromSearch('')).toBeNull();
  });
});
