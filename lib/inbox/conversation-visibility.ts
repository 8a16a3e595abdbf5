// Who may see which conversation — the single rule used by list and thread APIs, socket fan-out and
// send permission:
// - an agent sees conversations assigned to them, and the "Chờ nhận" queue of rules they belong to;
// - an admin sees everything in the workspace, except conversations of another admin's "only me"
//   channel when the workspace turns adminsSeeOnlyMeChannels off.
// The rule is written twice, side by side: as a Prisma where-clause for every read and check, and as
// SQL for the reads asked after every live change (list pages, tab counts, a thread's check).
// tests/integration/inbox-sql-scope.test.ts holds the two to the same conversations.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/session-token";
import type { SqlParameters } from "@/lib/sql-read";

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

/**
 * The same rule as SQL on the conversation aliased `c`. An admin's part reads the workspace's setting
 * inside the statement (PostgreSQL evaluates that sub-select once per statement), so it costs no
 * query of its own.
 */
export function visibleConversationsSql(user: Pick<SessionUser, "id" | "role" | "workspaceId">, parameters: SqlParameters): string {
  const workspaceId = parameters.add(user.workspaceId);
  const userId = parameters.add(user.id);
  if (user.role === "admin") {
    return `c."workspaceId" = ${workspaceId} AND (
      (SELECT w."adminsSeeOnlyMeChannels" FROM "Workspace" w WHERE w.id = ${workspaceId})
      OR c."assigneeId" = ${userId}
      OR EXISTS (SELECT 1 FROM "Channel" vch WHERE vch.id = c."channelId" AND (vch."chatMode" = 'shared' OR vch."connectedById" = ${userId})))`;
  }
  return `c."workspaceId" = ${workspaceId} AND (
      c."assigneeId" = ${userId}
      OR (c.state = 'awaiting_claim' AND c."ruleId" IN (SELECT rm."ruleId" FROM "RuleMember" rm WHERE rm."userId" = ${userId})))`;
}
