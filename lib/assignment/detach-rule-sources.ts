// Takes pages out of a rule (or all of them, when the rule is deleted). Conversations waiting in the
// rule's "Chờ nhận" queue would be stranded there, so they become unassigned with an "orphaned"
// event and show up for admins; conversations someone handles keep their caretaker. The caller
// holds the rule's lock.
import type { Tx } from "@/lib/db";
import type { AssignmentReason } from "@/lib/assignment/assignment-reasons";
import { snapshotAudiences } from "@/lib/assignment/snapshot-audiences";
import type { ConversationChange } from "@/lib/assignment/publish-assignment-changes";

export async function detachRuleSources(
  tx: Tx,
  params: { ruleId: string; channelIds?: readonly string[]; reason: AssignmentReason; actorUserId: string | null },
): Promise<ConversationChange[]> {
  const channelFilter = params.channelIds ? { channelId: { in: [...params.channelIds] } } : {};
  if (params.channelIds?.length === 0) return [];
  await tx.ruleSource.deleteMany({ where: { ruleId: params.ruleId, ...channelFilter } });

  const waiting = await tx.conversation.findMany({
    where: { ruleId: params.ruleId, state: "awaiting_claim", ...channelFilter },
    select: { id: true },
  });
  const changes = await snapshotAudiences(tx, waiting.map(({ id }) => id));
  if (waiting.length > 0) {
    await tx.conversation.updateMany({ where: { id: { in: waiting.map((c) => c.id) } }, data: { state: "unassigned" } });
    await tx.assignmentEvent.createMany({
      data: waiting.map(({ id }) => ({ conversationId: id, kind: "orphaned" as const, actorUserId: params.actorUserId, reason: params.reason })),
    });
  }
  await tx.conversation.updateMany({ where: { ruleId: params.ruleId, ...channelFilter }, data: { ruleId: null } });
  return changes;
}
