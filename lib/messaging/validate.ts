/**
 * Runtime validation of every request the background worker receives. Content scripts run in
 * pages we don't control, so nothing they send is trusted: shapes, types and sizes are checked
 * here, and a bad message gets a clear error answer instead of an exception.
 */
import type { Candidate, Zone } from '../scan/types';
import type { RequestMessage } from './protocol';

export const LIMITS = {
  sentences: 20_000,
  sentenceLength: 2_000,
  candidates: 50_000,
  mentionLength: 300,
  query: 200,
  url: 4_096,
  title: 1_000,
  id: 100,
} as const;

export type Parsed = { ok: true; message: RequestMessage } | { ok: false; error: string };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
const isInt = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const ZONES: readonly Zone[] = ['main', 'aside'];

class Invalid extends Error {}
function need(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Invalid(what);
}

function candidate(x: unknown, i: number, sentences: string[]): Candidate {
  need(isObj(x), `candidates[${i}] must be an object`);
  const { pattern, text, sentence, at, zone } = x;
  need(isInt(pattern, 0, 1_000_000), `candidates[${i}].pattern must be a pattern index`);
  need(isStr(text, LIMITS.mentionLength) && text.length > 0, `candidates[${i}].text must be a non-empty string of at most ${LIMITS.mentionLength} characters`);
  need(isInt(sentence, 0, sentences.length - 1), `candidates[${i}].sentence must index sentences`);
  need(isInt(at, 0, LIMITS.sentenceLength), `candidates[${i}].at must be an offset in its sentence`);
  need(typeof zone === 'string' && (ZONES as readonly string[]).includes(zone), `candidates[${i}].zone must be main or aside`);
  return { pattern, text, sentence, at, zone: zone as Zone };
}

function strings(x: unknown, field: string, maxItems: number, maxLength: number): string[] {
  need(Array.isArray(x), `${field} must be an array`);
  need(x.length <= maxItems, `${field} has more than ${maxItems} items`);
  x.forEach((s, i) => need(isStr(s, maxLength), `${field}[${i}] must be a string of at most ${maxLength} characters`));
  return x as string[];
}

function parse(x: unknown): RequestMessage {
  need(isObj(x), 'message must be an object');
  const type = x.type;
  need(typeof type === 'string', 'message.type must be a string');
  switch (type) {
    case 'content:scan': {
      need(isStr(x.url, LIMITS.url), 'url must be a string');
      need(isStr(x.title, LIMITS.title), 'title must be a string');
      need(isTime(x.docStart), 'docStart must be a time');
      need(isInt(x.batch, 0, 1_000_000), 'batch must be a non-negative integer');
      need(typeof x.force === 'boolean', 'force must be a boolean');
      const sentences = strings(x.sentences, 'sentences', LIMITS.sentences, LIMITS.sentenceLength);
      need(Array.isArray(x.candidates), 'candidates must be an array');
      need(x.candidates.length <= LIMITS.candidates, `candidates has more than ${LIMITS.candidates} items`);
      const candidates = x.candidates.map((c, i) => candidate(c, i, sentences));
      return { type, url: x.url, title: x.title, docStart: x.docStart, batch: x.batch, force: x.force, sentences, candidates };
    }
    case 'content:cleared':
      need(x.status === 'disabled' || x.status === 'pending', 'status must be disabled or pending');
      need(isTime(x.docStart), 'docStart must be a time');
      return { type, status: x.status, docStart: x.docStart };
    case 'content:get-card':
    case 'popup:get-card':
      need(isStr(x.id, LIMITS.id), 'id must be a string');
      return { type, id: x.id };
    case 'content:open-lookup':
      need(isStr(x.query, LIMITS.query), 'query must be a string');
      return { type, query: x.query };
    case 'popup:search':
      need(isStr(x.query, LIMITS.query), `query must be a string of at most ${LIMITS.query} characters`);
      need(x.limit === undefined || isInt(x.limit, 1, 50), 'limit must be 1–50');
      return x.limit === undefined ? { type, query: x.query } : { type, query: x.query, limit: x.limit };
    case 'popup:take-pending-lookup':
      return { type };
    case 'page-report':
      need(isInt(x.tabId, 0, Number.MAX_SAFE_INTEGER), 'tabId must be a tab id');
      return { type, tabId: x.tabId };
    case 'popup:annotate-anyway':
    case 'popup:show-on-page':
      need(isInt(x.tabId, 0, Number.MAX_SAFE_INTEGER), 'tabId must be a tab id');
      need(type === 'popup:annotate-anyway' || isStr(x.id, LIMITS.id), 'id must be a string');
      return type === 'popup:show-on-page' ? { type, tabId: x.tabId, id: x.id as string } : { type, tabId: x.tabId };
    default:
      throw new Invalid(`unknown message type ${JSON.stringify(type.slice(0, 40))}`);
  }
}

/** Validate an incoming request; never throws. */
export function parseRequest(raw: unknown): Parsed {
  try {
    return { ok: true, message: parse(raw) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: `Invalid message: ${e.message}` };
    return { ok: false, error: 'Invalid message' };
  }
}

/** Requests only content scripts may send, and those only extension pages may send. */
export function allowedFrom(type: RequestMessage['type'], origin: 'content' | 'extension'): boolean {
  if (type.startsWith('content:')) return origin === 'content';
  return origin === 'extension';
}
