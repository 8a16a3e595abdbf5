// Carries out a history policy plan (plan-history-policy.ts) in the caller's transaction, which
// holds the rule's lock. The rule's part is the rules feature's own applyOldConversationPolicy, so
// synced conversations are handed out exactly as orphans are; an "only me" page's go to its owner.
// Returns the conversations that got a caretaker and those that joined a claim queue, to be published.
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

export interface HandedOut {
  /** Given to a member (round-robin) or to the page's owner ("only me"). */
  assigned: string[];
  /** Put in the rule's "Chờ nhận" queue, where members claim them. */
  queued: string[];
}

export async function applyPolicyPlan(
  tx: Tx,
  plan: HistoryPolicyPlan,
  params: { actorUserId: string | null; now: Date },
): Promise<HandedOut> {
  if (plan.conversationIds.length === 0) return { assigned: [], queued: [] };
  if (plan.kind === "owner") return { assigned: await giveToOwner(tx, plan.ownerId, plan.conversationIds, params.actorUserId), queued: [] };
  if (plan.ruleId === null) return { assigned: [], queued: [] };
  // "keep" with a rule still runs the policy: the conversations join the rule and stay unassigned.
  const outcome = await applyOldConversationPolicy(tx, {
    ruleId: plan.ruleId,
    conversationIds: plan.conversationIds,
    actorUserId: params.actorUserId,
    now: params.now,
  });
  return { assigned: outcome.assigned, queued: outcome.queued };
}
