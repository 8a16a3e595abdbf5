// Loads what visibleConversationsWhere needs to know about the user's workspace and returns the
// where-clause, so every read API applies the one visibility rule the same way.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import { agentVisibleConversationsWhere, visibleConversationsWhere } from "@/lib/inbox/conversation-visibility";

export async function visibleConversationsFor(user: SessionUser): Promise<Prisma.ConversationWhereInput> {
  // Only an admin's view depends on the workspace's setting: an agent's costs no query.
  if (user.role !== "admin") return agentVisibleConversationsWhere(user);
  const workspace = await db().workspace.findUniqueOrThrow({
    where: { id: user.workspaceId },
    select: { adminsSeeOnlyMeChannels: true },
  });
  return visibleConversationsWhere(user, workspace);
}
