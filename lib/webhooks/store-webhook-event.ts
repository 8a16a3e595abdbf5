// The durable half of a webhook acknowledgement: the raw body is committed before the 200 goes out.
// Bodies that arrive while an INSERT is in flight are written together by the next one (one
// multi-row INSERT, one commit; see group-batcher.ts): under load the commits per second stay few,
// and each request still waits for the commit that holds its own row.
import { createGroupBatcher } from "@/lib/batching/group-batcher";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { signalWebhookStored } from "@/lib/webhooks/webhook-queue-signal";
import { announceToOtherProcesses } from "@/lib/webhooks/webhook-stored-notice";
import type { Platform } from "@/lib/generated/prisma/enums";

/** INSERTs in flight at once: enough to overlap one commit's fsync with the next batch's send. */
const MAX_CONCURRENT_INSERTS = 4;
const MAX_ROWS_PER_INSERT = 500;
const MAX_BYTES_PER_INSERT = 8 * 1024 * 1024;

interface StoredBody {
  platform: Platform;
  rawBody: string;
}

// On globalThis: Next's bundles and server.ts load this module separately but must share one writer.
const holder = globalThis as unknown as { __webhookWriter?: (body: StoredBody) => Promise<void> };

export function storeWebhookEvent(platform: Platform, rawBody: string): Promise<void> {
  holder.__webhookWriter ??= createGroupBatcher({ maxInFlight: MAX_CONCURRENT_INSERTS, batchSize: rowsPerInsert, run: insert });
  return holder.__webhookWriter({ platform, rawBody });
}

/** Up to MAX_ROWS_PER_INSERT bodies and MAX_BYTES_PER_INSERT bytes (a larger body goes alone). */
function rowsPerInsert(waiting: readonly StoredBody[]): number {
  let bytes = 0;
  let count = 0;
  while (count < waiting.length && count < MAX_ROWS_PER_INSERT) {
    bytes += (waiting[count] as StoredBody).rawBody.length;
    if (count > 0 && bytes > MAX_BYTES_PER_INSERT) break;
    count++;
  }
  return count;
}

async function insert(batch: StoredBody[]): Promise<void> {
  // One parameter per body: an array parameter would have pg escape every body into an array
  // literal, character by character. VALUES keeps arrival order, so ids follow it.
  const rows = batch.map((item) => Prisma.sql`(${item.platform}::"Platform", ${item.rawBody}, (now() AT TIME ZONE 'UTC'))`);
  await db().$executeRaw`INSERT INTO "WebhookEvent" (platform, "rawBody", "receivedAt") VALUES ${Prisma.join(rows)}`;
  // Committed: wake this process's processor directly, and the other processes' through a NOTIFY.
  signalWebhookStored();
  announceToOtherProcesses();
}
