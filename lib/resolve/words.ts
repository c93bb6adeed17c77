/**
 * Small dictionary-only text signals around a mention: the neighbouring words and cue words.
 * Deliberately local (not lib/scan/sentences.ts) so resolution does not depend on the matcher's helpers.
 */
import { fold, isWordCode } from '../text/fold';

/** A word next to a mention: as written, and folded without a trailing full stop. */
export interface Neighbour {
  text: string;
  folded: string;
  capitalised: boolean;
}

const APOSTROPHES = "'\u2019";
// Inside a neighbour word: Mr. / D.C. / Yong-hyun / Korea's.
const WORD_JOINERS = ".-'\u2019\u2010\u2011";

function isSpace(ch: string): boolean {
  return /\s/u.test(ch);
}

function isWordChar(ch: string): boolean {
  return isWordCode(ch.charCodeAt(0)) || WORD_JOINERS.includes(ch);
}

function neighbour(text: string): Neighbour | null {
  if (!text || !isWordCode(text.charCodeAt(0))) return null;
  const first = text.charAt(0);
  return {
    text,
    folded: fold(text.replace(/\.+$/, '')),
    capitalised: first !== first.toLowerCase(),
  };
}

/** Abbreviated titles whose full stop does not end the sentence. */
const ABBREVIATED_TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'sen', 'rep', 'gov', 'pres', 'lt', 'col', 'adm', 'st', 'prof']);

/**
 * The word directly before `at`, separated only by spaces; null at the start of the sentence,
 * after punctuation, or when joined by a hyphen ("Trump-Kim summit" is a compound, not a name).
 */
export function wordBefore(sentence: string, at: number): Neighbour | null {
  let i = at - 1;
  if (i < 0 || !isSpace(sentence.charAt(i))) return null;
  while (i >= 0 && isSpace(sentence.charAt(i))) i--;
  const end = i + 1;
  while (i >= 0 && isWordChar(sentence.charAt(i))) i--;
  const w = neighbour(sentence.slice(i + 1, end));
  // "… in Seoul. Kim said" when sentences were not split: the full stop is a boundary, unless "Mr."
  if (w && w.text.endsWith('.') && !ABBREVIATED_TITLES.has(w.folded)) return null;
  return w;
}

/**
 * The word directly after `end`, separated only by spaces; null before punctuation, a possessive
 * ("Kim's") or a hyphen.
 */
export function wordAfter(sentence: string, end: number): Neighbour | null {
  let i = end;
  if (i >= sentence.length || !isSpace(sentence.charAt(i))) return null;
  while (i < sentence.length && isSpace(sentence.charAt(i))) i++;
  const start = i;
  while (i < sentence.length && isWordChar(sentence.charAt(i))) i++;
  let text = sentence.slice(start, i);
  // A word's trailing apostrophe or full stop is punctuation, not part of it.
  while (text && (APOSTROPHES + '.').includes(text.charAt(text.length - 1)) && !/^(\p{Lu}\.)+$/u.test(text)) text = text.slice(0, -1);
  return neighbour(text);
}

/** Folded words of a list of names ("Kim Jong-un" → kim, jong, un). */
export function nameWords(names: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const n of names) for (const w of fold(n).split(/[^\p{L}\p{N}]+/u)) if (w) out.add(w);
  return out;
}

/** The first hyphen-part of a folded word, without a possessive: "yong-hyun" → "yong", "korea's" → "korea". */
export function wordStem(folded: string): string {
  return folded.split('-')[0]!.replace(/'s?$/, '');
}

/**
 * Does the folded sentence contain one of the folded cues as a word prefix ("test" matches
 * "testing"), outside the mention's own span `[from, to)`?
 */
export function hasCue(foldedSentence: string, foldedCues: readonly string[], from: number, to: number): boolean {
  for (const cue of foldedCues) {
    if (!cue) continue;
    let i = foldedSentence.indexOf(cue);
    while (i !== -1) {
      const atWordStart = i === 0 || !isWordCode(foldedSentence.charCodeAt(i - 1));
      const outside = i + cue.length <= from || i >= to;
      if (atWordStart && outside) return true;
      i = foldedSentence.indexOf(cue, i + 1);
    }
  }
  return false;
}

// Long words that title case may leave in lower case.
const MINOR_LONG = new Set(['with', 'from', 'into', 'over', 'than', 'that', 'upon', 'onto', 'about']);

/** A headline in title case capitalises common words too: capitals there say nothing about names. */
export function isTitleCase(sentence: string): boolean {
  const words = (sentence.match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => w.length > 3 && !MINOR_LONG.has(w));
  const lower = words.filter((w) => !/^\p{Lu}/u.test(w)).length;
  return words.length >= 3 && lower <= words.length * 0.1;
}
