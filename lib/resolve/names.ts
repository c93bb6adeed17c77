/**
 * "Is this 'Kim' part of another person's name?" A short name or capitalised common alias is
 * rejected when the next word is a capitalised word that is not one of the entry's own names
 * (Kim Kardashian, Kim Yong-hyun, Bolton Wanderers, Washington Post) or the previous word is a
 * capitalised given name (Arnold Kim, Stella Kim, George Washington). Titles, possessives and
 * capitalised function words are fine; anything else capitalised is decided by compromise.
 */
import { hasTag, type SentenceTagger } from './nlp';
import { isTitleCase, wordAfter, wordBefore, wordStem, type Neighbour } from './words';

const TITLES = new Set(
  (
    'president chairman chairwoman leader mr mrs ms miss dr general gen secretary adviser advisor ambassador envoy ' +
    'minister premier comrade supreme marshal dictator senator sen rep representative governor gov vice prime ' +
    'director chief commander king queen prince emperor chancellor former ex first deputy foreign defence defense ' +
    'national security state special representative spokesman spokeswoman sister brother uncle father son daughter wife ' +
    'mayor lawmaker officer admiral colonel col lt sergeant judge justice speaker candidate nominee pres'
  ).split(' '),
);

// Capitalised at a sentence start or in a title-case headline, never a given name or a name's continuation.
const FUNCTION_WORDS = new Set(
  (
    'a an the and or but nor so yet for if when while as after before since until because though although ' +
    'then also only even still now today yesterday tonight here there this that these those his her its their our ' +
    'my your we they he she it i you who what where why how will would can could should may might must shall ' +
    'has have had is was are were be been did does do not no both with without from to in on at by of about ' +
    'against between over under into onto than via vs versus says said say tells told meets met asks warns ' +
    'urges calls slams hails praises rejects accepts agrees wants plans seeks vows denies claims insists ' +
    'say tell meet ask warn urge call slam hail praise reject accept agree want seek vow deny claim insist ' +
    'mon tue wed thu fri sat sun monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'dc d.c'
  ).split(' '),
);

// compromise tags that say the neighbour is not a name (verbs and function words in headlines, dates).
const NOT_A_NAME_BEFORE = ['Verb', 'Preposition', 'Conjunction', 'Determiner', 'Adverb', 'Pronoun', 'Honorific', 'Place', 'Date', 'Value', 'Possessive', 'Adjective'];
const NOT_A_NAME_AFTER = ['Verb', 'Preposition', 'Conjunction', 'Determiner', 'Adverb', 'Pronoun', 'Date', 'Value'];

type Verdict = 'ok' | 'name' | 'ask';

function judge(w: Neighbour | null, side: 'before' | 'after', ownNames: ReadonlySet<string>): Verdict {
  if (!w || !w.capitalised) return 'ok';
  const stem = wordStem(w.folded);
  if (ownNames.has(stem) || ownNames.has(w.folded)) return 'ok';
  if (FUNCTION_WORDS.has(stem) || FUNCTION_WORDS.has(w.folded)) return 'ok';
  if (side === 'before') {
    if (TITLES.has(stem)) return 'ok';
    // "Korea's Kim", "Pyongyang's Kim": a possessive is not a given name.
    if (/'s?$/.test(w.folded)) return 'ok';
  }
  return 'ask';
}

// "the Moon", "a Trump card": after an article a person's name is only a modifier of these.
const DETERMINERS = new Set(['the', 'a', 'an', 'full', 'new', 'half', 'harvest', 'blood', 'blue', 'crescent']);
const PERSON_HEADS = new Set(
  (
    'government governments administration regime regimes campaign era presidency team camp family dynasty doctrine ' +
    'policy policies visit summit meeting meetings talks statement letter letters proposal plan memo years speech ' +
    'rally tweet tweets aide aides officials cabinet white'
  ).split(' '),
);

/**
 * "the Moon rose": an article right before a short name makes it a common noun, unless the
 * name modifies one of a few nouns ("the Moon government", "the Trump administration").
 */
export function afterArticle(sentence: string, at: number, length: number): boolean {
  const before = wordBefore(sentence, at);
  if (!before || before.capitalised || !DETERMINERS.has(before.folded)) return false;
  const after = wordAfter(sentence, at + length);
  return !(after && !after.capitalised && PERSON_HEADS.has(wordStem(after.folded)));
}

/** True when the mention stands on its own, not inside another name. Loads compromise only if needed. */
export async function standsAlone(
  sentence: string,
  sentenceIndex: number,
  at: number,
  length: number,
  ownNames: ReadonlySet<string>,
  tagger: SentenceTagger,
): Promise<boolean> {
  const before = judge(wordBefore(sentence, at), 'before', ownNames);
  const after = judge(wordAfter(sentence, at + length), 'after', ownNames);
  if (before === 'ok' && after === 'ok') return true;
  const ctx = await tagger.at(sentenceIndex, at, length);
  // No reading of the sentence: an unknown capitalised neighbour is more likely a name than not.
  if (!ctx) return false;
  if (before === 'ask' && !hasTag(ctx.before, ...NOT_A_NAME_BEFORE)) return false;
  if (after === 'ask' && !hasTag(ctx.after, ...NOT_A_NAME_AFTER)) {
    // In a title-case headline every word is capitalised: only a surname or name part counts ("Kim Kardashian
    // Posts Photo"), not "Trump Supporters". A given name before still does ("Melania Trump").
    if (!isTitleCase(sentence) || hasTag(ctx.after, 'Person')) return false;
  }
  return true;
}
