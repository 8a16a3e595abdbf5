// "Xử lý hội thoại cũ": what a rule does with conversations that have no caretaker — synced from
// before the page was connected, or left behind by a member who was removed or deactivated.
//   keep_unassigned      → they stay unassigned (in the rule, visible to admins);
//   distribute_available → only those the channel can still answer (inside its platform's reply
//                          window, e.g. Messenger's 7 days) are handed out, the rest stay unassigned;
//   distribute_all       → all are handed out by the rule's method.
// Round-robin assigns them in turn; self-claim puts them in the rule's "Chờ nhận" queue. Used by
// orphan handling, by source changes of a rule, and by history sync for synced conversations.
import type { Tx } from "@/lib/db";
import { lockRule } from "@/lib/assignment/lock-rows";
import { assignRoundRobin } from "@/lib/assignment/assign-round-robin";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { providerOf } from "@/lib/channels/registry";
import { replyWindowAt } from "@/lib/channels/reply-window";
import type { Platform } from "@/lib/generated/prisma/enums";

/** "Khả dựng": the channel can still answer the customer (its platform's window is not closed). */
export function isInsideReplyWindow(conversation: { platform: Platform; lastInboundAt: Date | null }, now: Date): boolean {
  // The replies already sent only decide whether the next one is free or paid, never whether one is possible.
  const facts = { lastInboundAt: conversation.lastInboundAt, repliesSinceInbound: 0 };
  return replyWindowAt(providerOf(conversation.platform).replyWindow(facts), now).state !== "closed";
}

export interface PolicyOutcome {
  /** Handed to a member by round-robin. */
  assigned: string[];
  /** Put in the rule's self-claim queue. */
  queued: string[];
  /** Left unassigned for admins (by the policy, or because no member is active). */
  kept: string[];
}

export async function applyOldConversationPolicy(
  tx: Tx,
  params: { ruleId: string; conversationIds: readonly string[]; actorUserId?: string | null; now?: Date },
): Promise<PolicyOutcome> {
  const outcome: PolicyOutcome = { assigned: [], queued: [], kept: [] };
  const rule = await lockRule(tx, params.ruleId);
  if (!rule || params.conversationIds.length === 0) return outcome;

  // Only conversations of this rule's pages that still have nobody: anything else is not ours to move.
  const candidates = await tx.conversation.findMany({
    where: {
      id: { in: [...params.conversationIds] },
      workspaceId: rule.workspaceId,
      state: "unassigned",
      assigneeId: null,
      OR: [{ ruleId: rule.id }, { channel: { ruleSource: { ruleId: rule.id } } }],
    },
    select: { id: true, lastInboundAt: true, channel: { select: { platform: true } } },
    orderBy: [{ lastMessageAt: "asc" }, { id: "asc" }],
  });
  if (candidates.length === 0) return outcome;
  await tx.conversation.updateMany({ where: { id: { in: candidates.map((c) => c.id) } }, data: { ruleId: rule.id } });

  const now = params.now ?? new Date();
  const toDistribute =
    rule.oldConversationPolicy === "distribute_all"
      ? candidates
      : rule.oldConversationPolicy === "distribute_available"
        ? candidates.filter(({ lastInboundAt, channel }) => isInsideReplyWindow({ platform: channel.platform, lastInboundAt }, now))
        : [];
  const distributeIds = new Set(toDistribute.map((conversation) => conversation.id));
  outcome.kept.push(...candidates.filter((conversation) => !distributeIds.has(conversation.id)).map((c) => c.id));

  if (rule.method === "self_claim") {
    await tx.conversation.updateMany({
      where: { id: { in: [...distributeIds] }, state: "unassigned", assigneeId: null },
      data: { state: "awaiting_claim" },
    });
    outcome.queued.push(...distributeIds);
    return outcome;
  }
  for (const conversation of toDistribute) {
    const result = await assignRoundRobin(tx, {
      conversationId: conversation.id,
      ruleId: rule.id,
      reason: assignmentReasons.oldConversationPolicy,
      actorUserId: params.actorUserId,
    });
    if (result.outcome === "assigned") outcome.assigned.push(conversation.id);
    else outcome.kept.push(conversation.id);
  }
  return outcome;
}
