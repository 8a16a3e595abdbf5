// The WebhookEvent table is the queue (an outbox): a row is work until processedAt is set. A batch
// is claimed with FOR UPDATE SKIP LOCKED inside a transaction that stays open while its rows are
// processed, so parallel workers (or processes) never take the same row, and a crashed worker's
// locks vanish with its connection — after a restart every unprocessed row is picked up at once.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { receiveWebhookBatch } from "@/lib/inbox/receive-webhook-batch";
import type { Platform } from "@/lib/generated/prisma/enums";

export interface QueueOptions {
  batchSize?: number;
  /** Stop taking more rows of a claimed batch after this long; the rest stay queued. */
  budgetMs?: number;
}

const DEFAULT_BATCH_SIZE = 20;
const DEFAULT_BUDGET_MS = 20_000;
/**
 * A row that keeps failing is retried 5 s, 20 s, 80 s, … (×4) after it was received, and given up
 * after 8 failures (about a day): it then keeps its lastError with processedAt set, so it no longer
 * holds a place in the queue and can be inspected (or re-queued by clearing processedAt).
 */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 5;
const ERROR_TEXT_LIMIT = 1000;

interface ClaimedRow {
  id: bigint;
  platform: Platform;
  rawBody: string;
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
      const started = Date.now();
      for (const row of rows) {
        // Unprocessed rows of the batch are released at commit and taken by the next claim.
        if (Date.now() - started > budgetMs) break;
        // Events are stored through db(), not tx: each event commits on its own, and this
        // transaction only holds the claim and records the row's outcome.
        try {
          const outcome = await receiveWebhookBatch(row.platform, row.rawBody);
          await tx.$executeRaw`
            UPDATE "WebhookEvent" SET "processedAt" = (now() AT TIME ZONE 'UTC'), "lastError" = ${outcome.rejected ?? null}
            WHERE id = ${row.id}`;
        } catch (error) {
          const attempts = row.attempts + 1;
          const giveUp = attempts >= MAX_ATTEMPTS;
          logger.error(giveUp ? "Webhook event failed for the last time; giving up" : "Webhook event failed; will retry", {
            webhookEventId: String(row.id),
            attempts,
            error,
          });
          await tx.$executeRaw`
            UPDATE "WebhookEvent" SET attempts = ${attempts}, "lastError" = ${errorText(error)},
              "processedAt" = CASE WHEN ${giveUp} THEN (now() AT TIME ZONE 'UTC') ELSE NULL END
            WHERE id = ${row.id}`;
        }
      }
      return rows.length;
    },
    { maxWait: 10_000, timeout: budgetMs + 60_000 },
  );
}

/** Processes batches until nothing is due (tests and scripts; the server uses the processor loop). */
export async function drainWebhookQueue(options: QueueOptions = {}): Promise<void> {
  while ((await processWebhookQueueBatch(options)) > 0);
}
