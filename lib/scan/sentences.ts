/**
 * The sentence around a mention, for the resolver's context rules and the card's "on this page"
 * line. Pure and bounded: it never looks further than `max` code units either side of the
 * mention, so a huge run with many mentions stays linear.
 */
import { foldCode, isWordCode, SOFT } from '../text/fold';

const ELLIPSIS = '\u2026';
/** Words that end with a dot without ending the sentence (case-sensitive: "no." can end one). */
const ABBREVIATIONS = new Set([
  'Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Jr', 'Sr', 'Prof', 'Gen', 'Lt', 'Col', 'Maj', 'Capt', 'Sgt', 'Adm',
  'Gov', 'Sen', 'Rep', 'Amb', 'Pres', 'Rev', 'Hon', 'Mt', 'Ft', 'No', 'Nos', 'Vol', 'Fig', 'Ref',
  'Inc', 'Ltd', 'Co', 'Corp', 'vs', 'etc', 'approx', 'cf', 'al', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun',
  'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
]);

const isLineBreak = (c: number) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
const isSpace = (c: number) => foldCode(c) === 0x20;
const isSoft = (c: number) => foldCode(c) === SOFT;
const isCloser = (c: number) => {
  const f = foldCode(c);
  return f === 0x22 || f === 0x27 || c === 0x29 || c === 0x5d || c === 0xbb;
};

/** Could `c` begin a sentence: a capital, a caseless letter (Korean…), a digit, an opening quote or bracket. */
function opensSentence(c: number): boolean {
  const f = foldCode(c);
  if (f === 0x22 || f === 0x27 || c === 0x28 || c === 0x5b || c === 0xab) return true;
  if (c >= 0x30 && c <= 0x39) return true;
  const ch = String.fromCharCode(c);
  if (ch !== ch.toLowerCase()) return true;
  return c > 0x7f && isWordCode(c) && ch === ch.toUpperCase();
}

/** Does a dot at `dot` end an abbreviation or an initial rather than a sentence? */
function isAbbreviationDot(text: string, dot: number): boolean {
  let k = dot;
  const floor = Math.max(0, dot - 24); // longer tokens are no abbreviations
  while (k > floor && (isWordCode(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 0x2e)) k--;
  if (k === floor && floor > 0) return false;
  const token = text.slice(k, dot);
  if (token === '') return false; // "..." and friends end sentences
  if (token.includes('.')) return true; // U.S. / U.N. / e.g. / i.e. / a.m.
  if (token.length === 1 && token !== token.toLowerCase()) return true; // an initial: Robert S. Litwak
  return ABBREVIATIONS.has(token);
}

/** Is `p` (the first non-space after a space) the first character of a new sentence? */
function startsSentence(text: string, p: number): boolean {
  let q = p - 1;
  const floor = p - 256; // a longer gap is a break of its own
  while (q >= 0 && (isSpace(text.charCodeAt(q)) || isSoft(text.charCodeAt(q)))) {
    if (isLineBreak(text.charCodeAt(q)) || q < floor) return true;
    q--;
  }
  if (q === p - 1 || q < 0 || !opensSentence(text.charCodeAt(p))) return false;
  while (q > 0 && isCloser(text.charCodeAt(q))) q--;
  const t = text.charCodeAt(q);
  if (t === 0x21 || t === 0x3f || t === 0x2026) return true;
  return t === 0x2e && !isAbbreviationDot(text, q);
}

/** Collapses whitespace runs to one space and drops invisible SOFT characters. */
function tidy(s: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isSoft(c)) continue;
    if (isSpace(c)) {
      space = true;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += s[i];
  }
  return space ? out + ' ' : out;
}

export interface SentenceAround {
  sentence: string;
  /** Offset of the mention in `sentence`: `sentence.slice(at, at + (end - start))` is the mention. */
  at: number;
}

/**
 * The sentence of `text` containing `[start, end)`, whitespace collapsed outside the mention (the
 * mention stays verbatim), clipped to about `max` code units around the mention with "…".
 */
export function sentenceAround(text: string, start: number, end: number, max = 300): SentenceAround {
  if (typeof text !== 'string') return { sentence: '', at: 0 };
  const n = text.length;
  start = Math.max(0, Math.min(n, Math.floor(start) || 0));
  end = Math.max(start, Math.min(n, Math.floor(end) || 0));
  max = Math.max(1, Math.floor(max) || 300);

  // Look no further than `max` either side: a longer sentence gets clipped anyway.
  const lo = Math.max(0, start - max);
  let from = -1;
  for (let p = start; p >= lo && from < 0; p--) {
    if (p === 0) from = 0;
    else {
      const prev = text.charCodeAt(p - 1);
      if (isLineBreak(prev) || (isSpace(prev) && !isSpace(text.charCodeAt(p)) && startsSentence(text, p))) from = p;
    }
  }
  const hi = Math.min(n, end + max);
  let to = -1;
  for (let q = end; q <= hi && to < 0; q++) {
    if (q === n) to = n;
    else {
      const c = text.charCodeAt(q);
      if (isLineBreak(c) || (isSpace(c) && q + 1 < n && !isSpace(text.charCodeAt(q + 1)) && startsSentence(text, q + 1))) to = q;
    }
  }
  let clipLeft = from < 0;
  let clipRight = to < 0;
  if (from < 0) from = lo;
  if (to < 0) to = hi;

  let left = tidy(text.slice(from, start)).replace(/^ /, '');
  let right = tidy(text.slice(end, to)).replace(/ $/, '');
  const mention = text.slice(start, end);

  const budget = Math.max(0, max - mention.length - 2);
  if (left.length + right.length > budget) {
    let keepLeft = Math.min(left.length, Math.ceil(budget / 2));
    const keepRight = Math.min(right.length, budget - keepLeft);
    keepLeft = Math.min(left.length, budget - keepRight);
    if (keepLeft < left.length) {
      left = left.slice(left.length - keepLeft);
      clipLeft = true;
    }
    if (keepRight < right.length) {
      right = right.slice(0, keepRight);
      clipRight = true;
    }
  }
  // Clipped sides end on a whole word where one is at hand.
  if (clipLeft) {
    const cut = left.indexOf(' ');
    if (cut >= 0 && cut < left.length - 1) left = left.slice(cut + 1);
    left = ELLIPSIS + left;
  }
  if (clipRight) {
    const cut = right.lastIndexOf(' ');
    if (cut > 0) right = right.slice(0, cut);
    right += ELLIPSIS;
  }
  return { sentence: left + mention + right, at: left.length };
}

/** Takes a word's inner apostrophes and hyphens along when a letter follows them (Yong-hyun, O'Brien). */
function isInnerJoin(s: string, i: number): boolean {
  const f = foldCode(s.charCodeAt(i));
  return (f === 0x27 || f === 0x2d) && isWordCode(s.charCodeAt(i - 1)) && isWordCode(s.charCodeAt(i + 1));
}

/** The word right before offset `at` ("Arnold" in "Arnold Kim"), or '' when punctuation comes first. */
export function wordBefore(sentence: string, at: number): string {
  let i = Math.min(at, sentence.length);
  while (i > 0 && (isSpace(sentence.charCodeAt(i - 1)) || isSoft(sentence.charCodeAt(i - 1)))) i--;
  const stop = i;
  if (i === 0 || !isWordCode(sentence.charCodeAt(i - 1))) return '';
  while (i > 0 && (isWordCode(sentence.charCodeAt(i - 1)) || (i > 1 && isInnerJoin(sentence, i - 1)))) i--;
  return sentence.slice(i, stop);
}

/** The word right after offset `end` ("Kardashian" in "Kim Kardashian"), or '' when punctuation comes first. */
export function wordAfter(sentence: string, end: number): string {
  let i = Math.max(0, end);
  while (i < sentence.length && (isSpace(sentence.charCodeAt(i)) || isSoft(sentence.charCodeAt(i)))) i++;
  const begin = i;
  if (i >= sentence.length || !isWordCode(sentence.charCodeAt(i))) return '';
  while (i < sentence.length && (isWordCode(sentence.charCodeAt(i)) || isInnerJoin(sentence, i))) i++;
  return sentence.slice(begin, i);
}
