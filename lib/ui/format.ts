/**
 * Pure text formatting for the UI: dates, kind names, the source attribution, and the split of a
 * page sentence around its mention. No DOM here, so it is tested directly.
 */
import type { EntryKind, SourceMeta } from '../knowledge/types';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** `2018-06-12` → "12 June 2018", `2019-02` → "February 2019", `2018` → "2018"; anything else unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim());
  if (!m) return iso;
  const [, year, month, day] = m;
  if (!month) return year!;
  const name = MONTHS[Number(month) - 1];
  if (!name) return iso;
  if (!day) return `${name} ${year}`;
  const d = Number(day);
  if (d < 1 || d > 31) return iso;
  return `${d} ${name} ${year}`;
}

/** `2019-02` → "Feb 2019" (short form for the one-line attribution). */
export function formatShortDate(iso: string): string {
  const long = formatDate(iso);
  // Only the month name is shortened; "12 June 2018" → "12 Jun 2018".
  return long.replace(/\b(January|February|March|April|June|July|August|September|October|November|December)\b/, (n) =>
    n.slice(0, 3),
  );
}

const KIND_LABEL: Record<EntryKind, string> = { actor: 'Actor', term: 'Term', event: 'Event', place: 'Place' };
const KIND_PLURAL: Record<EntryKind, string> = { actor: 'Actors', term: 'Terms', event: 'Events', place: 'Places' };

export function kindLabel(kind: EntryKind): string {
  return KIND_LABEL[kind] ?? kind;
}
export function kindPlural(kind: EntryKind): string {
  return KIND_PLURAL[kind] ?? kind;
}

/** A licence as a reader says it: the meta's long Creative Commons text becomes "CC licence". */
export function shortLicence(licence: string): string {
  if (/creative\s+commons/i.test(licence)) return 'CC licence';
  const first = licence.split(/[:.;]/)[0]?.trim();
  return first || licence;
}

/** The parts of the one-line attribution: “Title” — Author, Publisher, Feb 2019 · CC licence. */
export function attributionParts(source: SourceMeta): { title: string; byline: string; licence: string } {
  const byline = [source.author, source.publisher, formatShortDate(source.date)].filter(Boolean).join(', ');
  return { title: source.title, byline, licence: shortLicence(source.licence) };
}

/** The whole attribution as one plain string (footers, titles). */
export function attributionText(source: SourceMeta): string {
  const p = attributionParts(source);
  return `From “${p.title}” — ${p.byline} · ${p.licence}`;
}

/**
 * Split a sentence around the mention at [at, at + length). Out-of-range or empty spans give no
 * mark, so a bad offset from the page never hides the sentence.
 */
export function splitMention(text: string, at: number, length: number): { before: string; mention: string; after: string } {
  if (!Number.isInteger(at) || !Number.isInteger(length) || at < 0 || length <= 0 || at + length > text.length) {
    return { before: text, mention: '', after: '' };
  }
  return { before: text.slice(0, at), mention: text.slice(at, at + length), after: text.slice(at + length) };
}

/** "1 entry", "3 entries". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
