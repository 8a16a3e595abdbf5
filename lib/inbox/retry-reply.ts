// The retry button of a failed reply: the same checks as a new reply (who may send, page connected,
// reply window), then the message goes back to pending and to the delivery queue. Retrying a reply
// that is no longer failed (a double click, or the echo proved it sent) changes nothing.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { authorizeReply } from "@/lib/inbox/authorize-reply";
import { messageDtoSelect, toMessageDto, type MessageDto } from "@/lib/inbox/inbox-dto";
import { publishReply } from "@/lib/inbox/publish-reply";
import { enqueueReplyDelivery, wakeReplyWorkers } from "@/lib/inbox/reply-delivery-queue";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";

export async function retryReply(user: SessionUser, messageId: string): Promise<MessageDto> {
  const message = await db().message.findFirst({
    where: { id: messageId, direction: "outbound", senderKind: "agent", conversation: await visibleConversationsFor(user) },
    select: { conversationId: true, status: true },
  });
  if (!message) throw new AppError("not_found", "This message does not exist or is not yours to see.");

  if (message.status === "failed") {
    const reply = await db().$transaction(async (tx) => {
      const authorized = await authorizeReply(tx, user, message.conversationId, new Date());
      const { count } = await tx.message.updateMany({
        where: { id: messageId, status: "failed" },
        data: { status: "pending", failureCode: null, failureReason: null },
      });
      if (count > 0) await enqueueReplyDelivery(tx, messageId);
      return authorized;
    });
    wakeReplyWorkers();
    await publishReply(messageId, { reply, by: user });
  }
  return toMessageDto(await db().message.findUniqueOrThrow({ where: { id: messageId }, select: messageDtoSelect }));
}
