/**
 * Compiles the knowledge base into the pattern table that the content script matches page text
 * against: every alias, short name and contextual alias with all its spelling variants and
 * inflections, folded. Runs at generation time (`npm run gen:patterns`) and in tests.
 */
import type { Ambiguity, KnowledgeBase } from '../knowledge/types';
import { fold } from '../text/fold';
import { acronymsTakePlural, expandForms } from '../text/variants';
import type { CaseRule, Pattern, PatternKind, PatternTable } from './types';

export const PATTERN_TABLE_VERSION = 1;

/** The case rule a form asks for (see `Entry.aliases`): acronyms exact, capitalised names initial. */
export function caseRuleOf(form: string): CaseRule {
  const letters = form.match(/\p{L}/gu) ?? [];
  if (letters.length >= 2 && !/\p{Ll}/u.test(form)) return 'exact';
  // An acronym's plural (ICBMs) keeps the acronym's exact case.
  if (letters.length >= 3 && form.endsWith('s') && !/\p{Ll}/u.test(form.slice(0, -1))) return 'exact';
  if (/^\p{Lu}/u.test(form)) return 'initial';
  return 'any';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildPatternTable(kb: KnowledgeBase): PatternTable {
  const byKey = new Map<string, Pattern>();
  for (const entry of kb.entries) {
    const acronymPlural = acronymsTakePlural(entry.aliases);
    const lists: [PatternKind, string[]][] = [
      ['full', entry.aliases],
      ['short', entry.shortNames ?? []],
      ['contextual', entry.contextual?.aliases ?? []],
    ];
    for (const [kind, aliases] of lists) {
      for (const alias of aliases) {
        for (const form of expandForms(alias.trim(), { acronymPlural })) {
          const text = fold(form);
          const caseRule = caseRuleOf(form);
          const key = `${text}\u0000${caseRule}\u0000${kind}`;
          const had = byKey.get(key);
          if (!had) byKey.set(key, { text, form, caseRule, kind, entries: [entry.id] });
          else {
            if (!had.entries.includes(entry.id)) had.entries.push(entry.id);
            // Forms that fold alike differ at most in case the rule ignores; keep one deterministically.
            if (compare(form, had.form) < 0) had.form = form;
          }
        }
      }
    }
  }
  const patterns = [...byKey.values()];
  for (const p of patterns) p.entries.sort(compare);
  patterns.sort((a, b) => compare(a.text, b.text) || compare(a.kind, b.kind) || compare(a.caseRule, b.caseRule));
  return { version: PATTERN_TABLE_VERSION, patterns };
}

/**
 * The ambiguity rule for each pattern text that several entries claim. Variants of a declared alias
 * ("Trump Kim summit" of "Trump-Kim summit") share its rule, so the resolver should look rules up here
 * by `pattern.text` rather than by the alias as written in ambiguities.json.
 */
export function ambiguityIndex(kb: KnowledgeBase): Map<string, Ambiguity> {
  const index = new Map<string, Ambiguity>();
  for (const ambiguity of kb.ambiguities) {
    for (const form of expandForms(ambiguity.alias.trim())) if (!index.has(fold(form))) index.set(fold(form), ambiguity);
  }
  return index;
}
