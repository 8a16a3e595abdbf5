// Keeps the WebhookEvent table small: processed bodies are kept a week (for support questions),
// given-up ones a month (to investigate and re-queue).
import { db } from "@/lib/db";

export async function pruneWebhookEvents(): Promise<number> {
  return db().$executeRaw`
    DELETE FROM "WebhookEvent"
    WHERE "processedAt" IS NOT NULL
      AND "processedAt" < (now() AT TIME ZONE 'UTC') - CASE WHEN "lastError" IS NULL AND attempts = 0
        THEN interval '7 days' ELSE interval '30 days' END`;
}
