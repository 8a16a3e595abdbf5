// The durable queue of replies to hand to the platform (pg-boss). A reply's job is created in the
// same transaction as its message row, so a crash right after the composer's request can never leave
// a stored reply that nobody will send; the worker is woken at once, so "queued" means "sending now".
import type PgBoss from "pg-boss";
import type { Tx } from "@/lib/db";
import { jobQueue } from "@/lib/jobs/job-queue";
import { logger } from "@/lib/logger";
import { deliverReply } from "@/lib/inbox/deliver-reply";

export const SEND_REPLY_QUEUE = "send-reply";

/**
 * Retries of a transient failure: pg-boss waits retryDelay × 2^n / 2 × (1 + random) seconds before
 * retry n, i.e. about 2-4 s, 4-8 s, ... 256-512 s: 9 attempts over some 10-17 minutes, after which
 * the message is marked failed and the agent can retry by hand.
 */
const RETRY = { retryLimit: 8, retryDelay: 2, retryBackoff: true } as const;
/** A job still running after this is presumed lost (process killed) and retried. Above the send timeout. */
const EXPIRE_IN_SECONDS = 60;
/** Concurrent sends; each conversation's replies still go out one at a time, in order. */
const WORKERS = 4;

interface SendReplyJob {
  messageId: string;
}

const holder = globalThis as unknown as { __replyWorkerIds?: string[] };

/** Queues the message's delivery inside the caller's transaction: both commit, or neither. */
export async function enqueueReplyDelivery(tx: Tx, messageId: string): Promise<void> {
  const job: SendReplyJob = { messageId };
  await jobQueue().send(SEND_REPLY_QUEUE, job, {
    db: { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...(values as unknown[])) }) },
  });
}

/** Starts the worker now instead of at its next poll. Call after the enqueuing transaction commits. */
export function wakeReplyWorkers(): void {
  const boss = jobQueue();
  for (const id of holder.__replyWorkerIds ?? []) boss.notifyWorker(id);
}

export async function registerReplyDeliveryWorker(boss: PgBoss): Promise<void> {
  await boss.createQueue(SEND_REPLY_QUEUE, { name: SEND_REPLY_QUEUE, ...RETRY, expireInSeconds: EXPIRE_IN_SECONDS });
  await boss.updateQueue(SEND_REPLY_QUEUE, { name: SEND_REPLY_QUEUE, ...RETRY, expireInSeconds: EXPIRE_IN_SECONDS });
  const ids: string[] = [];
  for (let i = 0; i < WORKERS; i++) {
    ids.push(
      await boss.work<SendReplyJob>(SEND_REPLY_QUEUE, { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
        if (!job) return;
        const finalAttempt = job.retryCount >= job.retryLimit;
        const outcome = await deliverReply(job.data.messageId, { finalAttempt });
        // Throwing hands the job back to pg-boss, which schedules the next try with backoff.
        if (outcome === "retry") throw new Error(`Reply ${job.data.messageId}: transient failure, will retry`);
      }),
    );
  }
  holder.__replyWorkerIds = ids;
  logger.debug("Reply delivery workers started", { workers: WORKERS });
}
