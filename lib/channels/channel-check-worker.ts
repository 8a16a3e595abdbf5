// Runs the channel check (check-connected-channels.ts) every quarter hour and once at start-up, as a
// scheduled round on the job queue (lib/jobs/scheduled-round.ts): a token that died or a subscription
// dropped while the app was stopped is found before anyone replies.
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { registerScheduledRound } from "@/lib/jobs/scheduled-round";
import { checkConnectedChannels } from "@/lib/channels/check-connected-channels";
import { failExpiredWaitingReplies } from "@/lib/inbox/fail-expired-waiting-replies";

export async function registerChannelCheckWorker(boss: PgBoss): Promise<void> {
  await registerScheduledRound(boss, {
    queue: "channels.check",
    /** Messages sent while a platform has dropped a channel's webhook subscription are lost for good: do not wait long. */
    schedule: "*/15 * * * *",
    /** A round asks the platform about every page one by one, each call with its own timeout. */
    expireInSeconds: 60 * 60,
    run: async () => {
      const tally = await checkConnectedChannels();
      if (tally.resubscribed + tally.needs_reconnect + tally.unreachable + tally.failed > 0) logger.info("Channels checked", tally);
      const expired = await failExpiredWaitingReplies();
      if (expired > 0) logger.info("Replies that waited for a reconnect failed: their reply window closed", { replies: expired });
    },
  });
}
