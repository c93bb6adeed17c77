/** lib/resolve: candidates → entries, relevance, per-frame state and the page report. */
export { createResolver, type Resolver, type ResolveInput, type ResolveResult, type ResolverOptions } from './resolver';
export { buildPageReport } from './report';
export { emptyFrameState, MAX_MENTION_TEXTS, type EntryTally, type FrameState } from './state';
export {
  ASIDE_FACTOR,
  DECISIVE_WEIGHT,
  MIN_DECISIVE_ENTRIES,
  MIN_DECISIVE_MENTIONS,
  RELEVANCE_THRESHOLD,
  REPEAT_CAP,
  repetitionValue,
  scoreRelevance,
  type Relevance,
} from './relevance';
export { loadCompromise, type LoadNlp, type NlpParse, type NlpTerm } from './nlp';
