import { describe, expect, it } from 'vitest';
import { parseColor, readPageLook, resolveTheme } from './page-theme';

const look = (colorScheme = 'normal', backgrounds: string[] = [], prefersDark = false) =>
  ({ colorScheme, backgrounds, prefersDark });

describe('resolveTheme', () => {
  it('obeys an explicit setting whatever the page', () => {
    expect(resolveTheme('dark', look('light', ['rgb(255, 255, 255)']))).toBe('dark');
    expect(resolveTheme('light', look('dark', [], true))).toBe('light');
  });

  it('uses dark on a page that declares only dark, light on one that declares only light', () => {
    expect(resolveTheme('auto', look('dark', ['rgb(255, 255, 255)']))).toBe('dark');
    expect(resolveTheme('auto', look('only dark'))).toBe('dark');
    expect(resolveTheme('auto', look('light', [], true))).toBe('light');
  });

  it("otherwise follows the page's painted background", () => {
    expect(resolveTheme('auto', look('normal', ['rgba(0, 0, 0, 0)', 'rgb(18, 18, 18)']))).toBe('dark');
    expect(resolveTheme('auto', look('light dark', ['rgb(250, 250, 250)'], true))).toBe('light');
  });

  it('follows the OS on a page that accepts both schemes, light on one that declares none', () => {
    expect(resolveTheme('auto', look('light dark', ['rgba(0, 0, 0, 0)'], true))).toBe('dark');
    expect(resolveTheme('auto', look('light dark', [], false))).toBe('light');
    expect(resolveTheme('auto', look('normal', ['transparent'], true))).toBe('light');
  });
});

describe('parseColor', () => {
  it('reads rgb, rgba, modern syntax and hex', () => {
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3, 1]);
    expect(parseColor('rgba(1, 2, 3, 0.5)')).toEqual([1, 2, 3, 0.5]);
    expect(parseColor('rgb(1 2 3 / 40%)')).toEqual([1, 2, 3, 0.4]);
    expect(parseColor('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColor('transparent')).toBeNull();
  });
});

describe('readPageLook', () => {
  it('reads the root background that a page sets', () => {
    document.documentElement.style.backgroundColor = 'rgb(10, 10, 10)';
    const result = readPageLook(document);
    document.documentElement.style.backgroundColor = '';
    expect(resolveTheme('auto', result)).toBe('dark');
  });
});
