// The history sync's jobs on the durable queue (pg-boss). A sync is a chain of jobs, one Graph page
// each: a job is enqueued in the same transaction that stores its page and moves the cursor, so a
// crash anywhere leaves either the old cursor with the old job or the new cursor with the new job.
import { z } from "zod";
import type { Tx } from "@/lib/db";
import { jobQueue } from "@/lib/jobs/job-queue";

export const HISTORY_SYNC_QUEUE = "history-sync";

export const historySyncJobSchema = z.object({
  channelId: z.string().min(1),
  /** HistorySync.run when the job was enqueued: a restarted sync ignores the old run's jobs. */
  run: z.number().int().min(0),
  /** Consecutive throttled or failed Graph calls before this job, for the backoff. */
  failures: z.number().int().min(0),
});
export type HistorySyncJob = z.infer<typeof historySyncJobSchema>;

const holder = globalThis as unknown as { __historySyncWorkerIds?: string[] };

export function setHistorySyncWorkerIds(ids: string[]): void {
  holder.__historySyncWorkerIds = ids;
}

/** Enqueues inside the caller's transaction: the job exists if and only if the transaction commits. */
export async function enqueueHistorySyncJob(tx: Tx, job: HistorySyncJob, startAfter?: Date): Promise<void> {
  await jobQueue().send(HISTORY_SYNC_QUEUE, job, {
    ...(startAfter ? { startAfter } : {}),
    db: {
      executeSql: async (text, values) => ({
        rows: await tx.$queryRawUnsafe<unknown[]>(text, ...(values as unknown[])),
      }),
    },
  });
}

/** Starts the next job now instead of at the workers' next poll. Call after the enqueuing commit. */
export function wakeHistorySyncWorkers(): void {
  const boss = jobQueue();
  for (const id of holder.__historySyncWorkerIds ?? []) boss.notifyWorker(id);
}
