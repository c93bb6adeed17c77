/**
 * Builds one scan batch: the page sentences (deduplicated) and a candidate per mention, within the
 * limits that the background worker's validator enforces. Pure: no DOM.
 */
import type { Candidate, Match, Zone } from '../scan/types';

export type SentenceAround = (text: string, start: number, end: number) => { sentence: string; at: number };

/** Mirrors `LIMITS` in lib/messaging/validate.ts (a test keeps them equal). */
export const SCAN_LIMITS = { sentences: 20_000, sentenceLength: 2_000, candidates: 50_000, mentionLength: 300 } as const;

/** Sentence context used when `sentenceAround` gives nothing usable. */
const FALLBACK_CONTEXT = 150;

/** Matches without overlaps: leftmost first, the longest of those starting at the same place. */
export function tidyMatches(matches: readonly Match[]): Match[] {
  if (matches.length < 2) return matches.filter((m) => m.end > m.start);
  const sorted = matches.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Match[] = [];
  let reach = -1;
  for (const m of sorted) {
    if (m.end <= m.start || m.start < reach) continue;
    out.push(m);
    reach = m.end;
  }
  return out;
}

/** Cut a long sentence to `max` characters around the mention, keeping `at` right. */
export function clipSentence(sentence: string, at: number, length: number, max: number): { sentence: string; at: number } {
  if (sentence.length <= max) return { sentence, at };
  const from = Math.max(0, Math.min(at - Math.floor((max - length) / 2), sentence.length - max));
  return { sentence: sentence.slice(from, from + max), at: at - from };
}

export class BatchBuilder {
  readonly sentences: string[] = [];
  readonly candidates: Candidate[] = [];
  /** Mentions that did not fit in the batch. */
  dropped = 0;
  private readonly index = new Map<string, number>();

  constructor(private readonly sentenceAround: SentenceAround) {}

  /** Add the mention `[start, end)` of `text`; false (and counted in `dropped`) when it cannot be sent. */
  add(text: string, zone: Zone, match: Match): boolean {
    const { start, end } = match;
    const mention = text.slice(start, end);
    if (mention.length > SCAN_LIMITS.mentionLength || this.candidates.length >= SCAN_LIMITS.candidates) {
      this.dropped++;
      return false;
    }
    let found: { sentence: string; at: number };
    try {
      found = this.sentenceAround(text, start, end);
    } catch {
      found = { sentence: '', at: -1 };
    }
    if (!(found.at >= 0 && found.sentence.slice(found.at, found.at + mention.length) === mention)) {
      const from = Math.max(0, start - FALLBACK_CONTEXT);
      found = { sentence: text.slice(from, Math.min(text.length, end + FALLBACK_CONTEXT)), at: start - from };
    }
    const clipped = clipSentence(found.sentence, found.at, mention.length, SCAN_LIMITS.sentenceLength);
    let sentence = this.index.get(clipped.sentence);
    if (sentence === undefined) {
      if (this.sentences.length >= SCAN_LIMITS.sentences) {
        this.dropped++;
        return false;
      }
      sentence = this.sentences.push(clipped.sentence) - 1;
      this.index.set(clipped.sentence, sentence);
    }
    this.candidates.push({ pattern: match.pattern, text: mention, sentence, at: clipped.at, zone });
    return true;
  }
}
