// The durable half of a webhook acknowledgement: one INSERT, committed before the 200 goes out.
// Everything else (parsing events, the inbox) happens later in the webhook processor.
import { db } from "@/lib/db";
import { signalWebhookStored } from "@/lib/webhooks/webhook-queue-signal";
import type { Platform } from "@/lib/generated/prisma/enums";

export async function storeWebhookEvent(platform: Platform, rawBody: string): Promise<void> {
  // receivedAt in UTC like every Prisma DateTime; the processor's backoff compares against it.
  await db().$executeRaw`
    INSERT INTO "WebhookEvent" (platform, "rawBody", "receivedAt")
    VALUES (${platform}::"Platform", ${rawBody}, (now() AT TIME ZONE 'UTC'))`;
  signalWebhookStored();
}
