// One round-robin step: under the rule's row lock, pick the next active member, give them the
// conversation and advance the cursor, all in the caller's transaction. The lock is the only
// counter, so the rotation stays fair with any number of server processes writing at once.
import type { Tx } from "@/lib/db";
import { lockRule } from "@/lib/assignment/lock-rows";
import { pickRoundRobinMember } from "@/lib/assignment/pick-round-robin-member";
import { assignmentReasons, type AssignmentReason } from "@/lib/assignment/assignment-reasons";

export type RoundRobinOutcome =
  | { outcome: "assigned"; userId: string }
  /** Every member is inactive (or the rule has none): the conversation stays unassigned. */
  | { outcome: "no_active_member" }
  /** The rule is gone, or the conversation already has a caretaker or is closed. */
  | { outcome: "skipped" };

export async function assignRoundRobin(
  tx: Tx,
  params: { conversationId: string; ruleId: string; reason?: AssignmentReason; actorUserId?: string | null },
): Promise<RoundRobinOutcome> {
  const rule = await lockRule(tx, params.ruleId);
  if (!rule) return { outcome: "skipped" };
  const members = await tx.ruleMember.findMany({
    where: { ruleId: rule.id },
    select: { userId: true, position: true, user: { select: { active: true } } },
  });
  const pick = pickRoundRobinMember(
    members.map((member) => ({ userId: member.userId, position: member.position, active: member.user.active })),
    rule.roundRobinCursor,
  );
  if (!pick) return { outcome: "no_active_member" };

  // Conditional on still having no caretaker: a conversation is never handed out twice.
  const updated = await tx.conversation.updateMany({
    where: { id: params.conversationId, assigneeId: null, state: { in: ["unassigned", "awaiting_claim"] } },
    data: { assigneeId: pick.userId, state: "assigned", ruleId: rule.id },
  });
  if (updated.count === 0) return { outcome: "skipped" };
  await tx.assignmentRule.update({ where: { id: rule.id }, data: { roundRobinCursor: pick.cursor } });
  await tx.assignmentEvent.create({
    data: {
      conversationId: params.conversationId,
      kind: "assigned",
      toUserId: pick.userId,
      actorUserId: params.actorUserId ?? null,
      reason: params.reason ?? assignmentReasons.roundRobin,
    },
  });
  return { outcome: "assigned", userId: pick.userId };
}
