/**
 * Page-side measurement code, bundled by scripts/bench/probe-bundle.ts into one IIFE and evaluated
 * over CDP in the extension's isolated world of a page (so `chrome.runtime` is the content
 * script's, and nothing is visible to the page). It repeats the content script's pipeline step by
 * step with the same library code, timing each step, then times one `content:scan` round trip to
 * the background worker with exactly what the content script would send.
 */
import patternData from '../../assets/generated/patterns.json';
import { BatchBuilder, tidyMatches } from '../../lib/annotate/candidates';
import { RunCollector } from '../../lib/annotate/runs';
import { compileMatcher } from '../../lib/scan/matcher';
import { decodePatternTable, type EncodedPatternTable } from '../../lib/scan/pattern-codec';
import { sentenceAround } from '../../lib/scan/sentences';

export interface ProbeResult {
  /** Decode the pattern table and compile the automaton (every frame pays this), ms. */
  compileMs: number;
  /** Walk the DOM into runs, ms. */
  collectMs: number;
  runs: number;
  runChars: number;
  /** Match every run, ms. */
  matchMs: number;
  matches: number;
  /** Sentences and candidates for the batch, ms. */
  batchMs: number;
  candidates: number;
  sentences: number;
  sentenceChars: number;
  /** `content:scan` sent → answer received, ms (the worker's resolve plus two message hops). */
  roundTripMs: number;
  status: string;
  accepted: number;
  /** The walk did not finish within the step cap (a runaway walk). */
  walkCapped: boolean;
}

declare const chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

/** Steps of 400 nodes: far more than any page needs, so hitting it means the walk does not end. */
const STEP_CAP = 100_000;

async function probe(): Promise<ProbeResult> {
  let t = performance.now();
  const matcher = compileMatcher(decodePatternTable(patternData as EncodedPatternTable));
  const compileMs = performance.now() - t;

  t = performance.now();
  const collector = new RunCollector([document.body ?? document.documentElement]);
  let steps = 0;
  while (!collector.step() && ++steps < STEP_CAP);
  const collectMs = performance.now() - t;
  const runs = collector.runs;

  t = performance.now();
  const found = runs.map((run) => tidyMatches(matcher.find(run.text)));
  const matchMs = performance.now() - t;

  t = performance.now();
  const builder = new BatchBuilder(sentenceAround);
  found.forEach((matches, i) => {
    const run = runs[i]!;
    for (const m of matches) builder.add(run.text, run.zone, m);
  });
  const batchMs = performance.now() - t;

  t = performance.now();
  const reply = (await chrome.runtime.sendMessage({
    type: 'content:scan',
    url: location.href,
    title: document.title,
    batch: 0,
    force: false,
    sentences: builder.sentences,
    candidates: builder.candidates,
  })) as { status?: string; verdicts?: (string | null)[]; error?: string } | undefined;
  const roundTripMs = performance.now() - t;

  return {
    compileMs,
    collectMs,
    runs: runs.length,
    runChars: runs.reduce((n, r) => n + r.text.length, 0),
    matchMs,
    matches: found.reduce((n, m) => n + m.length, 0),
    batchMs,
    candidates: builder.candidates.length,
    sentences: builder.sentences.length,
    sentenceChars: builder.sentences.reduce((n, s) => n + s.length, 0),
    roundTripMs,
    status: reply?.status ?? `error: ${reply?.error ?? 'no answer'}`,
    accepted: (reply?.verdicts ?? []).filter(Boolean).length,
    walkCapped: steps >= STEP_CAP,
  };
}

(globalThis as { __nkBenchProbe?: () => Promise<ProbeResult> }).__nkBenchProbe = probe;
