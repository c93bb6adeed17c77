/**
 * The knowledge base's data model. The data lives in `assets/knowledge/*.json`;
 * `schema.ts` validates it at load time and in tests.
 */
export type EntryKind = 'actor' | 'term' | 'event' | 'place';
export const ENTRY_KINDS: readonly EntryKind[] = ['actor', 'term', 'event', 'place'];

/** What one side takes a term to mean, where the sides disagree. */
export interface Perspective {
  side: string;
  view: string;
}

export interface EntryDate {
  /** ISO date, as precise as known: `2018`, `2018-06`, `2018-06-12`. */
  date: string;
  what: string;
}

export interface Entry {
  /** Stable kebab-case id, never reused. */
  id: string;
  kind: EntryKind;
  label: string;
  /**
   * Full names and spellings, matched wherever they appear. Case rule, from the alias itself:
   * no lowercase letter (CVID, ICBM, US) → exact case; starts with a capital (Bolton,
   * Washington) → the first letter must be a capital; otherwise any case.
   * British/American spelling variants and plurals are generated; list other forms here.
   */
  aliases: string[];
  /** Short forms ("Kim", "Chairman Kim", "Bolton") that count only on a page that names the entry in full. */
  shortNames?: string[];
  /** Common-word aliases ("freeze", "Moon") that count only next to a cue word in the same sentence. */
  contextual?: { aliases: string[]; cues: string[] };
  /** One to three sentences in the project's own words. */
  definition: string;
  perspectives?: Perspective[];
  dates?: EntryDate[];
  /** Ids of related entries. */
  related: string[];
  /** Sentences or fragments that appear verbatim in the source article. Empty only when `fromSource` is false. */
  quotes: string[];
  /** False for widely known facts the article does not state (Yongbyon, ICBM …): cards say so. */
  fromSource: boolean;
  /** How strongly a mention signals a page about North Korea or nuclear diplomacy: 0 (none) to 3 (decisive). */
  weight: number;
}

/** An alias that several entries claim, with the rule that picks one. */
export interface Ambiguity {
  alias: string;
  entries: string[];
  /**
   * `full-name-on-page`: the entry whose full name the page uses (most mentions wins); dropped if none.
   * `default`: `default` unless another candidate's full name is on the page.
   */
  rule: 'full-name-on-page' | 'default';
  default?: string;
}

export interface SourceMeta {
  id: string;
  title: string;
  author: string;
  authorRole: string;
  publisher: string;
  date: string;
  licence: string;
  attribution: string;
}

export interface KnowledgeBase {
  source: SourceMeta;
  entries: Entry[];
  ambiguities: Ambiguity[];
}

/** Everything a context card needs, as the background worker sends it. */
export interface CardData {
  entry: Entry;
  related: { id: string; label: string; kind: EntryKind }[];
  source: SourceMeta;
}
