// Runs "Chia lại nếu không trả lời sau N phút" (reassign-unanswered.ts) every minute on the job
// queue: pg-boss sends each scheduled round once across processes, and a round that overlaps
// another is harmless (each move is conditional under the rule's lock).
import type PgBoss from "pg-boss";
import { logger } from "@/lib/logger";
import { reassignUnanswered } from "@/lib/assignment/reassign-unanswered";

const REPLY_TIMEOUT_QUEUE = "assignment.reply-timeout";
const EVERY_MINUTE = "* * * * *";

export async function registerReplyTimeoutWorker(boss: PgBoss): Promise<void> {
  await boss.createQueue(REPLY_TIMEOUT_QUEUE);
  await boss.schedule(REPLY_TIMEOUT_QUEUE, EVERY_MINUTE);
  await boss.work(REPLY_TIMEOUT_QUEUE, async () => {
    const moved = await reassignUnanswered();
    if (moved > 0) logger.info("Reassigned conversations nobody answered in time", { moved });
  });
}
