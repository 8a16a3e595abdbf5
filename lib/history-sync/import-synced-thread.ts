// Stores one synced thread inside the caller's transaction: the customer as Contact, the thread as
// Conversation (origin "synced"), its messages. Every row is keyed like the live inbox — contacts on
// (channel, customer's platform id), conversations on (channel, contact), messages on (channel,
// platform message id) — with INSERT … ON CONFLICT DO NOTHING, so a webhook for the same thread,
// before, during or after the import, leaves each row once. A conversation that already exists (a
// customer who wrote live) stays "live" and keeps its caretaker; it only gains its older messages.
// Nothing here counts as unread, routes a conversation or tells a browser: imported history raises
// no notifications.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { messagePreview } from "@/lib/inbox/message-preview";
import { utcTimestamp } from "@/lib/inbox/touch-conversation";
import type { SyncedMessage, SyncedThread } from "@/lib/history-sync/synced-thread";

interface ImportChannel {
  id: string;
  workspaceId: string;
}

async function ensureContact(tx: Tx, channelId: string, customer: SyncedThread["customer"]): Promise<string> {
  const where = { channelId_platformUserId: { channelId, platformUserId: customer.platformUserId } };
  // No profileFetchedAt: the live path reads the customer's picture on their next message.
  await tx.contact.createMany({
    data: [{ channelId, platformUserId: customer.platformUserId, name: customer.name }],
    skipDuplicates: true,
  });
  const contact = await tx.contact.findUniqueOrThrow({ where, select: { id: true, name: true } });
  if (contact.name === null && customer.name)
    await tx.contact.update({ where, data: { name: customer.name } });
  return contact.id;
}

function summaryOf(thread: SyncedThread) {
  const newest = thread.messages.at(-1);
  const newestInbound = thread.messages.findLast((message) => message.direction === "inbound");
  return {
    lastMessageAt: newest?.at ?? thread.updatedAt,
    lastMessagePreview: newest ? messagePreview(newest) : null,
    lastInboundAt: newestInbound?.at ?? null,
  };
}

async function ensureConversation(
  tx: Tx,
  channel: ImportChannel,
  contactId: string,
  thread: SyncedThread,
): Promise<string> {
  const summary = summaryOf(thread);
  const [created] = await tx.conversation.createManyAndReturn({
    data: [
      {
        workspaceId: channel.workspaceId,
        channelId: channel.id,
        contactId,
        origin: "synced",
        state: "unassigned",
        platformThreadId: thread.threadId,
        ...summary,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (created) return created.id;

  const existing = await tx.conversation.findUniqueOrThrow({
    where: { channelId_contactId: { channelId: channel.id, contactId } },
    select: { id: true },
  });
  // Times only move forward and the newest message keeps the preview, as on the live path; the
  // unread count, state, origin and caretaker are not ours to change.
  const at = utcTimestamp(summary.lastMessageAt);
  const lastInboundAt = summary.lastInboundAt
    ? Prisma.sql`GREATEST("lastInboundAt", ${utcTimestamp(summary.lastInboundAt)})`
    : Prisma.sql`"lastInboundAt"`;
  await tx.$executeRaw`
    UPDATE "Conversation" SET
      "lastMessagePreview" = CASE WHEN ${at} >= "lastMessageAt" OR "lastMessagePreview" IS NULL
        THEN ${summary.lastMessagePreview} ELSE "lastMessagePreview" END,
      "lastMessageAt" = GREATEST("lastMessageAt", ${at}),
      "lastInboundAt" = ${lastInboundAt},
      "platformThreadId" = COALESCE("platformThreadId", ${thread.threadId}),
      "updatedAt" = (now() AT TIME ZONE 'UTC')
    WHERE id = ${existing.id}`;
  return existing.id;
}

function messageRow(
  channelId: string,
  conversationId: string,
  message: SyncedMessage,
): Prisma.MessageCreateManyInput {
  const inbound = message.direction === "inbound";
  return {
    conversationId,
    channelId,
    direction: message.direction,
    // The shop's messages from before the connection were written in the platform's own inbox or another app.
    senderKind: inbound ? "contact" : "page",
    status: inbound ? "delivered" : "sent",
    platformMessageId: message.platformMessageId,
    text: message.text,
    attachments: message.attachments as unknown as Prisma.InputJsonValue,
    sentAt: message.at,
  };
}

/** Returns how many of the thread's messages were new to us. */
export async function importSyncedThread(
  tx: Tx,
  channel: ImportChannel,
  thread: SyncedThread,
): Promise<number> {
  const contactId = await ensureContact(tx, channel.id, thread.customer);
  const conversationId = await ensureConversation(tx, channel, contactId, thread);
  if (thread.messages.length === 0) return 0;
  const inserted = await tx.message.createMany({
    data: thread.messages.map((message) => messageRow(channel.id, conversationId, message)),
    skipDuplicates: true,
  });
  return inserted.count;
}
