/**
 * A compact text encoding of the pattern table: the content script bundles it, and plain JSON
 * of 570 patterns would be most of the script's size budget. One pattern a line:
 * `form<TAB>rule kind<TAB>entry indexes`, with `text` recomputed as fold(form).
 */
import { fold } from '../text/fold';
import type { CaseRule, PatternKind, PatternTable } from './types';

export interface EncodedPatternTable {
  v: number;
  ids: string[];
  p: string;
}

const RULES: Record<CaseRule, string> = { exact: 'e', initial: 'i', any: 'a' };
const KINDS: Record<PatternKind, string> = { full: 'f', short: 's', contextual: 'c' };
const invert = <K extends string>(map: Record<K, string>) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<string, K>;
const RULE_OF = invert(RULES);
const KIND_OF = invert(KINDS);

export function encodePatternTable(table: PatternTable): EncodedPatternTable {
  const ids = [...new Set(table.patterns.flatMap((p) => p.entries))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const lines = table.patterns.map((p) => {
    if (/[\t\n]/.test(p.form) || fold(p.form) !== p.text) throw new Error(`Pattern "${p.form}" cannot be encoded`);
    return `${p.form}\t${RULES[p.caseRule]}${KINDS[p.kind]}\t${p.entries.map((e) => index.get(e)).join(',')}`;
  });
  return { v: table.version, ids, p: lines.join('\n') };
}

export function decodePatternTable(encoded: EncodedPatternTable): PatternTable {
  const patterns = encoded.p.split('\n').map((line) => {
    const [form = '', flags = '', entries = ''] = line.split('\t');
    return {
      text: fold(form),
      form,
      caseRule: RULE_OF[flags[0] ?? ''] ?? 'any',
      kind: KIND_OF[flags[1] ?? ''] ?? 'full',
      entries: entries.split(',').map((i) => encoded.ids[Number(i)] ?? ''),
    };
  });
  return { version: encoded.v, patterns };
}
