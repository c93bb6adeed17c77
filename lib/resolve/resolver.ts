/**
 * Candidates → entries, in the background worker. Full names count as written; short names only
 * on a page that names the entry in full; common-word aliases only next to a cue word and in
 * the right sense; ambiguous aliases by the knowledge base's rules.
 * Whether the page is relevant is judged from the full names alone (the dictionary decides them),
 * and short names and common words, which may need compromise, are decided only on a page that is
 * relevant or forced: most pages are neither, and compromise costs far more than everything else.
 */
import type { Ambiguity, Entry, KnowledgeBase } from '../knowledge/types';
import type { PageStatus } from '../messaging/protocol';
import type { Candidate, Pattern, PatternTable } from '../scan/types';
import { fold } from '../text/fold';
import { mostNamed, pickAmbiguous } from './ambiguity';
import { loadCompromise, SentenceTagger, type LoadNlp, type NlpParse } from './nlp';
import { afterArticle, standsAlone } from './names';
import { scoreRelevance } from './relevance';
import { AliasReadings, senseAgrees } from './senses';
import { cloneFrameState, emptyFrameState, isFrameState, tallyMention, type EntryTally, type FrameState } from './state';
import { hasCue, nameWords } from './words';

export interface ResolveInput {
  /** 0 for a fresh document: earlier state is forgotten. */
  batch: number;
  force: boolean;
  sentences: string[];
  candidates: Candidate[];
}

export interface ResolveResult {
  state: FrameState;
  status: PageStatus;
  /** One per candidate: the entry id to mark, or null. All null unless the page is annotated. */
  verdicts: (string | null)[];
  /**
   * The document turned relevant in a batch after the first: mentions in earlier batches were
   * answered null and are not marked yet (the content script should rescan to mark them).
   */
  becameRelevant: boolean;
}

export interface Resolver {
  resolve(prev: FrameState | null, input: ResolveInput): Promise<ResolveResult>;
}

export interface ResolverOptions {
  /** The compromise seam (tests spy on it). Called at most once per resolver, only when needed. */
  loadNlp?: LoadNlp;
}

interface EntryInfo {
  entry: Entry;
  ownNames: Set<string>;
  cues: string[];
}

export function createResolver(kb: KnowledgeBase, table: PatternTable, options: ResolverOptions = {}): Resolver {
  // Everything here is built on first use: a cold worker answers its first scan quickly.
  const byId = new Map(kb.entries.map((e) => [e.id, e]));
  const infos = new Map<string, EntryInfo>();
  let rulesByAlias: Map<string, Ambiguity> | null = null;
  let nlp: Promise<NlpParse> | null = null;
  const loadNlp = options.loadNlp ?? loadCompromise;
  // If compromise cannot load, rules fall back to the dictionary: a term it was asked about is not marked.
  const parser = (): Promise<NlpParse> => (nlp ??= loadNlp().catch((): NlpParse => () => []));
  const readings = new AliasReadings(parser);

  function info(id: string): EntryInfo | null {
    let i = infos.get(id);
    if (!i) {
      const entry = byId.get(id);
      if (!entry) return null;
      const names = [entry.label, ...entry.aliases, ...(entry.shortNames ?? []), ...(entry.contextual?.aliases ?? [])];
      i = { entry, ownNames: nameWords(names), cues: (entry.contextual?.cues ?? []).map(fold) };
      infos.set(id, i);
    }
    return i;
  }

  function ruleFor(p: Pattern): Ambiguity | undefined {
    rulesByAlias ??= new Map(kb.ambiguities.map((a) => [fold(a.alias), a]));
    const rule = rulesByAlias.get(p.text);
    if (rule) return rule;
    const ids = [...p.entries].sort().join('\n');
    return kb.ambiguities.find((a) => [...a.entries].sort().join('\n') === ids);
  }

  /** Full names need only the dictionary and the knowledge base's ambiguity rules. */
  function decideFull(c: Candidate, state: FrameState, sentences: readonly string[]): string | null {
    const p = table.patterns[c.pattern];
    if (!p || sentences[c.sentence] === undefined) return null;
    const ids = p.entries.filter((id) => byId.has(id));
    if (ids.length === 0) return null;
    return pickAmbiguous(ids, ids.length > 1 ? ruleFor(p) : undefined, state.fullNames);
  }

  /** Short names and common words, which may need compromise's reading of the sentence. */
  async function decide(c: Candidate, state: FrameState, sentences: string[], folded: (n: number) => string, tagger: SentenceTagger): Promise<string | null> {
    const p = table.patterns[c.pattern];
    const sentence = sentences[c.sentence];
    if (!p || sentence === undefined) return null;
    const ids = p.entries.filter((id) => byId.has(id));
    if (ids.length === 0) return null;
    const length = c.text.length;

    if (p.kind === 'short') {
      const id = mostNamed(ids, state.fullNames);
      const i = id === null ? null : info(id);
      if (!i) return null;
      if (afterArticle(sentence, c.at, length)) return null;
      return (await standsAlone(sentence, c.sentence, c.at, length, i.ownNames, tagger)) ? i.entry.id : null;
    }

    // contextual: cue words first (no compromise), then the sense.
    const cued = ids.filter((id) => hasCue(folded(c.sentence), info(id)?.cues ?? [], c.at, c.at + length));
    if (cued.length === 0) return null;
    const id = cued.length === 1 ? cued[0]! : (pickAmbiguous(cued, ruleFor(p), state.fullNames) ?? cued[0]!);
    const i = info(id);
    if (!i) return null;
    const sense = { form: p.form, sentence, sentenceIndex: c.sentence, at: c.at, length, ownNames: i.ownNames, cues: i.cues };
    return (await senseAgrees(sense, tagger, readings)) ? id : null;
  }

  return {
    async resolve(prev, input) {
      const state = input.batch === 0 || !isFrameState(prev) ? emptyFrameState() : cloneFrameState(prev);
      const wasAnnotated = state.relevant || state.forced;
      state.batches++;
      if (input.force) state.forced = true;

      // Full names first, so a short name earlier in the same batch sees them.
      for (const c of input.candidates) {
        const p = table.patterns[c.pattern];
        const id = p?.entries[0];
        if (p?.kind === 'full' && p.entries.length === 1 && id !== undefined && byId.has(id)) {
          state.fullNames[id] = (state.fullNames[id] ?? 0) + 1;
        }
      }

      const picks: (string | null)[] = input.candidates.map(() => null);
      const later: number[] = []; // short names and common words: decided only on an annotated page
      input.candidates.forEach((c, k) => {
        if (table.patterns[c.pattern]?.kind === 'full') picks[k] = decideFull(c, state, input.sentences);
        else later.push(k);
      });
      const weightOf = (id: string) => byId.get(id)?.weight ?? 0;
      // Relevance from the full names alone: on a page neither relevant by them nor forced, short names
      // and common words stay undecided (null), so compromise is never loaded for it.
      if (!state.relevant && !state.forced) state.relevant = scoreRelevance(tallied(state, input.candidates, picks), weightOf).relevant;

      if (later.length > 0 && (state.relevant || state.forced)) {
        const foldedCache = new Map<number, string>();
        const folded = (n: number): string => {
          let f = foldedCache.get(n);
          if (f === undefined) foldedCache.set(n, (f = fold(input.sentences[n] ?? '')));
          return f;
        };
        const tagger = new SentenceTagger(input.sentences, parser);
        for (const k of later) picks[k] = await decide(input.candidates[k]!, state, input.sentences, folded, tagger);
      }
      // Tallied in page order, so each entry's mention texts are listed as the page shows them.
      input.candidates.forEach((c, k) => {
        const id = picks[k];
        if (id) tallyMention(state, id, c.text, c.zone);
      });

      const rel = scoreRelevance(state.entries, weightOf);
      state.score = rel.score;
      state.relevant ||= rel.relevant;
      const annotate = state.relevant || state.forced;
      state.status = annotate ? 'annotated' : 'not-relevant';
      return {
        state,
        status: state.status,
        verdicts: annotate ? picks : picks.map(() => null),
        becameRelevant: annotate && !wasAnnotated && state.batches > 1,
      };
    },
  };
}

/** The state's entries with these picks tallied, on a copy. */
function tallied(state: FrameState, candidates: readonly Candidate[], picks: readonly (string | null)[]): Record<string, EntryTally> {
  const copy = cloneFrameState(state);
  candidates.forEach((c, k) => {
    const id = picks[k];
    if (id) tallyMention(copy, id, c.text, c.zone);
  });
  return copy.entries;
}
