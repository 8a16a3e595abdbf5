// Group commit in the app: work items that arrive while a batch is in flight are handled together by
// the next one. Under load the fixed cost of a batch (a commit, a round of queries) is paid once for
// many items, and each caller still waits for the batch that holds its own item; alone, an item is
// handled at once, so a quiet server adds no latency.

export interface GroupBatcherOptions<T> {
  /** Batches running at the same time. */
  maxInFlight: number;
  /** How many of the waiting items (oldest first, at least one) the next batch takes. */
  batchSize: (waiting: readonly T[]) => number;
  run: (batch: T[]) => Promise<void>;
}

interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** `add`: resolves when the batch holding the item succeeded, rejects with its error. */
export interface GroupBatcher<T> {
  (item: T): Promise<void>;
  /** Resolves once nothing is waiting or running (whatever the outcomes). */
  settled: () => Promise<void>;
}

export function createGroupBatcher<T>(options: GroupBatcherOptions<T>): GroupBatcher<T> {
  const waiting: Waiting<T>[] = [];
  /** Callers of settled() waiting for the batcher to go idle: nothing is tracked per item. */
  let idle: Array<() => void> = [];
  let inFlight = 0;

  function flush(): void {
    while (inFlight < options.maxInFlight && waiting.length > 0) {
      const count = Math.max(1, Math.min(waiting.length, options.batchSize(waiting.map((entry) => entry.item))));
      const batch = waiting.splice(0, count);
      inFlight++;
      options
        .run(batch.map((entry) => entry.item))
        .then(
          () => batch.forEach((entry) => entry.resolve()),
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          inFlight--;
          flush();
          if (inFlight === 0 && waiting.length === 0) {
            const callers = idle;
            idle = [];
            for (const resolve of callers) resolve();
          }
        });
    }
  }

  const add = (item: T) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      flush();
    });
  const settled = () => (inFlight === 0 && waiting.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve)));
  return Object.assign(add, { settled });
}
