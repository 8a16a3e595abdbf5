// The durable half of a webhook acknowledgement: the raw body is committed before the 200 goes out.
// Bodies that arrive while an INSERT is in flight are written together by the next one (one
// multi-row INSERT, one commit — group commit in the app): under load, the commits per second stay
// few and each request still waits for the commit that holds its own row. Alone, a body is written
// at once, so a quiet server adds no latency.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { signalWebhookStored } from "@/lib/webhooks/webhook-queue-signal";
import type { Platform } from "@/lib/generated/prisma/enums";

/** INSERTs in flight at once: enough to overlap one commit's fsync with the next batch's send. */
const MAX_CONCURRENT_INSERTS = 4;
const MAX_ROWS_PER_INSERT = 500;
const MAX_BYTES_PER_INSERT = 8 * 1024 * 1024;

interface Waiting {
  platform: Platform;
  rawBody: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

interface Writer {
  waiting: Waiting[];
  inFlight: number;
}

// On globalThis: Next's bundles and server.ts load this module separately but must share one writer.
const holder = globalThis as unknown as { __webhookWriter?: Writer };

export function storeWebhookEvent(platform: Platform, rawBody: string): Promise<void> {
  holder.__webhookWriter ??= { waiting: [], inFlight: 0 };
  const writer = holder.__webhookWriter;
  return new Promise((resolve, reject) => {
    writer.waiting.push({ platform, rawBody, resolve, reject });
    flush(writer);
  });
}

function takeBatch(writer: Writer): Waiting[] {
  let bytes = 0;
  let count = 0;
  while (count < writer.waiting.length && count < MAX_ROWS_PER_INSERT) {
    bytes += (writer.waiting[count] as Waiting).rawBody.length;
    if (count > 0 && bytes > MAX_BYTES_PER_INSERT) break;
    count++;
  }
  return writer.waiting.splice(0, count);
}

function flush(writer: Writer): void {
  while (writer.inFlight < MAX_CONCURRENT_INSERTS && writer.waiting.length > 0) {
    const batch = takeBatch(writer);
    writer.inFlight++;
    insert(batch)
      .then(
        () => {
          for (const item of batch) item.resolve();
          signalWebhookStored();
        },
        (error: unknown) => {
          for (const item of batch) item.reject(error);
        },
      )
      .finally(() => {
        writer.inFlight--;
        flush(writer);
      });
  }
}

async function insert(batch: Waiting[]): Promise<void> {
  // One parameter per body: an array parameter would have pg escape every body into an array
  // literal, character by character. VALUES keeps arrival order, so ids follow it.
  const rows = batch.map((item) => Prisma.sql`(${item.platform}::"Platform", ${item.rawBody}, (now() AT TIME ZONE 'UTC'))`);
  await db().$executeRaw`INSERT INTO "WebhookEvent" (platform, "rawBody", "receivedAt") VALUES ${Prisma.join(rows)}`;
}
