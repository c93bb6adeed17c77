/**
 * Per-tab results kept in `storage.session`, so a suspended MV3 worker loses nothing. Writes for one
 * tab are serialised (frames report concurrently) and a small in-memory cache spares reads while
 * the worker is alive.
 */
export interface TabRecord<F> {
  url: string;
  /** Frame id → that frame document's resolver state. */
  frames: Record<string, F>;
}

/** The slice of a `storage` area that the store needs (storage.session in the worker, a fake in tests). */
export interface Area {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

export class TabStore<F> {
  private cache = new Map<number, TabRecord<F> | null>();
  private queues = new Map<number, Promise<unknown>>();

  constructor(private area: Area) {}

  private key(tabId: number) {
    return `tab:${tabId}`;
  }

  async get(tabId: number): Promise<TabRecord<F> | null> {
    if (this.cache.has(tabId)) return this.cache.get(tabId) ?? null;
    const key = this.key(tabId);
    const stored = (await this.area.get(key))[key] as TabRecord<F> | undefined;
    const record = stored && typeof stored === 'object' && stored.frames ? stored : null;
    this.cache.set(tabId, record);
    return record;
  }

  /** Read-modify-write one tab's record, one update at a time per tab. */
  update<T>(tabId: number, change: (record: TabRecord<F> | null) => Promise<{ record: TabRecord<F> | null; result: T }>): Promise<T> {
    const previous = this.queues.get(tabId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(async () => {
      const { record, result } = await change(await this.get(tabId));
      this.cache.set(tabId, record);
      if (record) await this.area.set({ [this.key(tabId)]: record });
      else await this.area.remove(this.key(tabId));
      return result;
    });
    this.queues.set(tabId, next);
    void next.finally(() => {
      if (this.queues.get(tabId) === next) this.queues.delete(tabId);
    });
    return next;
  }

  async remove(tabId: number): Promise<void> {
    await this.update(tabId, async () => ({ record: null, result: undefined }));
    this.cache.delete(tabId);
  }
}
