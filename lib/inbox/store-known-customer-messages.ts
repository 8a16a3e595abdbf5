// The common case of a received message — a known customer, whose profile is fresh, writes in a
// conversation someone takes care of (assigned, or waiting in a claim queue) — for several customers
// in one statement, without a transaction's extra round trips: each customer's contact and
// conversation are found, the conversation rows locked, each message inserted only if its
// conversation is still in that state, and a conversation touched only if its message is new.
// Where it stores nothing (a new customer, a stale profile, closed, no caretaker) it returns what it
// found, and the transactional path (receive-message.ts) creates, refreshes, reopens or routes.
//
// The webhook processor stores the first message of every customer of a claimed batch this way
// (receive-webhooks.ts): one statement and one commit for all of them instead of one each.
import { db } from "@/lib/db";
import { freshProfileSince, type StoredContact } from "@/lib/inbox/receive-contact";
import { insertIntoConversationsCtes, messageInputCte, type BatchedMessage } from "@/lib/inbox/inbound-message-sql";
import { utcTimestamp } from "@/lib/inbox/touch-conversation";

/** A customer's message; at most one per customer and channel in a call. */
export type KnownCustomerMessage = BatchedMessage;

export interface KnownCustomerAttempt {
  /** Set when the message is stored (or already was: no id then): nothing more to do. */
  stored?: { messageIds: string[] };
  /** Otherwise what the statement found about the customer, for the transactional path. */
  found: StoredContact | null;
}

interface ResultRow {
  ord: number;
  contactId: string | null;
  conversationId: string | null;
  profileIsFresh: boolean;
  isHeld: boolean;
  messageId: string | null;
}

/** One attempt per message, in the order given. */
export async function storeKnownCustomerMessages(messages: KnownCustomerMessage[]): Promise<KnownCustomerAttempt[]> {
  if (messages.length === 0) return [];
  // The conversations are locked in id order: two processes storing messages of the same customers
  // (their webhooks claimed by each) then wait for each other instead of deadlocking.
  const rows = await db().$queryRaw<ResultRow[]>`
    WITH ${messageInputCte(messages)}, contact AS (
      SELECT input.ord, k.id, COALESCE(k."profileFetchedAt" >= ${utcTimestamp(freshProfileSince())}, false) AS "profileIsFresh"
      FROM input JOIN "Contact" k ON k."channelId" = input."channelId" AND k."platformUserId" = input."platformUserId"
    ), conversation AS (
      SELECT DISTINCT ON (contact.ord) contact.ord, c.id
      FROM contact JOIN input ON input.ord = contact.ord
      JOIN "Conversation" c ON c."channelId" = input."channelId" AND c."contactId" = contact.id
      ORDER BY contact.ord
    ), held AS (
      SELECT conversation.ord, c.id FROM "Conversation" c
      JOIN conversation ON conversation.id = c.id JOIN contact ON contact.ord = conversation.ord
      WHERE c.state IN ('assigned', 'awaiting_claim') AND contact."profileIsFresh"
      ORDER BY c.id
      FOR NO KEY UPDATE OF c
    ), ${insertIntoConversationsCtes("held")}
    SELECT input.ord, contact.id AS "contactId", COALESCE(contact."profileIsFresh", false) AS "profileIsFresh",
      conversation.id AS "conversationId", held.id IS NOT NULL AS "isHeld", inserted.id AS "messageId"
    FROM input
    LEFT JOIN contact ON contact.ord = input.ord
    LEFT JOIN conversation ON conversation.ord = input.ord
    LEFT JOIN held ON held.ord = input.ord
    LEFT JOIN inserted ON inserted."conversationId" = held.id
    ORDER BY input.ord`;
  return rows.map(attemptOf);
}

function attemptOf(row: ResultRow): KnownCustomerAttempt {
  // Held but no id: a replay, a retry or an overlapping batch — the message is already stored.
  if (row.isHeld) return { stored: { messageIds: row.messageId ? [row.messageId] : [] }, found: null };
  if (!row.contactId) return { found: null };
  return { found: { contactId: row.contactId, conversationId: row.conversationId, profileIsFresh: row.profileIsFresh } };
}
