/**
 * The knowledge base as the tests see it: entry ids and labels read from assets/knowledge/*.json,
 * so the specs name entries by what a reader would type ("Kim Jong Un") rather than by guessed ids.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Entry } from '../../../lib/knowledge/types';
import { ROOT } from './paths';

const KNOWLEDGE_DIR = path.join(ROOT, 'assets', 'knowledge');

function isEntry(x: unknown): x is Entry {
  const e = x as Partial<Entry> | null;
  return !!e && typeof e.id === 'string' && typeof e.label === 'string' && Array.isArray(e.aliases);
}

let cache: Entry[] | undefined;

/** Every entry in assets/knowledge/*.json (an array of entries or `{ entries: [...] }`); [] before the data lands. */
export function knowledgeEntries(): Entry[] {
  if (cache) return cache;
  const found: Entry[] = [];
  if (existsSync(KNOWLEDGE_DIR)) {
    for (const file of readdirSync(KNOWLEDGE_DIR).filter((f) => f.endsWith('.json')).sort()) {
      const data = JSON.parse(readFileSync(path.join(KNOWLEDGE_DIR, file), 'utf8')) as unknown;
      const list = Array.isArray(data) ? data : (data as { entries?: unknown })?.entries;
      if (Array.isArray(list)) found.push(...list.filter(isEntry));
    }
  }
  cache = found;
  return found;
}

const key = (s: string) => s.toLowerCase().replace(/[\s\u2010-\u2015-]+/g, ' ').trim();

/**
 * The id of the entry a reader means by any of `names` (label or alias, case and hyphens aside),
 * preferring labels; `fallback` (the id the brief names) before the knowledge base exists.
 */
export function entryId(names: string[], fallback: string): string {
  const entries = knowledgeEntries();
  if (entries.length === 0) return fallback;
  const wanted = names.map(key);
  const byLabel = entries.find((e) => wanted.includes(key(e.label)));
  if (byLabel) return byLabel.id;
  const byAlias = entries.find((e) => e.aliases.some((a) => wanted.includes(key(a))));
  if (byAlias) return byAlias.id;
  if (entries.some((e) => e.id === fallback)) return fallback;
  throw new Error(`No knowledge entry is called ${names.map((n) => `"${n}"`).join(' / ')} (nor has id ${fallback})`);
}

export function labelOf(id: string): string | undefined {
  return knowledgeEntries().find((e) => e.id === id)?.label;
}

/** The entries the end-to-end specs talk about, by what readers call them. */
export const ids = {
  kimJongUn: () => entryId(['Kim Jong Un', 'Kim Jong-un'], 'kim-jong-un'),
  northKorea: () => entryId(['North Korea', 'DPRK'], 'north-korea'),
  denuclearisation: () => entryId(['denuclearisation', 'denuclearization'], 'denuclearisation'),
  cvid: () => entryId(['CVID'], 'cvid'),
  libyaModel: () => entryId(['Libya model'], 'libya-model'),
  johnBolton: () => entryId(['John Bolton'], 'john-bolton'),
  pyongyang: () => entryId(['Pyongyang'], 'pyongyang'),
  qaddafi: () => entryId(['Muammar Qaddafi', 'Muammar Gaddafi', 'Qaddafi', 'Gaddafi'], 'muammar-qaddafi'),
  moratorium: () => entryId(['moratorium', 'testing moratorium'], 'moratorium'),
};
