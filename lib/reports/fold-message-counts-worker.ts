// Folds the reports' message counts every minute (fold-message-counts.ts) as a scheduled round:
// one round at a time across processes.
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { registerScheduledRound } from "@/lib/jobs/scheduled-round";
import { foldMessageCounts } from "@/lib/reports/fold-message-counts";

export async function registerFoldMessageCountsWorker(boss: PgBoss): Promise<void> {
  await registerScheduledRound(boss, {
    queue: "reports.fold-message-counts",
    schedule: "* * * * *",
    expireInSeconds: 300,
    run: async () => {
      const { folded, recounted } = await foldMessageCounts();
      logger.debug("Folded the reports' message counts", { folded, recounted });
    },
  });
}
