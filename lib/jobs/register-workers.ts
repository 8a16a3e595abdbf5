// Every background worker of the app, started once by server.ts. A feature adds its worker here.
import type PgBoss from "pg-boss";
import { registerReplyDeliveryWorker } from "@/lib/inbox/reply-delivery-queue";
import { registerHistorySyncWorker } from "@/lib/history-sync/history-sync-worker";
import { registerUploadCleanupWorker } from "@/lib/uploads/upload-cleanup-worker";
import { registerChannelCheckWorker } from "@/lib/channels/channel-check-worker";
import { registerTokenRefreshWorker } from "@/lib/channels/token-refresh-worker";
import { registerReplyTimeoutWorker } from "@/lib/assignment/reply-timeout-worker";
import { registerAutoAwayWorker } from "@/lib/availability/auto-away-worker";
import { registerFoldMessageCountsWorker } from "@/lib/reports/fold-message-counts-worker";

type WorkerRegistration = (boss: PgBoss) => Promise<void>;

const workers: WorkerRegistration[] = [
  registerReplyDeliveryWorker,
  registerHistorySyncWorker,
  registerUploadCleanupWorker,
  registerChannelCheckWorker,
  registerTokenRefreshWorker,
  registerReplyTimeoutWorker,
  registerAutoAwayWorker,
  registerFoldMessageCountsWorker,
];

export async function registerWorkers(boss: PgBoss): Promise<void> {
  for (const register of workers) await register(boss);
}
