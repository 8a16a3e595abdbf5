// Carries out a history policy plan (plan-history-policy.ts) in the caller's transaction, which
// holds the rule's lock. The rule's part is the rules feature's own applyOldConversationPolicy, so
// synced conversations are handed out exactly as orphans are; an "only me" page's go to its owner.
// Returns the conversations that got a caretaker or joined a claim queue, to be published.
import type { Tx } from "@/lib/db";
import { applyOldConversationPolicy } from "@/lib/assignment/apply-old-conversation-policy";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import type { HistoryPolicyPlan } from "@/lib/history-sync/plan-history-policy";

async function giveToOwner(
  tx: Tx,
  ownerId: string,
  conversationIds: string[],
  actorUserId: string | null,
): Promise<string[]> {
  // Conditional on still having nobody: a conversation claimed or assigned meanwhile keeps its caretaker.
  const assigned = await tx.conversation.updateManyAndReturn({
    where: { id: { in: conversationIds }, state: "unassigned", assigneeId: null },
    data: { assigneeId: ownerId, state: "assigned" },
    select: { id: true },
  });
  await tx.assignmentEvent.createMany({
    data: assigned.map(({ id }) => ({
      conversationId: id,
      kind: "assigned" as const,
      toUserId: ownerId,
      actorUserId,
      reason: assignmentReasons.onlyMeChannel,
    })),
  });
  return assigned.map(({ id }) => id);
}

export async function applyPolicyPlan(
  tx: Tx,
  plan: HistoryPolicyPlan,
  params: { actorUserId: string | null; now: Date },
): Promise<string[]> {
  if (plan.conversationIds.length === 0) return [];
  if (plan.kind === "owner") return giveToOwner(tx, plan.ownerId, plan.conversationIds, params.actorUserId);
  if (plan.ruleId === null) return [];
  // "keep" with a rule still runs the policy: the conversations join the rule and stay unassigned.
  const outcome = await applyOldConversationPolicy(tx, {
    ruleId: plan.ruleId,
    conversationIds: plan.conversationIds,
    actorUserId: params.actorUserId,
    now: params.now,
  });
  return [...outcome.assigned, ...outcome.queued];
}
