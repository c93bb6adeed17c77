/**
 * Is this page about North Korea / nuclear diplomacy? Scored from the strong terms found,
 * so that one passing mention in a sidebar or a country list never makes a page relevant.
 */
import type { EntryTally } from './state';

/** An entry of this weight (North Korea, Kim Jong Un, denuclearisation …) is decisive. */
export const DECISIVE_WEIGHT = 3;
/** A mention in navigation, asides, footers or link lists counts this much of a main-zone one. */
export const ASIDE_FACTOR = 0.25;
/** One entry contributes at most `weight × REPEAT_CAP` (≈ 8 mentions): repetition saturates. */
export const REPEAT_CAP = 4;
/** Minimum total score. North Korea ×3 alone scores 7.75; one mention of two decisive entries 6. */
export const RELEVANCE_THRESHOLD = 7;
/** The decisive-evidence gate: this many distinct decisive entries in the main zone … */
export const MIN_DECISIVE_ENTRIES = 2;
/** … or one decisive entry mentioned this often in the main zone. */
export const MIN_DECISIVE_MENTIONS = 3;

export interface Relevance {
  score: number;
  /** Distinct decisive entries with a main-zone mention. */
  decisiveEntries: number;
  /** Most main-zone mentions of any one decisive entry. */
  decisiveMentions: number;
  relevant: boolean;
}

/** Diminishing returns: 1 mention → 1, 2 → 2, 4 → 3, 8 → 4; fractional (aside-only) counts stay below 1. */
export function repetitionValue(n: number): number {
  if (n <= 0) return 0;
  return Math.min(REPEAT_CAP, n <= 1 ? n : 1 + Math.log2(n));
}

export function scoreRelevance(entries: Record<string, EntryTally>, weightOf: (id: string) => number): Relevance {
  let score = 0;
  let decisiveEntries = 0;
  let decisiveMentions = 0;
  for (const [id, t] of Object.entries(entries)) {
    const w = weightOf(id);
    if (w <= 0) continue;
    score += w * repetitionValue(t.main + ASIDE_FACTOR * t.aside);
    if (w >= DECISIVE_WEIGHT && t.main > 0) {
      decisiveEntries++;
      decisiveMentions = Math.max(decisiveMentions, t.main);
    }
  }
  score = Math.round(score * 100) / 100;
  const decisive = decisiveEntries >= MIN_DECISIVE_ENTRIES || decisiveMentions >= MIN_DECISIVE_MENTIONS;
  return { score, decisiveEntries, decisiveMentions, relevant: decisive && score >= RELEVANCE_THRESHOLD };
}
