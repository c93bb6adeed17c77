/**
 * The page annotator: runs → matches → one scan batch → marks, all in time slices; then keeps
 * up with new content through mutation batches. DOM only; the message round trip is injected.
 */
import type { ContentScanMessage, ContentScanResponse, PageStatus } from '../messaging/protocol';
import type { Match } from '../scan/types';
import { BatchBuilder, tidyMatches } from './candidates';
import type { SentenceAround } from './candidates';
import { createMarker } from './marker';
import { isIntact } from './mark-utils';
import type { Mark, Marker } from './marker';
import { observeMutations } from './mutations';
import type { MutationWatch } from './mutations';
import { RunCollector, runPieces, runRoots } from './runs';
import type { TextRun } from './runs';
import { createSlicer } from './slicer';
import type { Slicer } from './slicer';
import { resetZoneCache } from './zone';
import { firstInView, scrollToRange } from './navigate';

export type ScanRequest = Omit<ContentScanMessage, 'type' | 'url' | 'title' | 'docStart'>;

export interface AnnotatorOptions {
  doc: Document;
  find: (text: string) => Match[];
  sentenceAround: SentenceAround;
  scan: (msg: ScanRequest) => Promise<ContentScanResponse>;
  marker?: Marker;
  onResult?: (response: ContentScanResponse, batch: number) => void;
  /** Failures of background rescans (start() rejects instead). */
  onError?: (error: unknown) => void;
  /** Watch for new content after start() (default true). */
  observe?: boolean;
  slicer?: Slicer;
  mutationDelayMs?: number;
  /** Cap on marks in the document (default MAX_MARKS). */
  maxMarks?: number;
}

export interface Annotator {
  readonly marker: Marker;
  /** Scan the whole page as batch 0 (forgetting earlier results) and mark what the worker accepts. */
  start(force?: boolean): Promise<void>;
  /** Scan changed subtrees as the next batch. */
  rescan(roots: Node[]): Promise<void>;
  /** Remove every mark and stop watching; the DOM is as it was. */
  restore(): void;
  marks(): Mark[];
  markById(id: number): Mark | undefined;
  /** Focus the next/previous mark in document order (wrapping), scrolled to the centre. */
  step(direction: 1 | -1): Mark | null;
  /** Focus and flash the next mark of an entry (cycling). */
  showEntry(id: string): Mark | null;
  /** The page sentence around a mark (for the card's "on this page" line). */
  sentenceOf(mark: Mark): string | undefined;
  /** The worker's last page status, or null before the first answer. */
  status(): PageStatus | null;
  destroy(): void;
}

interface Pending {
  run: TextRun;
  start: number;
  end: number;
}

/** When content arriving later makes a not-relevant page relevant, rescan it whole, at most this often. */
const MAX_RELEVANCE_RESTARTS = 3;

/**
 * Marks per document. Real articles stay under ~1,000; past a few thousand ranges every highlight
 * change costs the browser a repaint of seconds, and nobody reads that many cards.
 */
export const MAX_MARKS = 5_000;

export function createAnnotator(o: AnnotatorOptions): Annotator {
  const { doc } = o;
  const marker = o.marker ?? createMarker(doc);
  const slicer = o.slicer ?? createSlicer();
  const byId = new Map<number, Mark>();
  const where = new Map<number, Pending>();
  let generation = 0;
  let batch = 0;
  let force = false;
  let started = false;
  let destroyed = false;
  let restarts = 0;
  let status: PageStatus | null = null;
  let focused: Mark | null = null;
  let watch: MutationWatch | null = null;
  let chain: Promise<void> = Promise.resolve();
  // Verdicts already received, per block and "text + occurrence": re-rendered content is marked
  // again without being sent again (the worker would count it twice).
  let verdicts = new WeakMap<Element, Map<string, string | null>>();

  const suppress = <T>(fn: () => T): T => (watch ? watch.suppress(fn) : fn());
  const root = (): Node => doc.body ?? doc.documentElement;

  function enqueue(task: (gen: number) => Promise<void>): Promise<void> {
    const gen = generation;
    const next = chain.then(() => (gen === generation ? task(gen) : undefined));
    chain = next.catch(() => undefined);
    return next;
  }

  function reset(): void {
    generation++;
    slicer.cancel();
    watch?.disconnect();
    watch = null;
    marker.clear();
    byId.clear();
    where.clear();
    focused = null;
    verdicts = new WeakMap();
    started = false;
  }

  function removeMark(mark: Mark): void {
    marker.remove(mark);
    byId.delete(mark.id);
    where.delete(mark.id);
    if (focused?.id === mark.id) focused = null;
  }

  /** The run's nodes still hold the text they held when it was collected. */
  function runIntact(run: TextRun, start: number, end: number): boolean {
    let text = '';
    for (const p of runPieces(run, start, end)) {
      if (!p.node.isConnected) return false;
      text += p.node.data.slice(p.start, p.end);
    }
    return text === run.text.slice(start, end);
  }

  async function annotate(roots: Node[], first: boolean, gen: number): Promise<void> {
    const collector = new RunCollector(roots);
    if (!(await slicer.loop(() => collector.step()))) return;
    const builder = new BatchBuilder(o.sentenceAround);
    const sent: { at: Pending; block: Element; key: string }[] = [];
    const known: (Pending & { entryId: string })[] = [];
    const seen = new Map<Element, Map<string, number>>();
    const found = await slicer.each(collector.runs, (run) => {
      const matches = tidyMatches(o.find(run.text));
      if (!matches.length) return;
      let counts = seen.get(run.block);
      if (!counts) seen.set(run.block, (counts = new Map()));
      const remembered = verdicts.get(run.block);
      for (const m of matches) {
        const text = run.text.slice(m.start, m.end);
        const n = (counts.get(text) ?? 0) + 1;
        counts.set(text, n);
        const key = `${text}\u0000${n}`;
        const verdict = remembered?.get(key);
        const at = { run, start: m.start, end: m.end };
        if (verdict !== undefined) {
          if (verdict) known.push({ ...at, entryId: verdict });
        } else if (builder.add(run.text, run.zone, m)) {
          sent.push({ at, block: run.block, key });
        }
      }
    });
    if (!found || gen !== generation) return;
    if (!(await markAll(known, gen))) return;
    if (!first && builder.candidates.length === 0) return;

    const thisBatch = first ? 0 : ++batch;
    const { sentences, candidates } = builder;
    const response = await o.scan({ batch: thisBatch, force, sentences, candidates });
    if (gen !== generation) return;
    const wasAnnotated = status === 'annotated';
    status = response.status;
    o.onResult?.(response, thisBatch);
    const accepted: (Pending & { entryId: string })[] = [];
    sent.forEach(({ at, block, key }, i) => {
      const verdict = response.verdicts[i] ?? null;
      let map = verdicts.get(block);
      if (!map) verdicts.set(block, (map = new Map()));
      map.set(key, verdict);
      if (verdict) accepted.push({ ...at, entryId: verdict });
    });
    if (!first && !wasAnnotated && status === 'annotated' && restarts < MAX_RELEVANCE_RESTARTS) {
      // Earlier batches were judged without this content: let the worker judge the page whole.
      restarts++;
      void start(force).catch((e: unknown) => o.onError?.(e));
      return;
    }
    await markAll(accepted, gen);
  }

  function markAll(list: (Pending & { entryId: string })[], gen: number): Promise<boolean> {
    const checked = new Map<TextRun, boolean>();
    return slicer.each(list, ({ run, start, end, entryId }) => {
      if (gen !== generation) return;
      // Checked once per run before its first mark: a changed run is left to its mutation batch.
      let ok = checked.get(run);
      if (ok === undefined) checked.set(run, (ok = runIntact(run, 0, run.text.length)));
      if (!ok || byId.size >= (o.maxMarks ?? MAX_MARKS)) return;
      const mark = suppress(() => marker.add(run, start, end, entryId));
      byId.set(mark.id, mark);
      where.set(mark.id, { run, start, end });
    });
  }

  function start(forceIt = false): Promise<void> {
    if (destroyed) return Promise.resolve();
    reset();
    resetZoneCache();
    force = forceIt;
    batch = 0;
    started = true;
    chain = Promise.resolve(); // earlier tasks bail out at their next generation check
    if (o.observe !== false) {
      watch = observeMutations(root(), (roots) => void rescan(roots).catch((e: unknown) => o.onError?.(e)), {
        delayMs: o.mutationDelayMs,
      });
    }
    return enqueue((gen) => annotate([root()], true, gen));
  }

  function rescan(roots: Node[]): Promise<void> {
    if (destroyed || !started) return Promise.resolve();
    return enqueue(async (gen) => {
      const lifted = runRoots(roots);
      if (!lifted.length) return;
      const set = new Set(lifted);
      const doomed = [...byId.values()].filter((m) => !isIntact(marker, m) || within(marker.rangeOf(m).startContainer, set));
      suppress(() => doomed.forEach(removeMark));
      await annotate(lifted, false, gen);
    });
  }

  function focusMark(mark: Mark): Mark {
    focused = mark;
    marker.focus(mark);
    scrollToRange(doc, marker.rangeOf(mark));
    return mark;
  }

  return {
    marker,
    start,
    rescan,
    restore() {
      reset();
      status = null;
      restarts = 0;
    },
    marks: () => marker.marks(),
    markById: (id) => byId.get(id),
    step(direction) {
      const list = marker.marks();
      if (!list.length) return null;
      const i = focused ? list.findIndex((m) => m.id === focused!.id) : -1;
      const n = list.length;
      const next = i >= 0 ? (i + direction + n) % n : firstInView(doc, list, (m) => marker.rangeOf(m), direction);
      return focusMark(list[next]!);
    },
    showEntry(id) {
      const list = marker.marks().filter((m) => m.entryId === id);
      if (!list.length) return null;
      const i = focused ? list.findIndex((m) => m.id === focused!.id) : -1;
      const mark = focusMark(list[(i + 1) % list.length]!);
      marker.flash(mark);
      return mark;
    },
    sentenceOf(mark) {
      const at = where.get(mark.id);
      if (!at) return undefined;
      try {
        return o.sentenceAround(at.run.text, at.start, at.end).sentence.trim();
      } catch {
        return undefined;
      }
    },
    status: () => status,
    destroy() {
      if (destroyed) return;
      reset();
      destroyed = true;
      marker.destroy();
    },
  };
}

function within(node: Node, set: Set<Node>): boolean {
  for (let n: Node | null = node; n; n = n.parentNode) if (set.has(n)) return true;
  return false;
}
