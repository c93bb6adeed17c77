/**
 * Exact lookup from anything a reader may type or select ("Kim Jong-un's", "the Libya model",
 * "denuclearization") to the entries that claim it.
 */
import { fold, SOFT } from '../text/fold';
import { acronymsTakePlural, expandForms } from '../text/variants';
import type { Entry, KnowledgeBase } from './types';

const SOFT_RE = new RegExp(String.fromCharCode(SOFT), 'g');

/**
 * The lookup key of a text: folded, possessive 's dropped, punctuation (hyphens, dots, commas,
 * quotes) as spaces, "the" dropped, single letters of a dotted acronym joined ("u s" → "us").
 */
export function normaliseQuery(text: string): string {
  const folded = fold(text).replace(SOFT_RE, '');
  const words = folded
    .replace(/(\p{L}\.?)'s(?![\p{L}\p{N}])/gu, '$1') // Kim's → Kim, D.P.R.K.'s → D.P.R.K.
    .replace(/(\p{L})s'(?![\p{L}\p{N}])/gu, '$1s') // states' → states
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && w !== 'the');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    // Join runs of two or more single letters: "U.S." and "US" are one key.
    if (w.length === 1 && words[i + 1]?.length === 1) {
      let run = w;
      while (words[i + 1]?.length === 1) run += words[++i]!;
      out.push(run);
    } else out.push(w);
  }
  return out.join(' ');
}

/** Normalised alias → ids of the entries that claim it (sorted). */
export type AliasIndex = ReadonlyMap<string, readonly string[]>;

/** One name of an entry as written in the knowledge base, with the list it comes from. */
export interface EntryName {
  text: string;
  list: 'label' | 'alias' | 'short' | 'contextual';
}

/** Every name the knowledge base lists for an entry: label, aliases, short names, contextual aliases. */
export function entryNames(entry: Entry): EntryName[] {
  return [
    { text: entry.label, list: 'label' as const },
    ...entry.aliases.map((text) => ({ text, list: 'alias' as const })),
    ...(entry.shortNames ?? []).map((text) => ({ text, list: 'short' as const })),
    ...(entry.contextual?.aliases ?? []).map((text) => ({ text, list: 'contextual' as const })),
  ];
}

/** Every form of every name of an entry (spelling variants and inflections included), with the name it came from. */
export function entryForms(entry: Entry): { form: string; name: EntryName }[] {
  const acronymPlural = acronymsTakePlural(entry.aliases);
  return entryNames(entry).flatMap((name) => expandForms(name.text, { acronymPlural }).map((form) => ({ form, name })));
}

export function buildAliasIndex(kb: KnowledgeBase): AliasIndex {
  const index = new Map<string, string[]>();
  for (const entry of kb.entries) {
    for (const { form } of entryForms(entry)) {
      const key = normaliseQuery(form);
      if (key === '') continue;
      const ids = index.get(key);
      if (!ids) index.set(key, [entry.id]);
      else if (!ids.includes(entry.id)) ids.push(entry.id);
    }
  }
  for (const ids of index.values()) ids.sort();
  return index;
}

/** Entry ids whose alias (or one of its forms) is exactly this text, after normalisation. */
export function lookupAlias(index: AliasIndex, text: string): string[] {
  return [...(index.get(normaliseQuery(text)) ?? [])];
}
