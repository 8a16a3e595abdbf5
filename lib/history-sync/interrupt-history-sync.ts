// A history sync that cannot go on right now: it waits and retries (Facebook throttling or failing),
// pauses (the page's token died or the page was disconnected: it resumes after reconnecting) or fails
// (the admin can resume it from the card). The cursor is kept in every case, so nothing is read twice.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { GraphError } from "@/lib/channels/facebook/graph-client";
import { ACTIVE_STATUSES, positionWhere, type SyncPosition } from "@/lib/history-sync/sync-position";
import { enqueueHistorySyncJob, type HistorySyncJob } from "@/lib/history-sync/history-sync-jobs";
import { publishHistorySyncProgress } from "@/lib/history-sync/publish-history-sync-progress";
import { retryDelayMs, type SyncTiming } from "@/lib/history-sync/sync-timing";
import type { SyncProblem } from "@/lib/history-sync/history-sync-view";

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613]);

export function problemOf(error: GraphError): SyncProblem {
  if (RATE_LIMIT_CODES.has(error.code)) return "rate_limited";
  if (error.failure === "bad_reply") return "bad_reply";
  if (error.transient) return "facebook_unavailable";
  if (error.code === 10 || (error.code >= 200 && error.code <= 299)) return "permission_missing";
  return "facebook_error";
}

export type StopOutcome = "paused" | "failed" | "stale";

export async function stopHistorySync(
  position: SyncPosition,
  status: "paused" | "failed",
  problem: SyncProblem,
): Promise<StopOutcome> {
  const stopped = await db().historySync.updateMany({
    where: positionWhere(position),
    data: { status, lastError: problem, retryAt: null },
  });
  if (stopped.count === 0) return "stale";
  logger.warn("History sync stopped", { channelId: position.channelId, status, problem });
  await publishHistorySyncProgress(position.channelId);
  return status;
}

/** Throttled or failing Graph: try the same page again later, waiting longer after each failure. */
export async function retryHistorySyncLater(
  position: SyncPosition,
  job: HistorySyncJob,
  error: GraphError,
  timing: SyncTiming,
): Promise<"retry_later" | StopOutcome> {
  const problem = problemOf(error);
  const failures = job.failures + 1;
  logger.warn("History sync: Graph call failed", {
    channelId: position.channelId,
    code: error.code,
    failure: error.failure,
    failures,
  });
  if (failures >= timing.maxConsecutiveFailures) return stopHistorySync(position, "failed", problem);

  const retryAt = new Date(Date.now() + retryDelayMs(failures, timing));
  const scheduled = await db().$transaction(async (tx) => {
    const updated = await tx.historySync.updateMany({
      where: positionWhere(position),
      data: { retryAt, lastError: problem },
    });
    if (updated.count === 0) return false;
    // A new job rather than a sleeping one: a restart meanwhile loses nothing, and the worker is free.
    await enqueueHistorySyncJob(tx, { ...job, failures }, retryAt);
    return true;
  });
  if (!scheduled) return "stale";
  await publishHistorySyncProgress(position.channelId);
  return "retry_later";
}

/** The queue gave up on a job after repeated unexpected errors (database down…): the run fails. */
export async function failHistorySyncRun(job: HistorySyncJob): Promise<void> {
  const failed = await db().historySync.updateMany({
    where: { channelId: job.channelId, run: job.run, status: { in: ACTIVE_STATUSES } },
    data: { status: "failed", lastError: "internal", retryAt: null },
  });
  if (failed.count > 0) await publishHistorySyncProgress(job.channelId);
}
