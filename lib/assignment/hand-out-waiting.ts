// Conversations of a round-robin or least-loaded rule that wait in its queue because nobody could
// take them (everyone away or at the cap) are handed out, oldest first, as soon as someone can:
// a member becomes "Sẵn sàng nhận chat", closes or hands on a conversation, or is given a higher
// cap. Each rule in its own transaction under the rule's lock, so two of these running at once (two
// members becoming available together, two processes) hand each conversation out once.
// Conversations an admin chose to keep waiting for claims ("keep_waiting") are not touched: only
// those whose latest event says they wait for want of someone available.
import { db } from "@/lib/db";
import { lockRule } from "@/lib/assignment/lock-rows";
import { assignRoundRobin } from "@/lib/assignment/assign-round-robin";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { snapshotAudiences } from "@/lib/assignment/snapshot-audiences";
import { publishAssignmentChanges, type ConversationChange } from "@/lib/assignment/publish-assignment-changes";

export async function handOutWaiting(ruleIds: Iterable<string | null>): Promise<void> {
  for (const ruleId of new Set(ruleIds)) {
    if (!ruleId) continue;
    const changes = await db().$transaction(async (tx): Promise<ConversationChange[]> => {
      const rule = await lockRule(tx, ruleId);
      if (!rule || rule.method === "self_claim") return [];
      const waiting = await tx.conversation.findMany({
        where: { ruleId, state: "awaiting_claim", assigneeId: null },
        select: { id: true, assignmentEvents: { select: { kind: true, reason: true }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1 } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      const changes: ConversationChange[] = [];
      for (const conversation of waiting) {
        const last = conversation.assignmentEvents[0];
        if (last?.kind !== "orphaned" || last.reason !== assignmentReasons.nobodyAvailable) continue;
        const [change] = await snapshotAudiences(tx, [conversation.id]);
        const result = await assignRoundRobin(tx, { conversationId: conversation.id, ruleId, reason: assignmentReasons.queueHandedOut });
        if (result.outcome !== "assigned") break;
        changes.push(change!);
      }
      return changes;
    }, { maxWait: 15_000, timeout: 60_000 });
    await publishAssignmentChanges(changes);
  }
}
