/**
 * Common-word aliases ("freeze", "breakout", "rogue", "Washington", "Hanoi") in the
 * nuclear-diplomacy sense. The cue check (cheap, dictionary only) runs before this;
 * compromise is asked only about single words that survived it.
 */
import { hasTag, type NlpParse, type NlpTerm, type SentenceTagger } from './nlp';
import { standsAlone } from './names';
import { isTitleCase, wordBefore } from './words';

/**
 * Nouns that a common-word term may legitimately modify ("freeze agreement", "breakout time",
 * "sanctions enforcement"). Any other noun after it makes a compound in another sense
 * ("freeze warning", "breakout session", "umbrella term"), unless it is one of the entry's cues.
 */
const DIPLOMATIC_HEADS = new Set(
  (
    'agreement deal proposal talks offer plan pledge commitment accord arrangement time timeline period ' +
    'capability capacity potential status policy guarantee force effect value posture strategy option ' +
    'declaration framework regime provision enforcement evasion package committee violation list designation ' +
    'resolution monitoring panel pressure campaign measure programme program negotiation relief'
  ).split(' '),
);

export interface SenseInput {
  /** The pattern's form (the alias as the knowledge base writes it). */
  form: string;
  /** The sentence as written. */
  sentence: string;
  sentenceIndex: number;
  at: number;
  length: number;
  ownNames: ReadonlySet<string>;
  /** The entry's folded cues. */
  cues: readonly string[];
}

const isCapitalisedWord = (w: string): boolean => /^\p{Lu}/u.test(w);

/** A name-like alias: every word capitalised (Washington, Hanoi, New Year), not a sentence ("It won't happen"). */
function isNameLike(form: string): boolean {
  const words = form.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 3 && words.every(isCapitalisedWord) && !/[.!?]$/.test(form);
}

function stripPlural(w: string): string {
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** How compromise reads an alias on its own: cached per form for the resolver's lifetime. */
export class AliasReadings {
  private readonly cache = new Map<string, NlpTerm | undefined>();
  constructor(private readonly parser: () => Promise<NlpParse>) {}
  async of(form: string): Promise<NlpTerm | undefined> {
    if (!this.cache.has(form)) this.cache.set(form, (await this.parser())(form)[0]);
    return this.cache.get(form);
  }
}

export async function senseAgrees(x: SenseInput, tagger: SentenceTagger, readings: AliasReadings): Promise<boolean> {
  const written = x.sentence.slice(x.at, x.at + x.length);
  if (isNameLike(x.form)) {
    if (!(await standsAlone(x.sentence, x.sentenceIndex, x.at, x.length, x.ownNames, tagger))) return false;
    const ctx = await tagger.at(x.sentenceIndex, x.at, x.length);
    if (!ctx) return true;
    const alone = await readings.of(x.form);
    // A place name read as a person here: "George Washington" past the neighbour test.
    if (hasTag(alone, 'Place')) return !(hasTag(ctx.term, 'Person') && !hasTag(ctx.term, 'Place'));
    // A person's name read as a thing: "the Moon landing".
    if (hasTag(ctx.term, 'Place') && !hasTag(ctx.term, 'Person')) return false;
    return !(hasTag(ctx.before, 'Determiner', 'Adjective') && !hasTag(ctx.before, 'Honorific'));
  }
  // A common word written with a capital mid-sentence is a name ("Arsenal", "Operation Freeze").
  if (isCapitalisedWord(written) && wordBefore(x.sentence, x.at) && !isTitleCase(x.sentence)) return false;
  // Phrases ("state media", "nuclear programme") are specific enough once a cue agrees.
  if (/\s/.test(x.form.trim())) return true;

  const ctx = await tagger.at(x.sentenceIndex, x.at, x.length);
  if (!ctx) return false;
  const alone = await readings.of(x.form);
  // Adjectives by nature ("rogue", "transactional"): modifying a noun is their job.
  if (hasTag(alone, 'Adjective') && !hasTag(alone, 'Noun')) return true;
  if (!hasTag(ctx.term, 'Noun', 'Verb')) return false;
  const next = ctx.after;
  if (hasTag(ctx.term, 'Noun') && !hasTag(ctx.term, 'Verb') && isNounHead(next)) {
    const head = stripPlural(next.text.toLowerCase());
    return DIPLOMATIC_HEADS.has(head) || x.ownNames.has(head) || x.cues.some((c) => head.startsWith(c));
  }
  return true;
}

function isNounHead(t: NlpTerm | undefined): t is NlpTerm {
  return hasTag(t, 'Noun') && !hasTag(t, 'Pronoun', 'Possessive', 'Date', 'Value', 'ProperNoun');
}
