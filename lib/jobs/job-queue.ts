// The durable job queue (pg-boss, in PostgreSQL's "pgboss" schema): retries with backoff that
// survive restarts, for work that must eventually happen (sending replies, history sync).
import PgBoss from "pg-boss";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { serverPhase } from "@/lib/server/server-phase";

const holder = globalThis as unknown as { __jobQueue?: PgBoss };

export async function startJobQueue(): Promise<PgBoss> {
  if (holder.__jobQueue) return holder.__jobQueue;
  const boss = new PgBoss({ connectionString: env().DATABASE_URL, schema: "pgboss", max: env().JOB_QUEUE_POOL_MAX });
  // Connections cut during shutdown (the embedded database gets the same Ctrl-C) are expected.
  boss.on("error", (error) => {
    if (serverPhase() !== "stopping") logger.error("Job queue error", { error });
  });
  await boss.start();
  holder.__jobQueue = boss;
  return boss;
}

/** The started queue; route handlers enqueue through it. */
export function jobQueue(): PgBoss {
  if (!holder.__jobQueue) throw new Error("The job queue is not started (startJobQueue in server start-up).");
  return holder.__jobQueue;
}

export async function stopJobQueue(): Promise<void> {
  await holder.__jobQueue?.stop({ graceful: true, timeout: 10_000 });
  holder.__jobQueue = undefined;
}
