/**
 * The theme's colours as data: theme.ts turns them into CSS custom properties, and the tests
 * check every text/background pair against WCAG AA.
 */
export interface Palette {
  bg: string;
  surface: string;
  text: string;
  muted: string;
  /** Decorative lines (card edges, separators). */
  border: string;
  /** Edges that identify a control (inputs, segmented buttons): 3:1 against bg. */
  controlBorder: string;
  accent: string;
  /** Text on an accent-filled control. */
  accentText: string;
  focus: string;
  markBg: string;
  markText: string;
  activeBg: string;
  quoteBar: string;
  actorBg: string;
  actorText: string;
  termBg: string;
  termText: string;
  eventBg: string;
  eventText: string;
  placeBg: string;
  placeText: string;
}

export const LIGHT: Palette = {
  bg: '#ffffff',
  surface: '#f3f5f7',
  text: '#1a1d21',
  muted: '#545c66',
  border: '#d5dae0',
  controlBorder: '#737b86',
  accent: '#0a58a8',
  accentText: '#ffffff',
  focus: '#0a58a8',
  markBg: '#ffe98a',
  markText: '#1a1d21',
  activeBg: '#dcebfb',
  quoteBar: '#0a58a8',
  actorBg: '#e3eefb',
  actorText: '#0b3f75',
  termBg: '#e5f4e7',
  termText: '#1d5a25',
  eventBg: '#fbecd9',
  eventText: '#7a3e00',
  placeBg: '#f1e8f9',
  placeText: '#5b2a82',
};

export const DARK: Palette = {
  bg: '#17191d',
  surface: '#22262b',
  text: '#e8eaed',
  muted: '#a9b1bb',
  border: '#3a4048',
  controlBorder: '#8d96a0',
  accent: '#8cc2ff',
  accentText: '#0c1a2b',
  focus: '#8cc2ff',
  markBg: '#5e4b00',
  markText: '#fff3c4',
  activeBg: '#1f3a5c',
  quoteBar: '#8cc2ff',
  actorBg: '#1d3250',
  actorText: '#b9d7ff',
  termBg: '#1e3a22',
  termText: '#b8e6bf',
  eventBg: '#43301a',
  eventText: '#ffd6a6',
  placeBg: '#35264a',
  placeText: '#e1c8fb',
};

/** Foreground/background pairs that carry text (need 4.5:1) or identify a control (need 3:1). */
export const TEXT_PAIRS: [keyof Palette, keyof Palette][] = [
  ['text', 'bg'], ['text', 'surface'], ['muted', 'bg'], ['muted', 'surface'],
  ['accent', 'bg'], ['accent', 'surface'], ['accentText', 'accent'], ['markText', 'markBg'],
  ['text', 'activeBg'], ['actorText', 'actorBg'], ['termText', 'termBg'], ['eventText', 'eventBg'],
  ['placeText', 'placeBg'],
];
export const CONTROL_PAIRS: [keyof Palette, keyof Palette][] = [
  ['controlBorder', 'bg'], ['controlBorder', 'surface'], ['focus', 'bg'], ['focus', 'surface'], ['focus', 'activeBg'],
];
