/** Picking one entry among several that claim the same text, from the full names the page uses. */
import type { Ambiguity } from '../knowledge/types';

/** The id among `ids` whose full name the page uses most; null when the page names none of them. */
export function mostNamed(ids: readonly string[], fullNames: Readonly<Record<string, number>>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  for (const id of ids) {
    const n = fullNames[id] ?? 0;
    if (n > bestCount) {
      best = id;
      bestCount = n;
    }
  }
  return best;
}

/**
 * Apply an ambiguity rule. `default`: the default, unless another candidate's full name is on
 * the page (then the most named of those). `full-name-on-page` (and no rule at all): the most
 * named candidate, or nothing.
 */
export function pickAmbiguous(
  ids: readonly string[],
  rule: Ambiguity | undefined,
  fullNames: Readonly<Record<string, number>>,
): string | null {
  if (ids.length === 1) return ids[0]!;
  const named = mostNamed(ids, fullNames);
  if (rule?.rule === 'default' && rule.default && ids.includes(rule.default)) {
    const othersNamed = ids.some((id) => id !== rule.default && (fullNames[id] ?? 0) > 0);
    return othersNamed ? named : rule.default;
  }
  return named;
}
