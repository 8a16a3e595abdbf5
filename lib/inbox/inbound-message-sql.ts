// SQL shared by the webhook processor's two batch statements (store-known-customer-messages.ts for
// customers writing in their conversation, store-new-conversations.ts for first messages): the
// batch's messages as an `input` table, and their INSERT into the conversations a CTE chose, with
// each conversation updated only for a message that was new.
import { Prisma } from "@/lib/generated/prisma/client";
import { messagePreview } from "@/lib/inbox/message-preview";
import { conversationChangesFrom, utcTimestamp } from "@/lib/inbox/touch-conversation";
import type { InboundMessageEvent } from "@/lib/inbox/inbound-event";
import type { ReceivingChannel } from "@/lib/inbox/receiving-channel";

/** A customer's message; at most one per customer and channel in a statement. */
export interface BatchedMessage {
  channel: ReceivingChannel;
  event: InboundMessageEvent;
}

/** The CTE `input`: one row per message, `ord` its index in `messages`. */
export function messageInputCte(messages: BatchedMessage[]): Prisma.Sql {
  const rows = messages.map(
    ({ channel, event }, ord) => Prisma.sql`(${ord}::int, ${channel.id}, ${event.contactPlatformId}, ${event.platformMessageId},
      ${utcTimestamp(event.at)}, ${event.text}, ${JSON.stringify(event.attachments)}::jsonb, ${event.quickReplyPayload},
      ${event.replyToPlatformMessageId}, ${messagePreview(event)})`,
  );
  return Prisma.sql`input (ord, "channelId", "platformUserId", "platformMessageId", "sentAt", text, attachments, "quickReplyPayload",
      "replyToPlatformMessageId", preview) AS (VALUES ${Prisma.join(rows)})`;
}

/**
 * The CTEs `inserted` (RETURNING id, "conversationId") and `touched`: every input message whose row
 * in the CTE named `target` (columns ord, id) gives its conversation is inserted — once: a replay,
 * a retry or an overlapping batch inserts nothing — and each conversation that got a new message is
 * updated as touch-conversation.ts does.
 */
export function insertIntoConversationsCtes(target: string): Prisma.Sql {
  const into = Prisma.raw(`"${target}"`);
  const now = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
  return Prisma.sql`inserted AS (
      INSERT INTO "Message" ("conversationId", "channelId", direction, "senderKind", status, "platformMessageId", "sentAt",
        text, attachments, "quickReplyPayload", "replyToPlatformMessageId", "quotedMessageId", "createdAt", "updatedAt")
      SELECT ${into}.id, input."channelId", 'inbound'::"MessageDirection", 'contact'::"SenderKind", 'delivered'::"MessageStatus",
        input."platformMessageId", input."sentAt", input.text, input.attachments, input."quickReplyPayload", input."replyToPlatformMessageId",
        (SELECT m.id FROM "Message" m WHERE m."channelId" = input."channelId" AND m."platformMessageId" = input."replyToPlatformMessageId"),
        ${now}, ${now}
      FROM ${into} JOIN input ON input.ord = ${into}.ord
      ON CONFLICT ("channelId", "platformMessageId") DO NOTHING
      RETURNING id, "conversationId"
    ), touched AS (
      UPDATE "Conversation" AS c
      SET ${conversationChangesFrom({ at: Prisma.sql`input."sentAt"`, preview: Prisma.sql`input.preview`, inbound: Prisma.sql`true` })}
      FROM ${into} JOIN input ON input.ord = ${into}.ord
      WHERE c.id = ${into}.id AND EXISTS (SELECT 1 FROM inserted WHERE inserted."conversationId" = ${into}.id)
    )`;
}
