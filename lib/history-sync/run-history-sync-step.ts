// One job of a history sync: read the next page of the channel's threads from its platform and
// store it (store-synced-page.ts), or wait, pause or stop when the platform says so
// (interrupt-history-sync.ts). Jobs of an older run, or copies of a job another worker already
// finished, find the sync elsewhere and do nothing.
import { db } from "@/lib/db";
import { ChannelApiError } from "@/lib/channels/channel-api-error";
import { providerOf } from "@/lib/channels/registry";
import type { ParsedThread } from "@/lib/history-sync/synced-thread";
import { storeSyncedPage } from "@/lib/history-sync/store-synced-page";
import { retryHistorySyncLater, stopHistorySync } from "@/lib/history-sync/interrupt-history-sync";
import { wakeHistorySyncWorkers, type HistorySyncJob } from "@/lib/history-sync/history-sync-jobs";
import { publishHistorySyncProgress } from "@/lib/history-sync/publish-history-sync-progress";
import { publishAssignmentChanges } from "@/lib/assignment/publish-assignment-changes";
import { ACTIVE_STATUSES, positionWhere, type SyncPosition } from "@/lib/history-sync/sync-position";
import { DEFAULT_SYNC_TIMING, type SyncTiming } from "@/lib/history-sync/sync-timing";

export type StepOutcome = "next_page" | "done" | "retry_later" | "paused" | "failed" | "stale";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runHistorySyncStep(
  job: HistorySyncJob,
  timing: SyncTiming = DEFAULT_SYNC_TIMING,
): Promise<StepOutcome> {
  const sync = await db().historySync.findUnique({ where: { channelId: job.channelId } });
  if (!sync || sync.run !== job.run || !ACTIVE_STATUSES.includes(sync.status)) return "stale";
  const position: SyncPosition = {
    id: sync.id,
    channelId: sync.channelId,
    run: sync.run,
    cursor: sync.cursor,
    catchUpSince: sync.catchUpSince,
  };

  const channel = await db().channel.findUnique({
    where: { id: job.channelId },
    select: { id: true, workspaceId: true, platform: true, externalId: true, status: true, accessTokenEnc: true },
  });
  if (!channel) return "stale";
  if (channel.status !== "connected") {
    return stopHistorySync(
      position,
      "paused",
      channel.status === "disconnected" ? "channel_disconnected" : "needs_reconnect",
    );
  }

  const startedAt = sync.startedAt ?? new Date();
  const running = await db().historySync.updateMany({
    where: positionWhere(position),
    data: { status: "running", startedAt },
  });
  if (running.count === 0) return "stale";
  if (sync.status === "queued") {
    await publishHistorySyncProgress(channel.id);
  } else {
    // Pages follow each other at most every minPageIntervalMs (the platform's rate limit).
    const wait = sync.updatedAt.getTime() + timing.minPageIntervalMs - Date.now();
    if (wait > 0) await sleep(Math.min(wait, timing.minPageIntervalMs));
  }

  const history = providerOf(channel.platform).history;
  if (!history) return stopHistorySync(position, "failed", "internal");
  let page: { threads: ParsedThread[]; after: string | null };
  try {
    page = await history.fetchPage(channel, sync.cursor);
  } catch (error) {
    if (!(error instanceof ChannelApiError)) throw error;
    // withChannelToken has marked the channel "needs reconnect"; reconnecting resumes the sync.
    if (error.tokenProblem) return stopHistorySync(position, "paused", "needs_reconnect");
    if (error.transient || error.unreadableReply) return retryHistorySyncLater(position, job, channel.platform, error, timing);
    return stopHistorySync(position, "failed", history.problemOf(error));
  }

  const stored = await storeSyncedPage({
    position,
    channel,
    startedAt,
    skippedSoFar: sync.skipped,
    threads: page.threads,
    after: page.after,
  });
  if (stored.kind === "stale") return "stale";
  if (stored.kind === "next_page") wakeHistorySyncWorkers();
  await publishHistorySyncProgress(channel.id);
  if (stored.kind === "done") await publishAssignmentChanges(stored.changes);
  return stored.kind;
}
