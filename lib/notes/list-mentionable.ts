// The "@" list of the note composer: colleagues who may see this conversation, without the asker.
// Asking about a conversation one cannot see is a 404, as for the thread itself.
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { hiddenConversationError } from "@/lib/assignment/hidden-conversation-error";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";
import { colleaguesWhoSee, type Colleague } from "@/lib/notes/colleagues-who-see";

export async function listMentionable(user: SessionUser, conversationId: string): Promise<Colleague[]> {
  const visible = await db().conversation.findFirst({ where: { AND: [{ id: conversationId }, await visibleConversationsFor(user)] }, select: { id: true } });
  if (!visible) throw await hiddenConversationError(db(), user, conversationId);
  const colleagues = await colleaguesWhoSee(db(), user.workspaceId, conversationId);
  return colleagues.filter((colleague) => colleague.id !== user.id);
}
