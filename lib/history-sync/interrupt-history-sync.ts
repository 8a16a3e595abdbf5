// A history sync that cannot go on right now: it waits and retries (the platform throttling or failing),
// pauses (the page's token died or the page was disconnected: it resumes after reconnecting) or fails
// (the admin can resume it from the card). The cursor is kept in every case, so nothing is read twice.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { ChannelApiError } from "@/lib/channels/channel-api-error";
import { providerOf } from "@/lib/channels/registry";
import type { Platform } from "@/lib/generated/prisma/enums";
import { ACTIVE_STATUSES, positionWhere, type SyncPosition } from "@/lib/history-sync/sync-position";
import { enqueueHistorySyncJob, type HistorySyncJob } from "@/lib/history-sync/history-sync-jobs";
import { publishHistorySyncProgress } from "@/lib/history-sync/publish-history-sync-progress";
import { retryDelayMs, type SyncTiming } from "@/lib/history-sync/sync-timing";
import type { SyncProblem } from "@/lib/history-sync/history-sync-view";

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

/** A throttled or failing platform: try the same page again later, waiting longer after each failure. */
export async function retryHistorySyncLater(
  position: SyncPosition,
  job: HistorySyncJob,
  platform: Platform,
  error: ChannelApiError,
  timing: SyncTiming,
): Promise<"retry_later" | StopOutcome> {
  const problem = providerOf(platform).history?.problemOf(error) ?? "internal";
  const failures = job.failures + 1;
  logger.warn("History sync: the platform call failed", { channelId: position.channelId, ...error.logFields(), failures });
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
