// The history sync's workers on the job queue. Each job reads one Graph page; a job that throws
// (database unreachable…) is retried by pg-boss with backoff, and one that keeps throwing fails the
// run so the card can say so. A job still running after EXPIRE_IN_SECONDS is presumed lost with its
// process and retried: the sync's guarded writes make the copy harmless.
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import {
  HISTORY_SYNC_QUEUE,
  historySyncJobSchema,
  setHistorySyncWorkerIds,
} from "@/lib/history-sync/history-sync-jobs";
import { failHistorySyncRun } from "@/lib/history-sync/interrupt-history-sync";
import { runHistorySyncStep } from "@/lib/history-sync/run-history-sync-step";
import { DEFAULT_SYNC_TIMING, type SyncTiming } from "@/lib/history-sync/sync-timing";

const RETRY = { retryLimit: 5, retryDelay: 5, retryBackoff: true } as const;
/** Above a page's Graph timeout (30 s) plus its transaction (at most 120 s). */
const EXPIRE_IN_SECONDS = 300;
/** Syncs of different pages run side by side; one page's jobs follow each other in a chain. */
const WORKERS = 2;

export async function registerHistorySyncWorker(
  boss: PgBoss,
  timing: SyncTiming = DEFAULT_SYNC_TIMING,
): Promise<void> {
  const queue = { name: HISTORY_SYNC_QUEUE, ...RETRY, expireInSeconds: EXPIRE_IN_SECONDS };
  await boss.createQueue(HISTORY_SYNC_QUEUE, queue);
  await boss.updateQueue(HISTORY_SYNC_QUEUE, queue);
  const ids: string[] = [];
  for (let i = 0; i < WORKERS; i++) {
    ids.push(
      await boss.work(
        HISTORY_SYNC_QUEUE,
        { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 1 },
        async ([job]) => {
          if (!job) return;
          const data = historySyncJobSchema.parse(job.data);
          try {
            await runHistorySyncStep(data, timing);
          } catch (error) {
            if (job.retryCount < job.retryLimit) throw error;
            logger.error("History sync job failed for good", { channelId: data.channelId, error });
            await failHistorySyncRun(data);
          }
        },
      ),
    );
  }
  setHistorySyncWorkerIds(ids);
}
