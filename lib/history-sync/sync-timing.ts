// How fast a history sync may read a platform's history and how it backs off when the platform
// throttles it or fails (5xx, timeouts): each provider says which of its errors are which
// (history.problemOf). Pure; tests pass shorter timings to the worker.

export interface SyncTiming {
  /**
   * At most one page of history per interval and channel: the strictest platform's pace (Facebook's
   * Conversations API, about 2 calls per second per page: docs/platforms/facebook.md, "Rate limits").
   */
  minPageIntervalMs: number;
  /** First retry delay; each further consecutive failure doubles it. */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Consecutive throttled/failed calls after which the sync stops as "failed" (the admin can resume it). */
  maxConsecutiveFailures: number;
}

/** 10 s, 20 s, 40 s … capped at 15 min: about two hours of patience in all before giving up. */
export const DEFAULT_SYNC_TIMING: SyncTiming = {
  minPageIntervalMs: 500,
  backoffBaseMs: 10_000,
  backoffCapMs: 15 * 60_000,
  maxConsecutiveFailures: 12,
};

/**
 * The wait before retry number `failures` (1 = the first failure). Up to a quarter is added at
 * random, so several pages throttled together do not all come back in the same second.
 */
export function retryDelayMs(
  failures: number,
  timing: SyncTiming,
  random: () => number = Math.random,
): number {
  const exponential = timing.backoffBaseMs * 2 ** Math.max(0, failures - 1);
  const capped = Math.min(timing.backoffCapMs, exponential);
  return Math.round(capped * (1 + random() / 4));
}
