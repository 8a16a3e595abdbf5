// Runs refresh-expiring-tokens.ts every quarter hour and once at start-up, on the job queue: pg-boss
// sends each scheduled round once across processes, and the "stately" policy keeps at most one round
// waiting behind a running one.
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { refreshExpiringTokens } from "@/lib/channels/refresh-expiring-tokens";

const TOKEN_REFRESH_QUEUE = "channels.refresh-tokens";
const EVERY_QUARTER_HOUR = "*/15 * * * *";
const EXPIRE_IN_SECONDS = 30 * 60;
const START_UP_ROUND = { singletonKey: "start-up", singletonSeconds: 60 };

export async function registerTokenRefreshWorker(boss: PgBoss): Promise<void> {
  const queue = { name: TOKEN_REFRESH_QUEUE, policy: "stately", expireInSeconds: EXPIRE_IN_SECONDS } as const;
  await boss.createQueue(TOKEN_REFRESH_QUEUE, queue);
  await boss.updateQueue(TOKEN_REFRESH_QUEUE, queue);
  await boss.schedule(TOKEN_REFRESH_QUEUE, EVERY_QUARTER_HOUR);
  await boss.work(TOKEN_REFRESH_QUEUE, async () => {
    const tally = await refreshExpiringTokens();
    if (tally.refreshed + tally.failed > 0) logger.info("Expiring channel tokens refreshed", tally);
  });
  // A token that came close to expiry while the app was stopped is renewed before anyone replies.
  await boss.send(TOKEN_REFRESH_QUEUE, {}, START_UP_ROUND);
}
