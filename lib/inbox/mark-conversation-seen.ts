// The assignee opened the conversation: its unread count drops to zero everywhere it is shown, and
// the customer sees "Seen" on Messenger. Other viewers (an admin looking in) change nothing there;
// any viewer's own @mentions in the conversation's notes are marked seen.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { publishConversation } from "@/lib/inbox/publish-changes";
import { sendSenderActionFor } from "@/lib/inbox/send-sender-action";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";

export async function markConversationSeen(user: SessionUser, conversationId: string): Promise<void> {
  const conversation = await db().conversation.findFirst({
    where: { AND: [{ id: conversationId }, await visibleConversationsFor(user)] },
    select: { assigneeId: true },
  });
  if (!conversation) throw new AppError("not_found", "This conversation does not exist or is not yours to see.");
  await db().noteMention.updateMany({ where: { userId: user.id, seenAt: null, message: { conversationId } }, data: { seenAt: new Date() } });
  if (conversation.assigneeId !== user.id) return;

  const { count } = await db().conversation.updateMany({
    where: { id: conversationId, assigneeId: user.id, unreadCount: { gt: 0 } },
    data: { unreadCount: 0 },
  });
  // Nothing was unread: Messenger already shows the customer's messages as seen.
  if (count === 0) return;
  await publishConversation(conversationId);
  await sendSenderActionFor(conversationId, "mark_seen");
}
