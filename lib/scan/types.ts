/**
 * The compiled alias table that the content script matches page text against.
 * Generated from the knowledge base (`npm run gen:patterns` → `assets/generated/patterns.json`)
 * so that the content script ships neither the knowledge base nor compromise.
 */
export type PatternKind = 'full' | 'short' | 'contextual';
/** `exact`: every letter's case (acronyms); `initial`: first letter must be a capital; `any`. */
export type CaseRule = 'exact' | 'initial' | 'any';

export interface Pattern {
  /** Folded form (see `lib/text/fold`) that the matcher looks for. */
  text: string;
  /** The form whose case `caseRule` checks, same length as `text`. */
  form: string;
  caseRule: CaseRule;
  kind: PatternKind;
  /** Entry ids that claim this alias; more than one means an ambiguity rule decides. */
  entries: string[];
}

export interface PatternTable {
  version: number;
  patterns: Pattern[];
}

/** A match in one text run: `[start, end)` in the run's text, `pattern` indexes `PatternTable.patterns`. */
export interface Match {
  start: number;
  end: number;
  pattern: number;
}

/** Where on the page a mention stands: in the page's own content, or in navigation, asides, footers, link lists. */
export type Zone = 'main' | 'aside';

/** What the content script sends for one mention. */
export interface Candidate {
  /** Index into `PatternTable.patterns`. */
  pattern: number;
  /** The mention exactly as the page writes it. */
  text: string;
  /** Index into the batch's `sentences`. */
  sentence: number;
  /** Offset of the mention within that sentence. */
  at: number;
  zone: Zone;
}
