/**
 * Length-preserving text folding: every UTF-16 code unit maps to exactly one code unit, so an
 * offset in folded text is the same offset in the page's text and no offset map is needed.
 * Folds case, diacritics (é → e), typographic quotes (’ → '), dashes and hyphens (– → -),
 * and every kind of space (NBSP, thin space, newline → ' '). Invisible word-internal
 * characters (soft hyphen, zero-width space/joiners, word joiner) fold to SOFT, which the
 * matcher steps over.
 */
export const SOFT = 0xad;

const SPECIAL: Record<number, number> = {};
const quote = 0x27; // '
const dquote = 0x22; // "
const dash = 0x2d; // -
for (const c of [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2035, 0x60, 0xb4, 0x2bc, 0xff07]) SPECIAL[c] = quote;
for (const c of [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x2036, 0xab, 0xbb, 0xff02]) SPECIAL[c] = dquote;
for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d]) SPECIAL[c] = dash;
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) SPECIAL[c] = 0x20;
for (let c = 0x2000; c <= 0x200a; c++) SPECIAL[c] = 0x20;
for (const c of [0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) SPECIAL[c] = SOFT;

// 0 = not computed yet; filled lazily so a page only pays for the characters it uses.
const table = new Uint16Array(0x10000);

function compute(code: number): number {
  const special = SPECIAL[code];
  if (special !== undefined) return special;
  if (code >= 0xd800 && code <= 0xdfff) return code; // surrogate halves pass through
  const ch = String.fromCharCode(code);
  let out = ch.toLowerCase();
  if (out.length !== 1) out = ch;
  const decomposed = out.normalize('NFD');
  const base = decomposed.charCodeAt(0);
  // Strip combining marks only when the base is a single letter (é → e, ñ → n).
  if (decomposed.length > 1 && /^\p{M}+$/u.test(decomposed.slice(1))) return base;
  return out.charCodeAt(0);
}

/** Fold one UTF-16 code unit. */
export function foldCode(code: number): number {
  let folded = table[code]!;
  if (folded === 0 && code !== 0) {
    folded = compute(code);
    table[code] = folded;
  }
  return folded;
}

/** Fold a whole string; the result has the same length. */
export function fold(text: string): string {
  let out = '';
  let changed = false;
  const codes = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldCode(c);
    if (f !== c) changed = true;
    codes[i] = f;
  }
  if (!changed) return text;
  // Chunked to stay under the engine's argument limit on long texts.
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** Letters and digits of any script: what a word is made of. */
export function isWordCode(code: number): boolean {
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)) return true;
  if (code < 0x80) return false;
  if (code === SOFT) return false;
  return /[\p{L}\p{N}\p{M}]/u.test(String.fromCharCode(code));
}
