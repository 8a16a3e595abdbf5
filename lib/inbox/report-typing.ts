// The composer says its user is (or stopped) typing: the conversation's other viewers see it at once,
// and the customer sees Messenger's typing bubble when the assignee types (throttled).
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { emitTo } from "@/lib/realtime/io";
import { conversationAudience } from "@/lib/inbox/conversation-audience";
import { replyPermission } from "@/lib/inbox/reply-permission";
import { sendSenderActionFor } from "@/lib/inbox/send-sender-action";
import { TypingThrottle } from "@/lib/inbox/typing-throttle";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";

export const typingInputSchema = z.object({ on: z.boolean() });

const holder = globalThis as unknown as { __typingThrottle?: TypingThrottle };

export async function reportTyping(user: SessionUser, conversationId: string, on: boolean): Promise<void> {
  const conversation = await db().conversation.findFirst({
    where: { AND: [{ id: conversationId }, await visibleConversationsFor(user)] },
    select: { assigneeId: true, state: true, assignee: { select: { name: true } } },
  });
  if (!conversation) throw new AppError("not_found", "This conversation does not exist or is not yours to see.");
  const permission = replyPermission(user, conversation);

  // Viewers' browsers drop the indicator by themselves after a few seconds; "off" needs no event.
  if (on) emitTo(await conversationAudience(db(), conversationId), "typing", { conversationId, userId: user.id, name: user.name });
  // An admin who has not taken over yet is not the one the customer is talking to.
  if (permission.kind !== "assignee") return;
  const action = (holder.__typingThrottle ??= new TypingThrottle()).next(conversationId, on, Date.now());
  if (action) await sendSenderActionFor(conversationId, action);
}
