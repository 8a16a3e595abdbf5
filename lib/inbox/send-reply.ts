// An agent's reply to a customer: checked (who may send, page connected, reply window, length, the
// message it quotes), stored as pending together with its delivery job, published, then handed to
// the platform by the reply-delivery worker at once (deliver-reply.ts). A resubmitted send (same clientMessageId)
// returns the message already stored instead of sending twice.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { authorizeReply, type AuthorizedReply } from "@/lib/inbox/authorize-reply";
import { messageDtoSelect, toMessageDto, type MessageDto } from "@/lib/inbox/inbox-dto";
import { messagePreview } from "@/lib/inbox/message-preview";
import { publishReply } from "@/lib/inbox/publish-reply";
import { enqueueReplyDelivery, wakeReplyWorkers } from "@/lib/inbox/reply-delivery-queue";
import { replyContent, type ReplyContent, type SendReplyInput } from "@/lib/inbox/reply-input";
import { replyQuote } from "@/lib/inbox/reply-quote";
import { markUploadsAttached } from "@/lib/uploads/prune-uploads";

export async function sendReply(user: SessionUser, conversationId: string, input: SendReplyInput): Promise<MessageDto> {
  const resubmitted = await alreadyStored(user, conversationId, input.clientMessageId);
  if (resubmitted) return resubmitted;

  const now = new Date();
  let stored: { messageId: string; reply: AuthorizedReply; content: ReplyContent };
  try {
    stored = await db().$transaction(async (tx) => {
      const reply = await authorizeReply(tx, user, conversationId, now);
      const content = replyContent(input, reply.capabilities);
      const quote = await replyQuote(tx, conversationId, input.quotedMessageId, reply.capabilities);
      const message = await tx.message.create({
        data: {
          conversationId,
          channelId: reply.channelId,
          direction: "outbound",
          senderKind: "agent",
          senderUserId: user.id,
          text: content.text,
          attachments: content.attachments,
          ...quote,
          status: "pending",
          clientMessageId: input.clientMessageId,
          sentAt: now,
        },
        select: { id: true },
      });
      // Answering means the assignee has read the thread.
      await tx.conversation.update({
        where: { id: conversationId },
        // Answered: the reply timeout ("Chia lại nếu không trả lời") stops counting.
        // Counted now, as Zalo counts its free replies per customer message (lib/channels/reply-window.ts).
        data: { lastMessageAt: now, lastMessagePreview: messagePreview(content), unreadCount: 0, awaitingReplySince: null, repliesSinceInbound: { increment: 1 } },
      });
      await enqueueReplyDelivery(tx, message.id);
      // Last before the commit: a refused reply leaves no mark, and a stored reply's file is never
      // taken for an abandoned upload by a cleanup running between commit and marking.
      await markUploadsAttached(tx, content.attachments);
      return { messageId: message.id, reply, content };
    });
  } catch (error) {
    // Two copies of the same send raced; the other one stored it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await alreadyStored(user, conversationId, input.clientMessageId);
      if (winner) return winner;
    }
    throw error;
  }

  wakeReplyWorkers();
  await publishReply(stored.messageId, { reply: stored.reply, by: user });
  const row = await db().message.findUniqueOrThrow({ where: { id: stored.messageId }, select: messageDtoSelect });
  return toMessageDto(row);
}

/** The message a previous submission of this send stored, if any. */
async function alreadyStored(user: SessionUser, conversationId: string, clientMessageId: string): Promise<MessageDto | null> {
  const row = await db().message.findUnique({ where: { clientMessageId }, select: messageDtoSelect });
  if (!row) return null;
  if (row.conversationId !== conversationId || row.senderUser?.id !== user.id) {
    throw new AppError("conflict", "This clientMessageId was already used for another message.", { reason: "client_message_id_reused" });
  }
  return toMessageDto(row);
}
