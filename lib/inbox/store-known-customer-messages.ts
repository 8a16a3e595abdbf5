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
import { Prisma } from "@/lib/generated/prisma/client";
import { messagePreview } from "@/lib/inbox/message-preview";
import { freshProfileSince, type StoredContact } from "@/lib/inbox/receive-contact";
import { conversationChangesFrom, utcTimestamp } from "@/lib/inbox/touch-conversation";
import type { InboundMessageEvent } from "@/lib/inbox/inbound-event";
import type { ReceivingChannel } from "@/lib/inbox/receiving-channel";

/** A customer's message; at most one per customer and channel in a call. */
export interface KnownCustomerMessage {
  channel: ReceivingChannel;
  event: InboundMessageEvent;
}

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
  const now = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
  const input = messages.map(
    ({ channel, event }, ord) => Prisma.sql`(${ord}::int, ${channel.id}, ${event.contactPlatformId}, ${event.platformMessageId},
      ${utcTimestamp(event.at)}, ${event.text}, ${JSON.stringify(event.attachments)}::jsonb, ${event.quickReplyPayload},
      ${event.replyToPlatformMessageId}, ${messagePreview(event)})`,
  );
  // The conversations are locked in id order: two processes storing messages of the same customers
  // (their webhooks claimed by each) then wait for each other instead of deadlocking.
  const rows = await db().$queryRaw<ResultRow[]>`
    WITH input (ord, "channelId", "platformUserId", "platformMessageId", "sentAt", text, attachments, "quickReplyPayload",
      "replyToPlatformMessageId", preview) AS (VALUES ${Prisma.join(input)}
    ), contact AS (
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
    ), inserted AS (
      INSERT INTO "Message" ("conversationId", "channelId", direction, "senderKind", status, "platformMessageId", "sentAt",
        text, attachments, "quickReplyPayload", "replyToPlatformMessageId", "quotedMessageId", "createdAt", "updatedAt")
      SELECT held.id, input."channelId", 'inbound'::"MessageDirection", 'contact'::"SenderKind", 'delivered'::"MessageStatus",
        input."platformMessageId", input."sentAt", input.text, input.attachments, input."quickReplyPayload", input."replyToPlatformMessageId",
        (SELECT m.id FROM "Message" m WHERE m."channelId" = input."channelId" AND m."platformMessageId" = input."replyToPlatformMessageId"),
        ${now}, ${now}
      FROM held JOIN input ON input.ord = held.ord
      ON CONFLICT ("channelId", "platformMessageId") DO NOTHING
      RETURNING id, "conversationId"
    ), touched AS (
      UPDATE "Conversation" AS c
      SET ${conversationChangesFrom({ at: Prisma.sql`input."sentAt"`, preview: Prisma.sql`input.preview`, inbound: Prisma.sql`true` })}
      FROM held JOIN input ON input.ord = held.ord
      WHERE c.id = held.id AND EXISTS (SELECT 1 FROM inserted WHERE inserted."conversationId" = held.id)
    )
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
