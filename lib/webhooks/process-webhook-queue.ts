// The WebhookEvent table is the queue (an outbox): a row is work until processedAt is set. A batch
// is claimed with FOR UPDATE SKIP LOCKED inside a transaction that stays open while its rows are
// processed, so parallel workers (or processes) never take the same row, and a crashed worker's
// locks vanish with its connection — after a restart every unprocessed row is picked up at once.
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db";
import { logger } from "@/lib/logger";
import { publishReceived } from "@/lib/inbox/publish-changes";
import { receiveWebhooks, type ReceiveOptions, type StoredWebhook } from "@/lib/inbox/receive-webhooks";

export interface QueueOptions extends Pick<ReceiveOptions, "concurrency"> {
  batchSize?: number;
  /** Stop starting events of a claimed batch after this long; unfinished rows stay queued. */
  budgetMs?: number;
}

/**
 * A claim's size when a backlog waits (at 200 messages/s a claim every 25 ms holds about five).
 * Each claim costs about eight statements whatever its size; bench/webhook-processor.ts on 2 cores
 * (4 December): 50 → 100 took known customers from 1,940–2,070 to 2,340–2,600 events/s and first
 * messages from 760–770 to 860–970.
 */
export const DEFAULT_BATCH_SIZE = 100;
const DEFAULT_BUDGET_MS = 20_000;
/**
 * A row that keeps failing is retried 5 s, 20 s, 80 s, … (×4) after it was received, and given up
 * after 8 failures (about a day): it then keeps its lastError with processedAt set, so it no longer
 * holds a place in the queue and can be inspected (or re-queued by clearing processedAt).
 */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 5;
const ERROR_TEXT_LIMIT = 1000;

interface ClaimedRow extends StoredWebhook {
  attempts: number;
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, ERROR_TEXT_LIMIT);
}

/** Claims and processes one batch; returns how many rows it claimed (0 = nothing due). */
export async function processWebhookQueueBatch(options: QueueOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  return db().$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<ClaimedRow[]>`
        SELECT id, platform, "rawBody", attempts FROM "WebhookEvent"
        WHERE "processedAt" IS NULL
          AND (attempts = 0 OR "receivedAt" <= (now() AT TIME ZONE 'UTC')
               - make_interval(secs => ${FIRST_RETRY_SECONDS} * power(4, attempts - 1)))
        ORDER BY id
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      // Events are stored through db(), not tx: each event commits on its own, and this transaction
      // only holds the claim and records each row's outcome. Rows whose events did not all run
      // before the deadline stay queued (released at commit) and are finished by the next claim.
      const outcomes = await receiveWebhooks(rows, { concurrency: options.concurrency, deadline: Date.now() + budgetMs });
      const done: bigint[] = [];
      for (const row of rows) {
        const outcome = outcomes.get(row.id);
        if (outcome?.error !== undefined) await recordFailure(tx, row, outcome.error);
        else if (outcome?.rejected !== undefined) await tx.$executeRaw`
          UPDATE "WebhookEvent" SET "processedAt" = (now() AT TIME ZONE 'UTC'), "lastError" = ${outcome.rejected} WHERE id = ${row.id}`;
        else if (outcome?.unfinished === 0) done.push(row.id);
      }
      if (done.length > 0) {
        await tx.$executeRaw`
          UPDATE "WebhookEvent" SET "processedAt" = (now() AT TIME ZONE 'UTC') WHERE id IN (${Prisma.join(done)})`;
      }
      return rows.length;
    },
    { maxWait: 10_000, timeout: budgetMs + 60_000 },
  );
}

async function recordFailure(tx: Tx, row: ClaimedRow, error: unknown): Promise<void> {
  const attempts = row.attempts + 1;
  const giveUp = attempts >= MAX_ATTEMPTS;
  // A retry is a warning (most transient failures heal); giving up loses an event and is an error.
  const details = { webhookEventId: String(row.id), attempts, error };
  if (giveUp) logger.error("Webhook event failed for the last time; giving up", details);
  else logger.warn("Webhook event failed; will retry", details);
  await tx.$executeRaw`
    UPDATE "WebhookEvent" SET attempts = ${attempts}, "lastError" = ${errorText(error)},
      "processedAt" = CASE WHEN ${giveUp} THEN (now() AT TIME ZONE 'UTC') ELSE NULL END
    WHERE id = ${row.id}`;
}

/**
 * Processes batches until nothing is due, and returns once what they stored has been published
 * (tests and scripts; the server uses the processor loop).
 */
export async function drainWebhookQueue(options: QueueOptions = {}): Promise<void> {
  while ((await processWebhookQueueBatch(options)) > 0);
  await publishReceived.settled();
}

/**
 * Whether the oldest webhook still waiting for its first try was received more than `ms` ago: the
 * processor that leads is behind, and standby processors help (webhook-processor.ts).
 */
export async function firstTriesWaitLongerThan(ms: number): Promise<boolean> {
  const [oldest] = await db().$queryRaw<{ late: boolean }[]>`
    SELECT "receivedAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${ms / 1000}) AS late
    FROM "WebhookEvent" WHERE "processedAt" IS NULL AND attempts = 0
    ORDER BY id LIMIT 1`;
  return oldest?.late === true;
}
