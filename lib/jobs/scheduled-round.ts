// A job that runs on a schedule and once at start-up, on the job queue: pg-boss sends each scheduled
// round once across processes, the queue's "stately" policy keeps at most one round waiting behind a
// running one, and the start-up round is a singleton per minute, so processes starting together run
// one start-up round between them.
import type PgBoss from "pg-boss";

const START_UP_ROUND = { singletonKey: "start-up", singletonSeconds: 60 };

export async function registerScheduledRound(
  boss: PgBoss,
  round: {
    queue: string;
    /** A cron expression. */
    schedule: string;
    /** How long one round may run before pg-boss gives it up. */
    expireInSeconds: number;
    run: () => Promise<void>;
  },
): Promise<void> {
  const queue = { name: round.queue, policy: "stately", expireInSeconds: round.expireInSeconds } as const;
  await boss.createQueue(round.queue, queue);
  await boss.updateQueue(round.queue, queue);
  await boss.schedule(round.queue, round.schedule);
  await boss.work(round.queue, round.run);
  await boss.send(round.queue, {}, START_UP_ROUND);
}
