// Runs auto-away (mark-absent-away.ts) every minute on the job queue; pg-boss sends each round once
// across processes, and the sweep itself is one conditional UPDATE.
import type PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { markAbsentAway } from "@/lib/availability/mark-absent-away";

const AUTO_AWAY_QUEUE = "availability.auto-away";
const EVERY_MINUTE = "* * * * *";

export async function registerAutoAwayWorker(boss: PgBoss): Promise<void> {
  await boss.createQueue(AUTO_AWAY_QUEUE);
  await boss.schedule(AUTO_AWAY_QUEUE, EVERY_MINUTE);
  await boss.work(AUTO_AWAY_QUEUE, async () => {
    await markAbsentAway(env().AVAILABILITY_AWAY_AFTER_MINUTES);
  });
}
