// Deletes abandoned uploads every hour (prune-uploads.ts). A pg-boss schedule, so with several app
// processes only one of them runs each round.
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { pruneAbandonedUploads } from "@/lib/uploads/prune-uploads";

const UPLOAD_CLEANUP_QUEUE = "uploads.prune";
const EVERY_HOUR = "23 * * * *";

export async function registerUploadCleanupWorker(boss: PgBoss): Promise<void> {
  await boss.createQueue(UPLOAD_CLEANUP_QUEUE);
  await boss.schedule(UPLOAD_CLEANUP_QUEUE, EVERY_HOUR);
  await boss.work(UPLOAD_CLEANUP_QUEUE, async () => {
    const removed = await pruneAbandonedUploads();
    if (removed > 0) logger.info("Deleted uploads no reply used", { removed });
  });
}
