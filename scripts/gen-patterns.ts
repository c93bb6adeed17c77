/**
 * Writes assets/generated/patterns.json, the pattern table the content script bundles, from the
 * knowledge base. Run after editing assets/knowledge/*.json: `npm run gen:patterns`
 * (`npx tsx scripts/gen-patterns.ts`). tests/unit/patterns-in-sync.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateKnowledgeBase } from '../lib/knowledge/schema';
import type { KnowledgeBase } from '../lib/knowledge/types';
import { buildPatternTable } from '../lib/scan/patterns';
import { encodePatternTable } from '../lib/scan/pattern-codec';
import type { PatternTable } from '../lib/scan/types';

// Paths as strings: under Vitest's happy-dom environment the global URL is not Node's.
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
export const PATTERNS_PATH = join(root, 'assets/generated/patterns.json');

/** The knowledge base read straight from the JSON files (no Vite `?raw` imports), validated. */
export function readKnowledgeBase(): KnowledgeBase {
  const result = validateKnowledgeBase(
    {
      source: JSON.parse(read('assets/source/meta.json')),
      entries: JSON.parse(read('assets/knowledge/entries.json')),
      ambiguities: JSON.parse(read('assets/knowledge/ambiguities.json')),
    },
    read('assets/source/litwak-2019-trump-kim-summit-ii.txt'),
  );
  if (!result.ok) throw new Error(`The knowledge base is invalid:\n${result.errors.join('\n')}`);
  return result.kb;
}

/** Stable text of a table in the compact encoding the content script bundles (see lib/scan/pattern-codec). */
export function serialisePatternTable(table: PatternTable): string {
  return `${JSON.stringify(encodePatternTable(table))}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const table = buildPatternTable(readKnowledgeBase());
  const text = serialisePatternTable(table);
  writeFileSync(PATTERNS_PATH, text);
  console.log(`${table.patterns.length} patterns → ${PATTERNS_PATH} (${text.length} bytes)`);
}
