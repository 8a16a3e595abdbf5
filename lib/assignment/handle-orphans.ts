// Conversations left without a caretaker when a member leaves a rule or a user is deactivated.
// Each one is unassigned with an "orphaned" event (who lost it, who did it, why), then its rule's
// "Xử lý hội thoại cũ" policy decides whether it is handed out again or parked for admins. Nothing is
// dropped: a conversation ends up assigned, in a self-claim queue, or unassigned in the admins' view.
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { lockRule, lockRules } from "@/lib/assignment/lock-rows";
import { applyOldConversationPolicy } from "@/lib/assignment/apply-old-conversation-policy";
import { assignmentReasons, type AssignmentReason } from "@/lib/assignment/assignment-reasons";
import { snapshotAudiences } from "@/lib/assignment/snapshot-audiences";
import type { ConversationChange } from "@/lib/assignment/publish-assignment-changes";

interface OrphanScope {
  workspaceId: string;
  userIds: readonly string[];
  /** Only this rule's conversations (a member removed from it); all of theirs when absent. */
  ruleId?: string;
  reason: AssignmentReason;
  actorUserId: string | null;
}

/** Members removed from a rule: their open conversations of that rule. The caller holds the rule lock. */
export function orphanRuleMembersConversations(
  tx: Tx,
  params: { workspaceId: string; ruleId: string; userIds: readonly string[]; actorUserId: string | null },
): Promise<ConversationChange[]> {
  return orphanConversations(tx, { ...params, reason: assignmentReasons.memberRemoved });
}

/**
 * A deactivated user: every open conversation they held, in any rule or "only me" page. Call in
 * the transaction that deactivates them, after the user row is updated.
 */
export function orphanConversationsOfDeactivatedUser(
  tx: Tx,
  params: { workspaceId: string; userId: string; actorUserId: string | null },
): Promise<ConversationChange[]> {
  return orphanConversations(tx, {
    workspaceId: params.workspaceId,
    userIds: [params.userId],
    actorUserId: params.actorUserId,
    reason: assignmentReasons.memberDeactivated,
  });
}

async function orphanConversations(tx: Tx, scope: OrphanScope): Promise<ConversationChange[]> {
  if (scope.userIds.length === 0) return [];
  // Rules first, then conversations (lock-rows.ts): the rules these conversations belong to.
  // Locking every rule the users belong to also waits out round-robin steps in flight that still
  // saw them active; the steps after this transaction see them inactive.
  if (scope.ruleId) await lockRule(tx, scope.ruleId);
  else {
    const [memberships, held] = await Promise.all([
      tx.ruleMember.findMany({ where: { userId: { in: [...scope.userIds] } }, select: { ruleId: true } }),
      tx.conversation.findMany({
        where: { workspaceId: scope.workspaceId, assigneeId: { in: [...scope.userIds] }, state: "assigned", ruleId: { not: null } },
        select: { ruleId: true },
        distinct: ["ruleId"],
      }),
    ]);
    await lockRules(tx, [...memberships, ...held].flatMap((row) => (row.ruleId ? [row.ruleId] : [])));
  }

  const userIds = [...scope.userIds];
  const orphans = await tx.$queryRaw<{ id: string; ruleId: string | null; assigneeId: string }[]>`
    SELECT id, "ruleId", "assigneeId" FROM "Conversation"
    WHERE "workspaceId" = ${scope.workspaceId} AND "assigneeId" = ANY(${userIds}::text[]) AND state = 'assigned'
      ${scope.ruleId ? Prisma.sql`AND "ruleId" = ${scope.ruleId}` : Prisma.empty}
    ORDER BY id FOR UPDATE`;
  if (orphans.length === 0) return [];

  const changes = await snapshotAudiences(tx, orphans.map((orphan) => orphan.id), { reason: "unassigned", byName: null });
  await tx.conversation.updateMany({
    where: { id: { in: orphans.map((orphan) => orphan.id) } },
    data: { assigneeId: null, state: "unassigned" },
  });
  await tx.assignmentEvent.createMany({
    data: orphans.map((orphan) => ({
      conversationId: orphan.id,
      kind: "orphaned" as const,
      fromUserId: orphan.assigneeId,
      actorUserId: scope.actorUserId,
      reason: scope.reason,
    })),
  });

  const byRule = new Map<string, string[]>();
  for (const orphan of orphans) if (orphan.ruleId) byRule.set(orphan.ruleId, [...(byRule.get(orphan.ruleId) ?? []), orphan.id]);
  for (const [ruleId, conversationIds] of byRule) {
    await applyOldConversationPolicy(tx, { ruleId, conversationIds, actorUserId: scope.actorUserId });
  }
  return changes;
}
