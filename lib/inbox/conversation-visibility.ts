// Who may see which conversation — the single rule used by list and thread APIs, socket fan-out and
// send permission:
// - an agent sees conversations assigned to them, and the "Chờ nhận" queue of rules they belong to;
// - an admin sees everything in the workspace, except conversations of another admin's "only me"
//   channel when the workspace turns adminsSeeOnlyMeChannels off.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";

export function visibleConversationsWhere(
  user: SessionUser,
  workspace: { adminsSeeOnlyMeChannels: boolean },
): Prisma.ConversationWhereInput {
  if (user.role === "admin") {
    if (workspace.adminsSeeOnlyMeChannels) return { workspaceId: user.workspaceId };
    return {
      workspaceId: user.workspaceId,
      OR: [{ channel: { chatMode: "shared" } }, { channel: { connectedById: user.id } }, { assigneeId: user.id }],
    };
  }
  return agentVisibleConversationsWhere(user);
}

/** An agent's part of the rule, which no workspace setting changes. */
export function agentVisibleConversationsWhere(user: Pick<SessionUser, "id" | "workspaceId">): Prisma.ConversationWhereInput {
  return {
    workspaceId: user.workspaceId,
    OR: [
      { assigneeId: user.id },
      { state: "awaiting_claim", rule: { members: { some: { userId: user.id } } } },
    ],
  };
}
