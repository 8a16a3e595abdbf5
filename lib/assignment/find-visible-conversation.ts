// Loads a conversation only if the user may see it (conversation-visibility.ts); anything else is a
// 404, so ids of other workspaces or hidden "only me" pages are not confirmed to exist.
import type { Db, Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { visibleConversationsWhere } from "@/lib/inbox/conversation-visibility";

export async function findVisibleConversation(client: Tx | Db, user: SessionUser, conversationId: string) {
  const workspace = await client.workspace.findUniqueOrThrow({
    where: { id: user.workspaceId },
    select: { adminsSeeOnlyMeChannels: true },
  });
  const conversation = await client.conversation.findFirst({
    where: { AND: [{ id: conversationId }, visibleConversationsWhere(user, workspace)] },
    select: { id: true, ruleId: true, assigneeId: true, state: true },
  });
  if (!conversation) throw new AppError("not_found", "No such conversation.");
  return conversation;
}
