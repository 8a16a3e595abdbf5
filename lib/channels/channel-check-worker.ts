// Runs the channel check (check-connected-channels.ts) every quarter hour and once at start-up, on
// the job queue: pg-boss sends each scheduled round once across processes, the queue's "stately"
// policy keeps at most one round waiting behind a running one, and the start-up round is a
// singleton per minute, so processes starting together run one start-up round between them.
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { checkConnectedChannels } from "@/lib/channels/check-connected-channels";
import { failExpiredWaitingReplies } from "@/lib/inbox/fail-expired-waiting-replies";

const CHANNEL_CHECK_QUEUE = "channels.check";
/** Messages sent while a platform has dropped a channel's webhook subscription are lost for good: do not wait long. */
const EVERY_QUARTER_HOUR = "*/15 * * * *";
/** A round asks the platform about every page one by one, each call with its own timeout. */
const EXPIRE_IN_SECONDS = 60 * 60;
const START_UP_ROUND = { singletonKey: "start-up", singletonSeconds: 60 };

export async function registerChannelCheckWorker(boss: PgBoss): Promise<void> {
  const queue = { name: CHANNEL_CHECK_QUEUE, policy: "stately", expireInSeconds: EXPIRE_IN_SECONDS } as const;
  await boss.createQueue(CHANNEL_CHECK_QUEUE, queue);
  await boss.updateQueue(CHANNEL_CHECK_QUEUE, queue);
  await boss.schedule(CHANNEL_CHECK_QUEUE, EVERY_QUARTER_HOUR);
  await boss.work(CHANNEL_CHECK_QUEUE, async () => {
    const tally = await checkConnectedChannels();
    if (tally.resubscribed + tally.needs_reconnect + tally.unreachable + tally.failed > 0) logger.info("Channels checked", tally);
    const expired = await failExpiredWaitingReplies();
    if (expired > 0) logger.info("Replies that waited for a reconnect failed: their reply window closed", { replies: expired });
  });
  // A token that died or a subscription dropped while the app was stopped is found before anyone replies.
  await boss.send(CHANNEL_CHECK_QUEUE, {}, START_UP_ROUND);
}
