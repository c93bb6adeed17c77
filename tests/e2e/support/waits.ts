/**
 * Polling helpers: the tests wait for a condition with a deadline, never for a fixed time.
 */
import type { PageReport, PageStatus } from '../../../lib/messaging/protocol';
import type { ExtensionHarness } from './extension';

export interface PollOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** What was awaited, for the failure message. */
  what?: string;
}

const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Calls `probe` until `accept` approves its value (errors count as "not yet"); returns that value.
 * On timeout, throws with the last value or error so the failure says what the page really did.
 */
export async function poll<T>(probe: () => Promise<T>, accept: (value: T) => boolean, options: PollOptions = {}): Promise<T> {
  const { timeoutMs = 15_000, intervalMs = 100, what = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let last: { value?: T; error?: unknown } = {};
  for (;;) {
    try {
      const value = await probe();
      last = { value };
      if (accept(value)) return value;
    } catch (error) {
      last = { error };
    }
    if (Date.now() >= deadline) break;
    await pause(intervalMs);
  }
  const seen = 'error' in last ? `error: ${String(last.error)}` : `last value: ${JSON.stringify(last.value)?.slice(0, 1500)}`;
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; ${seen}`);
}

/**
 * The page report once it has settled: status no longer 'pending', `accept` (if given) approves
 * it, and it is the same on `stablePolls` consecutive polls — the content script may report in
 * several batches, and exact counts must not be read half-way.
 */
export async function settledReport(
  harness: ExtensionHarness,
  tabId: number,
  options: PollOptions & { accept?: (report: PageReport) => boolean; stablePolls?: number } = {},
): Promise<PageReport> {
  const accept = options.accept ?? (() => true);
  const needed = options.stablePolls ?? 3;
  let previous = '';
  let same = 0;
  return poll(
    () => harness.pageReport(tabId),
    (report) => {
      const key = JSON.stringify(report);
      same = key === previous ? same + 1 : 1;
      previous = key;
      return report.status !== 'pending' && accept(report) && same >= needed;
    },
    { what: `the page report of tab ${tabId} to settle`, intervalMs: 150, ...options },
  );
}

export function expectStatus(report: PageReport, status: PageStatus): void {
  if (report.status !== status) {
    throw new Error(`expected page status '${status}', got '${report.status}' (entries: ${report.entries.map((e) => e.id).join(', ') || 'none'})`);
  }
}

export function entryOf(report: PageReport, id: string) {
  return report.entries.find((e) => e.id === id);
}

export function countOf(report: PageReport, id: string): number {
  return entryOf(report, id)?.count ?? 0;
}
