/**
 * Spelling variants (British/American, hyphenation of Korean names, dotted titles and acronyms)
 * and inflections (plurals, verb forms) of knowledge-base aliases. Rules plus small exception
 * lists rather than compromise: compromise pluralises "madman" as "madmans" and "nuclear" as
 * "nuclears", and loading it would slow the background worker's cold start.
 * Every function returns the input first, then the other forms, without duplicates.
 */
const OUR_STEMS = 'arm|behavi|cand|clam|col|demean|endeav|ferv|flav|harb|hon|hum|lab|neighb|od|parl|ranc|rum|sav|savi|splend|tum|val|vap|vig';
// Only these endings vary: "honorary", "humorous", "laboratory" are the same on both sides.
const OUR_RE = new RegExp(`^((?:un|dis|mis)?(?:${OUR_STEMS}))(our|or)(|s|ed|ing|er|ers|al|ally|able|ably|ite|ites|less|ful|hood|hoods)$`);
// Words ending in -ise/-ize that never vary (checked on the -ise/-ize base form).
const ISE_FIXED = new Set(
  ('advertise advise apprise arise chastise circumcise comprise compromise concise demise despise devise disguise ' +
    'enterprise excise exercise expertise franchise improvise incise merchandise otherwise paradise poise praise appraise ' +
    'precise premise promise raise reprise revise rise sunrise supervise surmise surprise televise treatise wise likewise ' +
    'clockwise valise tortoise porpoise turquoise bruise cruise braise guise size prize seize capsize downsize oversize')
    .split(' '),
);
const ISE_RE = /^(.{4,})i([sz])(e|es|ed|ing|er|ers|ation|ations|ational|able)$/;
const YSE_RE = /^(.*ly)([sz])(e|es|ed|ing|er|ers)$/;
const PAIRS: [string, string][] = [
  ['programme', 'program'], ['programmes', 'programs'], ['judgement', 'judgment'], ['judgements', 'judgments'],
  ['grey', 'gray'], ['ageing', 'aging'], ['aluminium', 'aluminum'], ['manoeuvre', 'maneuver'],
  ['manoeuvres', 'maneuvers'], ['manoeuvred', 'maneuvered'], ['manoeuvring', 'maneuvering'],
  ['centred', 'centered'], ['centring', 'centering'], ['adviser', 'advisor'], ['advisers', 'advisors'],
];
const PAIR_MAP = new Map<string, string>();
for (const [a, b] of PAIRS) (PAIR_MAP.set(a, b), PAIR_MAP.set(b, a));
const ENCE_RE = /^(defen|offen|preten|licen)([cs])e(s|less)?$/;
const TRE_RE = /^(cent|theat|fib|calib|spect|somb|meag|lust|kilomet|centimet|millimet)(re|er)(s?)$/;
const LL_RE = /^(travel|cancel|label|model|fuel|signal|channel|level|total|counsel|marshal|rival|duel|quarrel|tunnel)(l?)(ed|ing|er|ers)$/;
const SCEPTIC_RE = /^(s)([ck])(eptic(?:s|al|ally|ism)?)$/;

/** British/American alternatives of one lower-case word, the word itself first. */
function lowerWordVariants(w: string): string[] {
  const out = [w];
  const pair = PAIR_MAP.get(w);
  if (pair) out.push(pair);
  let m = ISE_RE.exec(w);
  if (m && !ISE_FIXED.has(`${m[1]}ise`) && !ISE_FIXED.has(`${m[1]}ize`)) out.push(`${m[1]}i${m[2] === 's' ? 'z' : 's'}${m[3]}`);
  if ((m = YSE_RE.exec(w))) out.push(`${m[1]}${m[2] === 's' ? 'z' : 's'}${m[3]}`);
  if ((m = OUR_RE.exec(w))) out.push(`${m[1]}${m[2] === 'our' ? 'or' : 'our'}${m[3]}`);
  if ((m = ENCE_RE.exec(w))) out.push(`${m[1]}${m[2] === 'c' ? 's' : 'c'}e${m[3] ?? ''}`);
  if ((m = TRE_RE.exec(w))) out.push(`${m[1]}${m[2] === 're' ? 'er' : 're'}${m[3]}`);
  if ((m = LL_RE.exec(w))) out.push(`${m[1]}${m[2] ? '' : 'l'}${m[3]}`);
  if ((m = SCEPTIC_RE.exec(w))) out.push(`s${m[2] === 'c' ? 'k' : 'c'}${m[3]}`);
  return out;
}

/** Applies a lower-case rewrite to a word while keeping its capitalisation (Title, UPPER or lower). */
function withCase(word: string, rewrite: (lower: string) => string[]): string[] {
  const lower = word.toLowerCase();
  const upper = word.length > 1 && word === word.toUpperCase() && lower !== word;
  const title = !upper && word.slice(1) === lower.slice(1);
  if (!upper && !title && word !== lower) return [word]; // mixed case ("ICBMs", "McCain"): leave alone
  return unique([word, ...rewrite(lower).map((v) => (upper ? v.toUpperCase() : word !== lower ? v[0]!.toUpperCase() + v.slice(1) : v))]);
}

const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Dr']);
const KOREAN_SURNAMES = new Set(
  ('Kim Ri Rhee Lee Yi Moon Mun Park Pak Choe Choi Kang Yun Yoon Roh No Chung Jung Jang Chang Han Hyon Hyun Hwang ' +
    'Oh O Jo Cho Kwon Song Shin Sin Ban Lim Im Ryu Yoo Nam Baek Paek Ahn An Seo Suh Son Jeon Chun Ko').split(' '),
);
const SYLLABLE = /^[A-Z][a-z]{0,5}$/;

/** Alternatives of one word without spaces or hyphens. */
function wordVariants(word: string): string[] {
  const bare = word.replace(/\.$/, '');
  if (TITLES.has(bare)) return [word, word === bare ? `${bare}.` : bare];
  if (/^[A-Z]{2,3}$/.test(word) && !/^[IVX]+$/.test(word)) return [word, word.split('').join('.') + '.']; // not Roman numerals
  if (/^(?:[A-Z]\.){2,3}$/.test(word)) return [word, word.replace(/\./g, '')];
  return withCase(word, lowerWordVariants);
}

/** Alternatives of one space-separated token (a token may turn into several words). */
function tokenVariants(token: string): string[] {
  const parts = token.split('-');
  if (parts.length === 1 || !parts.every((p) => /\p{L}/u.test(p))) return wordVariants(token);
  // A hyphenated compound is also written with spaces; after a prefix, which is no word, closed up instead.
  const prefixed = /^(non|anti|co|counter|pre|post|multi|inter|semi|re)$/i.test(parts[0]!);
  const joiners = ['-', prefixed ? '' : ' '];
  if (prefixed && !/^\p{Ll}/u.test(parts[1]!)) joiners.pop(); // "anti-US" stays hyphenated
  const combos = cartesian(parts.map(wordVariants));
  return unique(joiners.flatMap((j) => combos.map((c) => c.join(j))));
}

/** Korean given names of two syllables: "Jong Un" ↔ "Jong-un" ↔ "Jong-Un". */
function givenNameForms(a: string, b: string): string[] {
  const lowerB = b.toLowerCase();
  const titleB = b[0]!.toUpperCase() + lowerB.slice(1);
  return [`${a} ${titleB}`, `${a}-${lowerB}`, `${a}-${titleB}`];
}

/** Groups the words of a phrase into slots, each with its alternative spellings. */
function slots(words: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (KOREAN_SURNAMES.has(w) && next !== undefined) {
      const hy = /^([A-Z][a-z]{0,5})-([A-Za-z][a-z]{0,5})$/.exec(next);
      const after = words[i + 2];
      if (hy) {
        out.push([w], givenNameForms(hy[1]!, hy[2]!));
        i += 1;
        continue;
      }
      if (SYLLABLE.test(next) && after !== undefined && SYLLABLE.test(after)) {
        out.push([w], givenNameForms(next, after));
        i += 2;
        continue;
      }
    }
    out.push(tokenVariants(w));
  }
  return out;
}

function cartesian(lists: string[][], max = 48): string[][] {
  let acc: string[][] = [[]];
  for (const list of lists) {
    const next: string[][] = [];
    for (const prefix of acc) for (const item of list) if (next.length < max) next.push([...prefix, item]);
    acc = next;
  }
  return acc;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** Spelling variants of a phrase: British/American, Korean-name hyphenation, hyphen/space, "Mr"/"Mr.", "US"/"U.S.". */
export function spellingVariants(phrase: string): string[] {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [phrase];
  return unique([phrase, ...cartesian(slots(words)).map((ws) => ws.join(' '))]);
}

// Mass nouns: "sanctions relief" has no plural. Checked on the last part of the head word.
const UNCOUNTABLE = new Set(
  ('relief media pressure fury diplomacy contagion autarky survival deterrence information intelligence leverage aid ' +
    'assistance brinkmanship proliferation nonproliferation disarmament isolation security peace stability uranium ' +
    'plutonium equipment evidence news advice research progress weaponry hardware software chaos legitimacy ' +
    'sovereignty reunification unification verification enrichment reprocessing fallout rhetoric propaganda ' +
    'intransigence prestige compliance transparency cooperation aggression behaviour behavior hostility reciprocity ' +
    'denuclearisation denuclearization dismantlement fire autarchy ' +
    // … and words that are not nouns at all ("worst deal ever").
    'ever never again now here there away back ago together enough nothing anything everything something').split(' '),
);
// Adjectival endings: "transactional", "irreversible", "nuclear-armed" have no plural …
const ADJECTIVE_RE = /(ous|ful|less|ible|able|ical|ional|ic|ive|ed|ing|nuclear|military|complete)$/;
// … except these nouns that share an ending.
const NOUN_EXCEPTIONS = new Set(
  ('objective initiative offensive directive incentive explosive missive narrative representative alternative executive ' +
    'motive detective relative collective perspective prerogative republic critic topic tactic clinic logic panic ' +
    'cleric fanatic meeting briefing bombing building warning hearing finding ruling killing offering undertaking ' +
    'gathering uprising shooting table cable label').split(' '),
);
const IRREGULAR_PLURALS: Record<string, string[]> = {
  crisis: ['crises'], analysis: ['analyses'], basis: ['bases'], thesis: ['theses'], axis: ['axes'],
  moratorium: ['moratoria', 'moratoriums'], memorandum: ['memoranda', 'memorandums'], criterion: ['criteria'],
  phenomenon: ['phenomena'], child: ['children'], person: ['people', 'persons'], life: ['lives'], half: ['halves'],
  wife: ['wives'], thief: ['thieves'], foot: ['feet'], index: ['indices', 'indexes'], human: ['humans'],
  embargo: ['embargoes'], veto: ['vetoes'], torpedo: ['torpedoes'], hero: ['heroes'], echo: ['echoes'], cargo: ['cargoes'],
};

/** Plural forms of one lower-case noun; [] for mass nouns, adjectives and words that are already plural. */
export function pluralOf(word: string): string[] {
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return irregular;
  if (UNCOUNTABLE.has(word.replace(/^(non|counter|anti|de|re|co)-?/, '')) || UNCOUNTABLE.has(word)) return [];
  if (/(ism|ness|[iy][sz]ation|ics)$/.test(word)) return [];
  if (ADJECTIVE_RE.test(word) && !NOUN_EXCEPTIONS.has(word)) return [];
  if (/s$/.test(word) && !/(ss|us|is)$/.test(word)) return []; // "sanctions", "talks": already plural
  if (/man$/.test(word)) return [word.slice(0, -3) + 'men']; // madman → madmen
  if (/[^aeiou]y$/.test(word)) return [word.slice(0, -1) + 'ies'];
  if (/(s|x|z|ch|sh)$/.test(word)) return [word + 'es'];
  return [word + 's'];
}

// Nouns that are also verbs in this domain, with their irregular forms.
const NOUN_VERBS: Record<string, string[]> = {
  freeze: ['freezes', 'froze', 'frozen', 'freezing'],
  test: ['tests', 'tested', 'testing'],
  sanction: ['sanctions', 'sanctioned', 'sanctioning'],
  tweet: ['tweets', 'tweeted', 'tweeting'],
  launch: ['launches', 'launched', 'launching'],
  strike: ['strikes', 'struck', 'striking'],
  pressure: ['pressures', 'pressured', 'pressuring'],
};

/** Verb forms of a one-word lower-case alias that is a verb, or a noun with a verb (denuclearisation → denuclearise …). */
export function conjugate(word: string): string[] {
  const known = NOUN_VERBS[word];
  if (known) return known;
  // An alias written as one of the forms ("sanctions"): the lemma and the other forms.
  const lemma = Object.keys(NOUN_VERBS).find((l) => NOUN_VERBS[l]!.includes(word));
  if (lemma) return [lemma, ...NOUN_VERBS[lemma]!.filter((f) => f !== word)];
  let m = /^(.{4,}i[sz])ation$/.exec(word);
  if (m) return [`${m[1]}e`, ...conjugate(`${m[1]}e`)];
  if ((m = /^(.{3,})ification$/.exec(word))) return [`${m[1]}ify`, `${m[1]}ifies`, `${m[1]}ified`, `${m[1]}ifying`];
  if (/^(?:.{4,}i[sz]|.{2,}ly[sz])e$/.test(word) && !ISE_FIXED.has(word.replace(/ize$/, 'ise'))) {
    const base = word.slice(0, -1);
    return [`${word}s`, `${word}d`, `${base}ing`];
  }
  return [];
}

// "first nuclear test", "second summit": one thing, never a plural.
const ORDINALS = /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|latest|next|previous) /;
const PREPOSITIONS = new Set(['of', 'on', 'for', 'to', 'with', 'in', 'against', 'between', 'over', 'from']);

export interface InflectOptions {
  /** Pluralise a final acronym ("ICBM" → "ICBMs"): true when the acronym stands for a countable noun. */
  acronymPlural?: boolean;
}

/**
 * Inflections of a phrase: the plural of its last word ("rogue state" → "rogue states") and, for
 * one-word aliases, verb forms ("denuclearise" → "denuclearised"; the noun "denuclearisation" also
 * yields its verb "denuclearise"). Named things (phrases that open with a capital or an ordinal:
 * "Libya model", "Kim Jong-un", "second summit"), quotations ("It won't happen") and phrases with a preposition ("moratorium on
 * testing") name one thing and get no plural; that also keeps the content script's table small.
 */
export function inflections(phrase: string, opts: InflectOptions = {}): string[] {
  const words = phrase.trim().split(/\s+/);
  const out = [phrase];
  const last = words[words.length - 1] ?? '';
  if (words.length === 1 && /^[A-Z]{2,}$/.test(last)) {
    if (opts.acronymPlural) out.push(`${last}s`);
    return out;
  }
  const named = !/^\p{Ll}/u.test(phrase) || ORDINALS.test(phrase);
  if (!named && !phrase.includes("'") && !words.some((w) => PREPOSITIONS.has(w))) {
    const tail = last.slice(last.lastIndexOf('-') + 1); // "state-sponsor" → "state-sponsors"
    const head = phrase.trim().slice(0, -tail.length);
    if (/^\p{Ll}+$/u.test(tail)) for (const p of pluralOf(tail)) out.push(head + p);
  }
  if (words.length === 1 && /^\p{Ll}+$/u.test(phrase)) out.push(...conjugate(phrase));
  return unique(out);
}

/**
 * Whether an entry's acronyms take a plural ("ICBMs"): when one of its lower-case multiword aliases,
 * the expansion, ends in a countable noun ("intercontinental ballistic missile", not "… denuclearisation").
 */
export function acronymsTakePlural(aliases: readonly string[]): boolean {
  return aliases.some((a) => /^\p{Ll}[^A-Z]* \p{Ll}+$/u.test(a) && inflections(a).length > 1);
}

/**
 * Every form a page may use for an alias: its inflections and their spelling variants. Inflecting
 * first, while hyphens are intact, keeps proper names proper ("Punggye-ri" has no plural "Punggye ris").
 */
export function expandForms(alias: string, opts: InflectOptions = {}): string[] {
  return unique(inflections(alias, opts).flatMap((f) => spellingVariants(f)));
}
