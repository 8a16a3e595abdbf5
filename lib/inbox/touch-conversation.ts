// Updates a conversation for a newly stored message, in the message's transaction. Messages can
// arrive out of order (retries, overlapping batches), so the newest message by platform time wins
// the preview, and times only move forward. A customer message restarts the count of replies since
// they wrote only when nothing newer is stored (a late, older one leaves the count as it is).
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";

/** Prisma keeps DateTime columns as UTC `timestamp(3)`; raw SQL must compare in the same terms. */
export function utcTimestamp(date: Date): Prisma.Sql {
  return Prisma.sql`(${date.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
}

export interface NewMessage {
  at: Date;
  preview: string;
  /** From the customer: counts as unread, moves lastInboundAt (the reply window) and reopens. */
  inbound: boolean;
}

/**
 * Returns whether the conversation now needs routing: a customer who writes again is never left
 * where nobody looks. A closed conversation reopens — to its agent if they can still take it,
 * else like a new one (route-returning-customer.ts); one with no caretaker — synced history that
 * was not distributed, orphaned when its agent left the rule — is routed like a new conversation.
 * The caller does either last in its transaction.
 */
// FOR NO KEY UPDATE, not FOR UPDATE: each message INSERT holds a KEY SHARE lock on its conversation
// (the foreign key), which FOR UPDATE would wait on — two workers storing messages of one
// conversation would deadlock.
export async function touchConversation(tx: Tx, conversationId: string, message: NewMessage): Promise<{ needsRouting: boolean }> {
  const [row] = await tx.$queryRaw<{ previousState: string; assigneeId: string | null }[]>`
    WITH previous AS (SELECT id, state FROM "Conversation" WHERE id = ${conversationId} FOR NO KEY UPDATE)
    UPDATE "Conversation" AS c SET ${conversationChanges(message)}
    FROM previous WHERE c.id = previous.id
    RETURNING previous.state::text AS "previousState", c."assigneeId"`;
  return { needsRouting: message.inbound && row !== undefined && needsCaretaker(row.previousState, row.assigneeId) };
}

function needsCaretaker(state: string, assigneeId: string | null): boolean {
  return state === "closed" || (assigneeId === null && state === "unassigned");
}

/** The SET list of an UPDATE of "Conversation" AS c for a newly stored message. */
export function conversationChanges(message: NewMessage): Prisma.Sql {
  return conversationChangesFrom({ at: utcTimestamp(message.at), preview: Prisma.sql`${message.preview}`, inbound: Prisma.sql`${message.inbound}` });
}

/** The same SET list from SQL expressions: parameters, or the columns of a row the UPDATE joins. */
export function conversationChangesFrom({ at, preview, inbound }: { at: Prisma.Sql; preview: Prisma.Sql; inbound: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`
      "lastMessagePreview" = CASE WHEN ${at} >= c."lastMessageAt" THEN ${preview} ELSE c."lastMessagePreview" END,
      "lastMessageAt" = GREATEST(c."lastMessageAt", ${at}),
      "lastInboundAt" = CASE WHEN ${inbound} THEN GREATEST(c."lastInboundAt", ${at}) ELSE c."lastInboundAt" END,
      "unreadCount" = c."unreadCount" + CASE WHEN ${inbound} THEN 1 ELSE 0 END,
      "repliesSinceInbound" = CASE
        WHEN NOT ${inbound} THEN c."repliesSinceInbound" + 1
        WHEN ${at} >= c."lastMessageAt" THEN 0
        ELSE c."repliesSinceInbound" END,
      "awaitingReplySince" = CASE WHEN ${inbound} THEN COALESCE(c."awaitingReplySince", ${at}) ELSE NULL END,
      "state" = CASE
        WHEN ${inbound} AND c.state = 'closed' AND c."assigneeId" IS NOT NULL THEN 'assigned'::"ConversationState"
        WHEN ${inbound} AND c.state = 'closed' THEN 'unassigned'::"ConversationState"
        ELSE c.state END,
      "updatedAt" = (now() AT TIME ZONE 'UTC')`;
}
