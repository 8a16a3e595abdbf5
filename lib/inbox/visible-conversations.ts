// Loads what visibleConversationsWhere needs to know about the user's workspace and returns the
// where-clause, so every read API applies the one visibility rule the same way.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import { agentVisibleConversationsWhere, visibleConversationsSql, visibleConversationsWhere } from "@/lib/inbox/conversation-visibility";
import { assembledRead, readRows, SqlParameters } from "@/lib/sql-read";

export async function visibleConversationsFor(user: SessionUser): Promise<Prisma.ConversationWhereInput> {
  // Only an admin's view depends on the workspace's setting: an agent's costs no query.
  if (user.role !== "admin") return agentVisibleConversationsWhere(user);
  const workspace = await db().workspace.findUniqueOrThrow({
    where: { id: user.workspaceId },
    select: { adminsSeeOnlyMeChannels: true },
  });
  return visibleConversationsWhere(user, workspace);
}

/**
 * Whether the user may see one conversation, in one SQL read (the rule as visibleConversationsSql,
 * the workspace's setting included): asked before every page of a thread, where the workspace read
 * and the check through Prisma cost more than the page itself.
 */
export async function isConversationVisible(user: SessionUser, conversationId: string): Promise<boolean> {
  const parameters = new SqlParameters();
  const id = parameters.add(conversationId);
  const statement = assembledRead(`SELECT EXISTS (SELECT 1 FROM "Conversation" c WHERE c.id = ${id} AND (${visibleConversationsSql(user, parameters)})) AS visible`);
  const [row] = await readRows<{ visible: boolean }>(statement, parameters.values);
  return row!.visible;
}
