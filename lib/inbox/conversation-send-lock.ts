// One reply delivery at a time per conversation, across every process: a transaction-scoped
// advisory lock on the conversation is held while the work runs (and released by the database if
// the process dies). The transaction does nothing else; the work uses the pool as usual.
import { db } from "@/lib/db";

/** The advisory-lock class of reply delivery (two-key locks do not collide with one-key ones). */
const REPLY_DELIVERY_LOCK_CLASS = 13;
/** Above a send's own limits, so the lock never ends under a send that is still running. */
const HOLD_LIMIT_MS = 5 * 60 * 1000;

export function withConversationSendLock<T>(conversationId: string, work: () => Promise<T>): Promise<T> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REPLY_DELIVERY_LOCK_CLASS}::int, hashtext(${conversationId}))`;
      return work();
    },
    { maxWait: 10_000, timeout: HOLD_LIMIT_MS },
  );
}
