// Runs refresh-expiring-tokens.ts every quarter hour and once at start-up, as a scheduled round on the
// job queue (lib/jobs/scheduled-round.ts): a token that came close to expiry while the app was
// stopped is renewed before anyone replies.
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { registerScheduledRound } from "@/lib/jobs/scheduled-round";
import { refreshExpiringTokens } from "@/lib/channels/refresh-expiring-tokens";

export async function registerTokenRefreshWorker(boss: PgBoss): Promise<void> {
  await registerScheduledRound(boss, {
    queue: "channels.refresh-tokens",
    schedule: "*/15 * * * *",
    expireInSeconds: 30 * 60,
    run: async () => {
      const tally = await refreshExpiringTokens();
      if (tally.refreshed + tally.failed > 0) logger.info("Expiring channel tokens refreshed", tally);
    },
  });
}
