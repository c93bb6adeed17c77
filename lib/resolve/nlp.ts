/**
 * The seam to compromise. It is loaded lazily, only when a short name or a common-word alias
 * needs a second opinion, so a page decided by the dictionary alone never pays for it.
 */

/** One word as compromise tags it; `start` is its offset in the parsed sentence. */
export interface NlpTerm {
  text: string;
  start: number;
  tags: string[];
}

/** Tag one sentence. */
export type NlpParse = (sentence: string) => NlpTerm[];
export type LoadNlp = () => Promise<NlpParse>;

interface CompromiseJsonTerm {
  text: string;
  tags?: string[];
  offset?: { start: number };
}

/** The production loader: a dynamic import, so the worker's cold start does not include compromise. */
export const loadCompromise: LoadNlp = async () => {
  const { default: nlp } = await import('compromise');
  return (sentence) => {
    const out: NlpTerm[] = [];
    const json = nlp(sentence).json({ offset: true }) as { terms?: CompromiseJsonTerm[] }[];
    for (const s of json) for (const t of s.terms ?? []) out.push({ text: t.text, start: t.offset?.start ?? -1, tags: t.tags ?? [] });
    return out;
  };
};

/** Where a mention stands in compromise's reading of its sentence. */
export interface TermContext {
  /** The term that contains the mention's first character. */
  term: NlpTerm;
  before: NlpTerm | undefined;
  after: NlpTerm | undefined;
}

/** Sentences parsed per `resolve` call at most (≈1 ms each); past it, rules fall back to the dictionary. */
export const MAX_PARSES_PER_CALL = 400;

/**
 * Parses per call: each sentence at most once (the cache lives only as long as one `resolve` call,
 * so a long-lived worker holds no page text), and compromise is loaded at most once per resolver.
 */
export class SentenceTagger {
  private readonly parsed = new Map<number, NlpTerm[]>();

  constructor(
    private readonly sentences: readonly string[],
    private readonly parser: () => Promise<NlpParse>,
    private readonly budget = MAX_PARSES_PER_CALL,
  ) {}

  /** compromise's reading around a mention; null when it has none or the call's budget is spent. */
  async at(sentence: number, offset: number, length: number): Promise<TermContext | null> {
    let terms = this.parsed.get(sentence);
    if (!terms) {
      if (this.parsed.size >= this.budget) return null;
      const parse = await this.parser();
      terms = parse(this.sentences[sentence] ?? '');
      this.parsed.set(sentence, terms);
    }
    const end = offset + Math.max(1, length);
    const i = terms.findIndex((t) => t.start >= 0 && t.start < end && t.start + t.text.length > offset);
    const term = terms[i];
    if (!term) return null;
    // A multi-word mention spans several terms: "after" is the term following its end.
    let j = i;
    while (j + 1 < terms.length && terms[j + 1]!.start < end) j++;
    return { term, before: terms[i - 1], after: terms[j + 1] };
  }
}

export function hasTag(t: NlpTerm | undefined, ...tags: string[]): boolean {
  return !!t && tags.some((tag) => t.tags.includes(tag));
}
