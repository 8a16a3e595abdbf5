// Whether other app processes exist, for work done only for them (a NOTIFY to wake their webhook
// processors, a realtime packet for their sockets) on paths that run for every message. The probe
// asks PostgreSQL in the background, at most once per OTHER_PROCESSES_MAX_AGE_MS, so the hot path
// only reads a boolean; a single process, the common deployment, then skips that work. It answers
// "yes" until its first answer, after a failed one, and whenever its answer is older than the
// maximum age: work for the others is skipped only on a fresh "no".
import { logger } from "@/lib/logger";

/** How long a "no other process" answer is trusted, counted from when the question was sent. */
export const OTHER_PROCESSES_MAX_AGE_MS = 1_000;

/** `ask` answers whether other processes exist now; the probe returns whether they may. */
export function otherProcessesProbe(what: string, ask: () => Promise<boolean>): () => boolean {
  let answer: { others: boolean; askedAt: number } | undefined;
  let asking = false;
  return () => {
    const now = Date.now();
    const fresh = answer !== undefined && now - answer.askedAt < OTHER_PROCESSES_MAX_AGE_MS;
    if (!fresh && !asking) {
      asking = true;
      ask()
        .then(
          (others) => (answer = { others, askedAt: now }),
          (error: unknown) => {
            answer = undefined;
            logger.warn(`Could not tell whether other processes have ${what}; assuming they do`, { error });
          },
        )
        .finally(() => (asking = false));
    }
    return fresh ? (answer?.others ?? true) : true;
  };
}
