/**
 * Hand-written validator for the knowledge base files. Every error names where it is
 * (`entries[12] "cvid".quotes[0]: …`) so that whoever edits the JSON can fix it without a debugger.
 * Pure: no DOM, no extension APIs, no file access (the loader and tests pass the raw data in).
 */
import { fold } from '../text/fold';
import { ENTRY_KINDS } from './types';
import type { Ambiguity, Entry, EntryDate, EntryKind, KnowledgeBase, Perspective, SourceMeta } from './types';

export interface RawKnowledge {
  source: unknown;
  entries: unknown;
  ambiguities: unknown;
}
export type ValidationResult = { ok: true; kb: KnowledgeBase } | { ok: false; errors: string[] };

/** The key under which two aliases count as the same: folded (case, quotes, dashes, diacritics) and trimmed. */
export function aliasKey(alias: string): string {
  return fold(alias.trim());
}

/** Every alias an entry claims, with the list it is in. */
export function claimedAliases(entry: Entry): { alias: string; list: 'aliases' | 'shortNames' | 'contextual.aliases' }[] {
  return [
    ...entry.aliases.map((alias) => ({ alias, list: 'aliases' as const })),
    ...(entry.shortNames ?? []).map((alias) => ({ alias, list: 'shortNames' as const })),
    ...(entry.contextual?.aliases ?? []).map((alias) => ({ alias, list: 'contextual.aliases' as const })),
  ];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MAX_DEFINITION = 500;
const MAX_SENTENCES = 3;
const ENTRY_KEYS = ['id', 'kind', 'label', 'aliases', 'shortNames', 'contextual', 'definition', 'perspectives', 'dates', 'related', 'quotes', 'fromSource', 'weight'];
const REQUIRED_ENTRY_KEYS = ['id', 'kind', 'label', 'aliases', 'definition', 'related', 'quotes', 'fromSource', 'weight'];
const SOURCE_KEYS = ['id', 'title', 'author', 'authorRole', 'publisher', 'date', 'licence', 'attribution'] as const;

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown) => (Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v);

/** Collects `path: message` lines. */
class Report {
  readonly errors: string[] = [];
  add(path: string, message: string): void {
    this.errors.push(`${path}: ${message}`);
  }
  keys(obj: Rec, path: string, allowed: readonly string[], required: readonly string[]): void {
    for (const k of Object.keys(obj)) if (!allowed.includes(k)) this.add(`${path}.${k}`, 'unknown key (a typo?)');
    for (const k of required) if (!(k in obj)) this.add(`${path}.${k}`, 'missing');
  }
  /** A non-empty string without stray outer spaces, or undefined after reporting (absent keys are reported by `keys`). */
  text(v: unknown, path: string): string | undefined {
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return void this.add(path, `must be a string, not ${show(v)}`);
    if (v.trim() === '') return void this.add(path, 'must not be empty');
    if (v !== v.trim()) this.add(path, 'has leading or trailing spaces');
    return v;
  }
  /** An array whose items all pass `item`; bad items are reported and dropped. */
  list<T>(v: unknown, path: string, item: (x: unknown, p: string) => T | undefined): T[] | undefined {
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return void this.add(path, `must be an array, not ${show(v)}`);
    const out: T[] = [];
    v.forEach((x, i) => {
      const r = item(x, `${path}[${i}]`);
      if (r !== undefined) out.push(r);
    });
    return out;
  }
}

function countSentences(text: string): number {
  return text.split(/[.!?][”"’)]*\s+(?=[“"‘(]?[A-Z0-9])/).filter((s) => s.trim() !== '').length;
}

function validDate(date: string): boolean {
  const m = DATE.exec(date);
  if (!m) return false;
  const month = m[2] === undefined ? 1 : Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

function validateSource(raw: unknown, r: Report): SourceMeta | undefined {
  if (!isRecord(raw)) return void r.add('source', `must be an object, not ${show(raw)}`);
  r.keys(raw, 'source', SOURCE_KEYS, SOURCE_KEYS);
  const out: Partial<SourceMeta> = {};
  for (const k of SOURCE_KEYS) if (k in raw) out[k] = r.text(raw[k], `source.${k}`);
  return SOURCE_KEYS.every((k) => out[k] !== undefined) ? (out as SourceMeta) : undefined;
}

function validateEntry(raw: unknown, path: string, sourceText: string, r: Report): Entry | undefined {
  if (!isRecord(raw)) return void r.add(path, `must be an object, not ${show(raw)}`);
  r.keys(raw, path, ENTRY_KEYS, REQUIRED_ENTRY_KEYS);
  const at = (field: string) => `${path}.${field}`;
  const aliasItem = (x: unknown, p: string) => {
    const s = r.text(x, p);
    if (s !== undefined && /\s{2}/.test(s)) r.add(p, 'has repeated spaces');
    return s;
  };

  const id = r.text(raw.id, at('id'));
  if (id !== undefined && !ID.test(id)) r.add(at('id'), `"${id}" is not kebab-case (a-z, 0-9, single hyphens)`);
  const kind = raw.kind;
  if (kind !== undefined && !ENTRY_KINDS.includes(kind as EntryKind)) r.add(at('kind'), `must be one of ${ENTRY_KINDS.join(', ')}, not ${JSON.stringify(kind)}`);
  const label = r.text(raw.label, at('label'));
  const aliases = r.list(raw.aliases, at('aliases'), aliasItem);
  if (aliases && aliases.length === 0) r.add(at('aliases'), 'needs at least one alias');
  const shortNames = raw.shortNames === undefined ? undefined : r.list(raw.shortNames, at('shortNames'), aliasItem);

  let contextual: Entry['contextual'];
  if (raw.contextual !== undefined) {
    const c = raw.contextual;
    if (!isRecord(c)) r.add(at('contextual'), `must be an object, not ${show(c)}`);
    else {
      r.keys(c, at('contextual'), ['aliases', 'cues'], ['aliases', 'cues']);
      const ca = r.list(c.aliases, at('contextual.aliases'), aliasItem);
      const cues = r.list(c.cues, at('contextual.cues'), (x, p) => {
        const s = r.text(x, p);
        if (s !== undefined && s !== fold(s)) r.add(p, `cue "${s}" must be written folded (lower case, plain quotes and dashes)`);
        return s;
      });
      if (ca && ca.length === 0) r.add(at('contextual.aliases'), 'needs at least one alias');
      if (cues && cues.length === 0) r.add(at('contextual.cues'), 'needs at least one cue word');
      if (ca && cues) contextual = { aliases: ca, cues };
    }
  }

  const definition = r.text(raw.definition, at('definition'));
  if (definition !== undefined) {
    if (definition.length > MAX_DEFINITION) r.add(at('definition'), `is ${definition.length} characters; keep it under ${MAX_DEFINITION}`);
    const n = countSentences(definition);
    if (n > MAX_SENTENCES) r.add(at('definition'), `has ${n} sentences; keep it to ${MAX_SENTENCES}`);
  }

  const perspectives =
    raw.perspectives === undefined
      ? undefined
      : r.list(raw.perspectives, at('perspectives'), (x, p): Perspective | undefined => {
          if (!isRecord(x)) return void r.add(p, `must be an object, not ${show(x)}`);
          r.keys(x, p, ['side', 'view'], ['side', 'view']);
          const side = r.text(x.side, `${p}.side`);
          const view = r.text(x.view, `${p}.view`);
          return side !== undefined && view !== undefined ? { side, view } : undefined;
        });

  const dates =
    raw.dates === undefined
      ? undefined
      : r.list(raw.dates, at('dates'), (x, p): EntryDate | undefined => {
          if (!isRecord(x)) return void r.add(p, `must be an object, not ${show(x)}`);
          r.keys(x, p, ['date', 'what'], ['date', 'what']);
          const date = r.text(x.date, `${p}.date`);
          const what = r.text(x.what, `${p}.what`);
          if (date !== undefined && !validDate(date)) r.add(`${p}.date`, `"${date}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
          return date !== undefined && what !== undefined ? { date, what } : undefined;
        });

  const related = r.list(raw.related, at('related'), (x, p) => r.text(x, p));
  related?.forEach((rel, i) => {
    if (rel === id) r.add(`${path}.related[${i}]`, 'an entry cannot be related to itself');
    if (related.indexOf(rel) !== i) r.add(`${path}.related[${i}]`, `"${rel}" is listed twice`);
  });

  const quotes = r.list(raw.quotes, at('quotes'), (x, p) => {
    const q = r.text(x, p);
    if (q === undefined) return undefined;
    if (!sourceText.includes(q)) r.add(p, 'not found verbatim in the source article');
    else if (q.split(/\s+/).length < 3) r.add(p, 'too short to ground anything (fewer than 3 words)');
    return q;
  });

  const fromSource = raw.fromSource;
  if (fromSource !== undefined && typeof fromSource !== 'boolean') r.add(at('fromSource'), `must be true or false, not ${show(fromSource)}`);
  else if (quotes && fromSource === true && quotes.length === 0) r.add(at('quotes'), 'fromSource is true, so at least one quote from the article is needed');
  else if (quotes && fromSource === false && quotes.length > 0) r.add(at('quotes'), 'fromSource is false, so the entry cannot quote the article');

  const weight = raw.weight;
  if (weight !== undefined && (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > 3)) r.add(at('weight'), `must be an integer 0–3, not ${JSON.stringify(weight)}`);

  // Two lists of one entry claiming the same form would make the matcher's choice of kind arbitrary.
  const seen = new Map<string, string>();
  const lists: [string, string[] | undefined][] = [['aliases', aliases], ['shortNames', shortNames], ['contextual.aliases', contextual?.aliases]];
  for (const [name, list] of lists) {
    list?.forEach((alias, i) => {
      const key = aliasKey(alias);
      const first = seen.get(key);
      if (first !== undefined) r.add(`${path}.${name}[${i}]`, `"${alias}" repeats ${first} of the same entry`);
      else seen.set(key, `${name}[${i}]`);
    });
  }

  if (id === undefined || label === undefined || !aliases || definition === undefined || !related || !quotes) return undefined;
  if (typeof fromSource !== 'boolean' || typeof weight !== 'number' || !ENTRY_KINDS.includes(kind as EntryKind)) return undefined;
  return {
    id,
    kind: kind as EntryKind,
    label,
    aliases,
    ...(shortNames ? { shortNames } : {}),
    ...(contextual ? { contextual } : {}),
    definition,
    ...(perspectives ? { perspectives } : {}),
    ...(dates ? { dates } : {}),
    related,
    quotes,
    fromSource,
    weight,
  };
}

function validateAmbiguity(raw: unknown, path: string, r: Report): Ambiguity | undefined {
  if (!isRecord(raw)) return void r.add(path, `must be an object, not ${show(raw)}`);
  const alias = r.text(raw.alias, `${path}.alias`);
  const named = alias === undefined ? path : `${path} "${alias}"`;
  r.keys(raw, named, ['alias', 'entries', 'rule', 'default'], ['alias', 'entries', 'rule']);
  const entries = r.list(raw.entries, `${named}.entries`, (x, p) => r.text(x, p));
  const rule = raw.rule;
  if (rule !== 'full-name-on-page' && rule !== 'default') {
    r.add(`${named}.rule`, `must be "full-name-on-page" or "default", not ${JSON.stringify(rule)}`);
    return undefined;
  }
  let def: string | undefined;
  if (rule === 'default') {
    if (raw.default === undefined) r.add(`${named}.default`, 'missing: the "default" rule needs a default entry');
    def = r.text(raw.default, `${named}.default`);
    if (def !== undefined && entries && !entries.includes(def)) r.add(`${named}.default`, `"${def}" is not one of the ambiguity's entries`);
  } else if (raw.default !== undefined) r.add(`${named}.default`, 'only the "default" rule takes a default');
  if (alias === undefined || !entries) return undefined;
  return def === undefined ? { alias, entries, rule } : { alias, entries, rule, default: def };
}

/** Validate the three raw knowledge files against each other and against the source article's text. */
export function validateKnowledgeBase(raw: RawKnowledge, sourceText: string): ValidationResult {
  const r = new Report();
  const source = validateSource(raw.source, r);

  const entries: Entry[] = [];
  const paths = new Map<string, string>(); // id → `entries[i] "id"`
  if (!Array.isArray(raw.entries)) r.add('entries', `must be an array, not ${show(raw.entries)}`);
  else
    raw.entries.forEach((x, i) => {
      const id = isRecord(x) && typeof x.id === 'string' ? x.id : undefined;
      const path = id === undefined ? `entries[${i}]` : `entries[${i}] "${id}"`;
      const entry = validateEntry(x, path, sourceText, r);
      if (id !== undefined && paths.has(id)) r.add(`${path}.id`, `duplicate id, also ${paths.get(id)}`);
      else if (id !== undefined) paths.set(id, path);
      if (entry) entries.push(entry);
    });

  for (const e of entries)
    e.related.forEach((rel, i) => {
      if (rel !== e.id && !paths.has(rel)) r.add(`${paths.get(e.id)}.related[${i}]`, `no entry has the id "${rel}"`);
    });

  // Who claims each alias key, and where each entry first claims it.
  const claims = new Map<string, Map<string, string>>();
  for (const e of entries) {
    const counters = { aliases: 0, shortNames: 0, 'contextual.aliases': 0 };
    for (const { alias, list } of claimedAliases(e)) {
      const where = `${paths.get(e.id)}.${list}[${counters[list]++}] "${alias}"`;
      const byEntry = claims.get(aliasKey(alias)) ?? new Map<string, string>();
      if (!byEntry.has(e.id)) byEntry.set(e.id, where);
      claims.set(aliasKey(alias), byEntry);
    }
  }

  const ambiguities: Ambiguity[] = [];
  const declared = new Map<string, string>();
  if (!Array.isArray(raw.ambiguities)) r.add('ambiguities', `must be an array, not ${show(raw.ambiguities)}`);
  else
    raw.ambiguities.forEach((x, i) => {
      const a = validateAmbiguity(x, `ambiguities[${i}]`, r);
      if (!a) return;
      const path = `ambiguities[${i}] "${a.alias}"`;
      const key = aliasKey(a.alias);
      if (declared.has(key)) return void r.add(path, `declared twice, also ${declared.get(key)}`);
      declared.set(key, path);
      a.entries.forEach((id, j) => {
        if (!paths.has(id)) r.add(`${path}.entries[${j}]`, `no entry has the id "${id}"`);
        if (a.entries.indexOf(id) !== j) r.add(`${path}.entries[${j}]`, `"${id}" is listed twice`);
      });
      const claimants = [...(claims.get(key)?.keys() ?? [])];
      if (claimants.length < 2) r.add(path, `not shared: claimed by ${claimants.length ? `only "${claimants[0]}"` : 'no entry'}`);
      else if (claimants.length !== new Set(a.entries).size || !claimants.every((id) => a.entries.includes(id)))
        r.add(`${path}.entries`, `must name exactly the entries that claim the alias: ${claimants.map((c) => `"${c}"`).join(', ')}`);
      ambiguities.push(a);
    });

  for (const [key, byEntry] of claims) {
    if (byEntry.size < 2 || declared.has(key)) continue;
    const wheres = [...byEntry.values()];
    const ids = [...byEntry.keys()].map((id) => `"${id}"`).join(', ');
    r.add(wheres[wheres.length - 1]!, `also claimed by ${wheres.slice(0, -1).join(' and ')}; declare an ambiguity for ${ids} in ambiguities.json`);
  }

  if (r.errors.length > 0 || !source) return { ok: false, errors: r.errors };
  return { ok: true, kb: { source, entries, ambiguities } };
}
