// Stores a customer message, a postback, or an echo of a page message — each exactly once, unique on
// (channel, platform message id) — with its contact and conversation, in one transaction.
import { db, type Tx } from "@/lib/db";
import { logger } from "@/lib/logger";
import { messagePreview } from "@/lib/inbox/message-preview";
import { routeNewConversation } from "@/lib/assignment/route-new-conversation";
import { routeReturningCustomer } from "@/lib/assignment/route-returning-customer";
import { completeLookup, ensureContactAndConversation, lookUpContact, type ContactLookup } from "@/lib/inbox/receive-contact";
import { storeKnownCustomerMessages, type KnownCustomerAttempt } from "@/lib/inbox/store-known-customer-messages";
import { touchConversation } from "@/lib/inbox/touch-conversation";
import type { EchoEvent, InboundMessageEvent, MessageContent, PostbackEvent } from "@/lib/inbox/inbound-event";
import type { ReceivingChannel } from "@/lib/inbox/receiving-channel";
import { Prisma } from "@/lib/generated/prisma/client";

export type MessageEvent = InboundMessageEvent | PostbackEvent | EchoEvent;

export interface ReceiveResult {
  /** Messages created or changed: published after commit. */
  messageIds: string[];
  /** Set when this event created the conversation. */
  createdConversationId?: string;
}

/** What storing did, inside the transaction: the messages, and whether the conversation must be routed. */
interface Stored {
  messageIds: string[];
  needsRouting?: boolean;
}

const nothing: Stored = { messageIds: [] };

async function contentColumns(tx: Tx, channel: ReceivingChannel, content: MessageContent) {
  return {
    text: content.text,
    attachments: content.attachments as unknown as Prisma.InputJsonValue,
    quickReplyPayload: content.quickReplyPayload,
    replyToPlatformMessageId: content.replyToPlatformMessageId,
    quotedMessageId: await quotedMessageIdOf(tx, channel, content.replyToPlatformMessageId),
  };
}

/** Our row of the message a reply quotes, if we have it (a quote of an older, never imported one we do not). */
async function quotedMessageIdOf(tx: Tx, channel: ReceivingChannel, platformMessageId: string | null): Promise<string | null> {
  if (platformMessageId === null) return null;
  const quoted = await tx.message.findUnique({
    where: { channelId_platformMessageId: { channelId: channel.id, platformMessageId } },
    select: { id: true },
  });
  return quoted?.id ?? null;
}

/** The row a customer message or postback becomes. Inbound messages are "delivered": they reached us. */
async function inboundRow(tx: Tx, channel: ReceivingChannel, event: InboundMessageEvent | PostbackEvent) {
  if (event.kind === "postback") {
    return {
      row: { text: null, postback: { title: event.title, payload: event.payload } },
      preview: messagePreview({ text: event.title ?? event.payload, attachments: [] }),
    };
  }
  return { row: await contentColumns(tx, channel, event), preview: messagePreview(event) };
}

/** `known`: the message's attempt in the one statement of a batch (store-known-customer-messages.ts), when it was made. */
export async function receiveMessage(channel: ReceivingChannel, event: MessageEvent, known?: KnownCustomerAttempt): Promise<ReceiveResult> {
  if (event.kind !== "message") return storeInTransaction(channel, event, await lookUpContact(channel, event.contactPlatformId));
  const attempt = known ?? (await storeKnownCustomerMessages([{ channel, event }]))[0]!;
  if (attempt.stored) return attempt.stored;
  return storeInTransaction(channel, event, await completeLookup(channel, event.contactPlatformId, attempt.found));
}

async function storeInTransaction(channel: ReceivingChannel, event: MessageEvent, lookup: ContactLookup): Promise<ReceiveResult> {
  return db().$transaction(async (tx) => {
    const conversation = await ensureContactAndConversation(tx, channel, event.contactPlatformId, lookup, event.at);
    const stored =
      event.kind === "echo"
        ? await storeEcho(tx, channel, conversation.id, event)
        : await storeInbound(tx, channel, conversation.id, event);
    // Routed last: round-robin locks the rule's row until commit, and every new conversation of
    // the rule waits for that lock, so it is held for as few statements as possible.
    if (conversation.created) await routeNewConversation(tx, conversation.id);
    else if (stored.needsRouting) await routeReturningCustomer(tx, conversation.id);
    return { messageIds: stored.messageIds, ...(conversation.created ? { createdConversationId: conversation.id } : {}) };
  });
}

async function storeInbound(
  tx: Tx,
  channel: ReceivingChannel,
  conversationId: string,
  event: InboundMessageEvent | PostbackEvent,
): Promise<Stored> {
  const { row, preview } = await inboundRow(tx, channel, event);
  const [inserted] = await tx.message.createManyAndReturn({
    data: [
      {
        ...row,
        conversationId,
        channelId: channel.id,
        direction: "inbound",
        senderKind: "contact",
        status: "delivered",
        platformMessageId: event.platformMessageId,
        sentAt: event.at,
      },
    ],
    // A replay, a retry or an overlapping batch: the message is already stored, nothing changes.
    skipDuplicates: true,
    select: { id: true },
  });
  if (!inserted) return nothing;
  const { needsRouting } = await touchConversation(tx, conversationId, { at: event.at, preview, inbound: true });
  return { messageIds: [inserted.id], needsRouting };
}

const ourMessageSelect = { id: true, platformMessageId: true, senderKind: true, senderUserId: true } as const;

/**
 * Our stored message an echo reports. By the Message.id we put in `metadata` where the platform
 * echoes it (Messenger); where it does not (Zalo), an echo of our app's send is the oldest of our
 * replies in the conversation that the platform has not confirmed yet and says the same.
 */
function ourMessageOf(tx: Tx, channel: ReceivingChannel, conversationId: string, event: EchoEvent) {
  if (event.metadata) {
    return tx.message.findFirst({ where: { id: event.metadata, channelId: channel.id, direction: "outbound" }, select: ourMessageSelect });
  }
  if (!event.fromOurApp) return null;
  return tx.message.findFirst({
    where: { conversationId, channelId: channel.id, direction: "outbound", senderKind: "agent", platformMessageId: null, text: event.text },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: ourMessageSelect,
  });
}

/**
 * An echo is a message the page sent. Ours is already stored (pending from the composer, or sent
 * once the platform answered): matched by its mid, or — when the echo overtakes the platform's
 * answer — by ourMessageOf. Anything else (Page Inbox, Zalo OA Chat, another app) is new, by the page.
 */
async function storeEcho(tx: Tx, channel: ReceivingChannel, conversationId: string, event: EchoEvent): Promise<Stored> {
  const where = { channelId_platformMessageId: { channelId: channel.id, platformMessageId: event.platformMessageId } };
  if (await tx.message.findUnique({ where, select: { id: true } })) return nothing;

  const ours = await ourMessageOf(tx, channel, conversationId, event);
  if (ours && ours.platformMessageId === null) {
    // The echo proves the customer got it: a send we had given up on (timeout) is sent after all.
    const matched = await tx.message.updateMany({
      where: { id: ours.id, platformMessageId: null },
      data: { platformMessageId: event.platformMessageId, status: "sent", failureReason: null, failureCode: null, sendStartedAt: null },
    });
    if (matched.count === 1) return { messageIds: [ours.id] };
    // The Send API answer (or a parallel copy of this echo) set the mid first.
    if (await tx.message.findUnique({ where, select: { id: true } })) return nothing;
  }
  if (event.fromOurApp && !ours) {
    logger.warn("Echo of our app matches no stored message; storing it as sent by the page", {
      channelId: channel.id,
      platformMessageId: event.platformMessageId,
    });
  }

  // A second copy of one of our messages (a resend the customer also received) keeps its author.
  const author = ours
    ? { senderKind: ours.senderKind, senderUserId: ours.senderUserId }
    : { senderKind: "page" as const, senderUserId: null };
  const [inserted] = await tx.message.createManyAndReturn({
    data: [
      {
        ...(await contentColumns(tx, channel, event)),
        ...author,
        conversationId,
        channelId: channel.id,
        direction: "outbound",
        status: "sent",
        platformMessageId: event.platformMessageId,
        sentAt: event.at,
      },
    ],
    skipDuplicates: true,
    select: { id: true },
  });
  if (!inserted) return nothing;
  await touchConversation(tx, conversationId, { at: event.at, preview: messagePreview(event), inbound: false });
  return { messageIds: [inserted.id] };
}
