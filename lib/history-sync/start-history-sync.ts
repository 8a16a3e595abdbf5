// Entry points of a page's history sync, for the connection wizard and the page's card. All are
// idempotent: the HistorySync row (one per channel) moves only from the states they expect, and its
// first job is enqueued in the same transaction, so double clicks and retried requests start nothing
// twice.
//
// When to call startHistorySync: once the page's chat permission is settled (the wizard's chat-mode
// step), because the sync's policy is decided from it when the sync ends — an "only me" page hands
// the conversations to its owner at once, a shared page asks for confirmation. Conversations that are
// synced before the page joins a rule are handed out by the rules feature instead (attach-rule-sources.ts).
import { db, type Tx } from "@/lib/db";
import { providerOf } from "@/lib/channels/registry";
import { enqueueHistorySyncJob, wakeHistorySyncWorkers } from "@/lib/history-sync/history-sync-jobs";
import { publishHistorySyncProgress } from "@/lib/history-sync/publish-history-sync-progress";

type Started = { started: boolean };

async function enqueueFirstJob(tx: Tx, channelId: string, run: number): Promise<Started> {
  await enqueueHistorySyncJob(tx, { channelId, run, failures: 0 });
  return { started: true };
}

async function afterStart({ started }: Started, channelId: string): Promise<boolean> {
  if (!started) return false;
  wakeHistorySyncWorkers();
  await publishHistorySyncProgress(channelId);
  return true;
}

/** The first sync of a page. Does nothing if the page has one, whatever its state. */
export async function startHistorySync(channelId: string): Promise<boolean> {
  // Platforms that offer no history are skipped, not failed.
  const channel = await db().channel.findUnique({ where: { id: channelId }, select: { platform: true } });
  if (!channel || !providerOf(channel.platform).history) return false;
  const result = await db().$transaction(async (tx): Promise<Started> => {
    const [created] = await tx.historySync.createManyAndReturn({
      data: [{ channelId, status: "queued" }],
      skipDuplicates: true,
      select: { run: true },
    });
    return created ? enqueueFirstJob(tx, channelId, created.run) : { started: false };
  });
  return afterStart(result, channelId);
}

/**
 * Continues a paused or failed sync from its cursor — after the page was reconnected (the wizard
 * calls this), or on the admin's request. A page that never synced starts; a running or finished
 * sync is left alone.
 */
export async function resumeHistorySync(channelId: string): Promise<boolean> {
  const result = await db().$transaction(async (tx): Promise<Started> => {
    const [resumed] = await tx.historySync.updateManyAndReturn({
      where: { channelId, status: { in: ["paused", "failed"] } },
      data: { status: "queued", lastError: null, retryAt: null },
      select: { run: true },
    });
    return resumed ? enqueueFirstJob(tx, channelId, resumed.run) : { started: false };
  });
  if (result.started) return afterStart(result, channelId);
  return startHistorySync(channelId);
}

/** "Đồng bộ lại" after a finished sync: a new run from the newest thread, with fresh counts. */
export async function restartHistorySync(channelId: string): Promise<boolean> {
  const result = await db().$transaction(async (tx): Promise<Started> => {
    const [restarted] = await tx.historySync.updateManyAndReturn({
      where: { channelId, status: "done" },
      data: {
        status: "queued",
        run: { increment: 1 },
        cursor: null,
        catchUpSince: null,
        threadsImported: 0,
        messagesImported: 0,
        threadsSkipped: 0,
        skipped: [],
        lastError: null,
        retryAt: null,
        startedAt: null,
        finishedAt: null,
        pendingPolicy: null,
        policyAppliedAt: null,
        conversationsDistributed: 0,
        conversationsQueued: 0,
      },
      select: { run: true },
    });
    return restarted ? enqueueFirstJob(tx, channelId, restarted.run) : { started: false };
  });
  return afterStart(result, channelId);
}
