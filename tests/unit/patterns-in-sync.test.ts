import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knowledgeBase } from '../../lib/knowledge/load';
import { ambiguityIndex, buildPatternTable } from '../../lib/scan/patterns';
import { fold } from '../../lib/text/fold';
import { PATTERNS_PATH, serialisePatternTable } from '../../scripts/gen-patterns';
import { decodePatternTable } from '../../lib/scan/pattern-codec';

const committedPath = PATTERNS_PATH;
const STALE = 'assets/generated/patterns.json is out of date with the knowledge base: run `npm run gen:patterns` (npx tsx scripts/gen-patterns.ts) and commit the result';

describe('assets/generated/patterns.json', () => {
  const fresh = buildPatternTable(knowledgeBase);
  const text = readFileSync(committedPath, 'utf8');

  it('equals a fresh generation from the knowledge base', () => {
    expect(decodePatternTable(JSON.parse(text)), STALE).toEqual(fresh);
    expect(text, STALE).toBe(serialisePatternTable(fresh));
  });

  it('has a pattern for every alias, short name and contextual alias, claimed by its entry', () => {
    const claims = new Map<string, string[]>();
    for (const p of fresh.patterns) claims.set(`${p.kind}:${p.text}`, p.entries);
    for (const entry of knowledgeBase.entries) {
      const listed: [string, string[]][] = [
        ['full', entry.aliases],
        ['short', entry.shortNames ?? []],
        ['contextual', entry.contextual?.aliases ?? []],
      ];
      for (const [kind, aliases] of listed) {
        for (const alias of aliases) expect(claims.get(`${kind}:${fold(alias.trim())}`), `${entry.id}: ${alias}`).toContain(entry.id);
      }
    }
  });

  it('has an ambiguity rule for every pattern that several entries claim', () => {
    const rules = ambiguityIndex(knowledgeBase);
    for (const p of fresh.patterns.filter((x) => x.entries.length > 1)) {
      expect(rules.get(p.text)?.entries.slice().sort(), `"${p.form}" is claimed by ${p.entries.join(', ')}`).toEqual(p.entries);
    }
  });
});
