// The browser's catch-up after a gap in its realtime events (a reconnect, or its server's adapter
// relinking, when packets may have been lost): every conversation it may see that changed since the
// newest change it had seen, so the list is brought up to date in place, beyond its first page too.
//
// `since` is the newest `updatedAt` the browser holds. A row's updatedAt is stamped when its
// transaction starts, so a change stamped just before `since` may commit after it: the query goes
// back COMMIT_LAG_MS further, and the browser's merge by id makes the overlap harmless.
import { z } from "zod";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { conversationSummarySelect, type ConversationSummary } from "@/lib/inbox/inbox-dto";
import { toConversationSummary } from "@/lib/inbox/conversation-summary";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";

export const CHANGES_LIMIT = 200;
const COMMIT_LAG_MS = 10_000;

export const changedConversationsQuerySchema = z.object({ since: z.iso.datetime() });

export interface ConversationChanges {
  /** Oldest change first. */
  conversations: ConversationSummary[];
  /** False when more changed than one answer holds: the browser then reloads its list instead. */
  complete: boolean;
}

export async function listChangedConversations(user: SessionUser, rawQuery: Record<string, unknown>): Promise<ConversationChanges> {
  const { since } = changedConversationsQuerySchema.parse(rawQuery);
  const from = new Date(Date.parse(since) - COMMIT_LAG_MS);
  const rows = await db().conversation.findMany({
    where: { AND: [await visibleConversationsFor(user), { updatedAt: { gt: from } }] },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    take: CHANGES_LIMIT + 1,
    select: conversationSummarySelect,
  });
  return { conversations: rows.slice(0, CHANGES_LIMIT).map(toConversationSummary), complete: rows.length <= CHANGES_LIMIT };
}
