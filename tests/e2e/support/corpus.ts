/** The saved real pages of ../shared/corpus and their categories, read from its README table. */
import { readFileSync } from 'node:fs';
import { CORPUS_README } from './paths';

export type CorpusCategory = 'unrelated' | 'incidental' | 'nk-related' | 'synthetic';

export interface CorpusPage {
  name: string;
  category: CorpusCategory;
  title: string;
}

const CATEGORIES = new Set<string>(['unrelated', 'incidental', 'nk-related', 'synthetic']);

/** Rows of the README's `| page | category | … | title | … |` table. */
export function corpusPages(): CorpusPage[] {
  const pages: CorpusPage[] = [];
  for (const line of readFileSync(CORPUS_README, 'utf8').split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').map((c) => c.trim());
    // cells[0] is empty (leading pipe): page, category, bytes, elements, depth, iframes, lang, title …
    const [name, category] = [cells[1] ?? '', cells[2] ?? ''];
    if (!CATEGORIES.has(category)) continue;
    pages.push({ name, category: category as CorpusCategory, title: cells[8] ?? '' });
  }
  return pages;
}
