/**
 * The shipped knowledge base, validated once when first imported. A malformed data file throws
 * here, with every problem listed by entry and field, rather than showing a broken card later.
 * Bundled through Vite (`?raw`); Node scripts read the files themselves and call `validateKnowledgeBase`.
 */
import rawSourceText from '../../assets/source/litwak-2019-trump-kim-summit-ii.txt?raw';
import meta from '../../assets/source/meta.json';
import entries from '../../assets/knowledge/entries.json';
import ambiguities from '../../assets/knowledge/ambiguities.json';
import { validateKnowledgeBase } from './schema';
import { parseSourceText, type SourceParts } from './source-text';
import type { Entry, KnowledgeBase } from './types';

export const sourceText: string = rawSourceText;

function load(): KnowledgeBase {
  const result = validateKnowledgeBase({ source: meta, entries, ambiguities }, sourceText);
  if (!result.ok) {
    throw new Error(`NK Context knowledge base is invalid (${result.errors.length} problems):\n${result.errors.join('\n')}`);
  }
  return result.kb;
}

export const knowledgeBase: KnowledgeBase = load();

const byId = new Map(knowledgeBase.entries.map((e) => [e.id, e]));

/** The entry with this id, or undefined. */
export function entryById(id: string): Entry | undefined {
  return byId.get(id);
}

let parts: SourceParts | undefined;

/** The source article split into title, standfirst, paragraphs, author's note and licence line. */
export function sourceParagraphs(): SourceParts {
  return (parts ??= parseSourceText(sourceText));
}
