// Makes pages sources of a rule (new ones, or moved from another rule after the admin confirmed) and
// brings their conversations along: the rule becomes theirs, the self-claim queue follows the
// rule's method, and conversations nobody looks after get the rule's "Xử lý hội thoại cũ" policy.
// Conversations someone already handles keep their caretaker. The caller holds the locks of this
// rule and of the rules the pages come from.
import type { Tx } from "@/lib/db";
import { assignRoundRobin } from "@/lib/assignment/assign-round-robin";
import { applyOldConversationPolicy } from "@/lib/assignment/apply-old-conversation-policy";
import type { LockedRule } from "@/lib/assignment/lock-rows";
import { recordChannelEvent } from "@/lib/channels/channel-events";
import { distributingMethods } from "@/lib/assignment/rule-schemas";
import { snapshotAudiences } from "@/lib/assignment/snapshot-audiences";
import type { ConversationChange } from "@/lib/assignment/publish-assignment-changes";

export async function attachRuleSources(
  tx: Tx,
  rule: LockedRule,
  channelIds: readonly string[],
  actorUserId: string | null,
): Promise<ConversationChange[]> {
  if (channelIds.length === 0) return [];
  const ids = [...channelIds];
  await tx.ruleSource.deleteMany({ where: { channelId: { in: ids }, ruleId: { not: rule.id } } });
  await tx.ruleSource.createMany({ data: ids.map((channelId) => ({ ruleId: rule.id, channelId })), skipDuplicates: true });
  // A page in a rule is a shared page, whatever was chosen when it was connected, and a staff
  // member's request for a rule to share it is answered.
  const owners = await tx.channel.findMany({ where: { id: { in: ids } }, select: { id: true, workspaceId: true, connectedById: true } });
  await tx.channel.updateMany({ where: { id: { in: ids } }, data: { chatMode: "shared", ruleRequestedById: null, ruleRequestedAt: null } });
  // Whoever connected a page an admin put in a rule is told so on their channels screen.
  if (actorUserId) {
    for (const owner of owners) {
      await recordChannelEvent(tx, { workspaceId: owner.workspaceId, channelId: owner.id, kind: "moved_to_rule", actorUserId, ownerUserId: owner.connectedById, detail: rule.name });
    }
  }

  const waiting = await tx.conversation.findMany({
    where: { channelId: { in: ids }, state: "awaiting_claim" },
    select: { id: true },
    orderBy: [{ lastMessageAt: "asc" }, { id: "asc" }],
  });
  const changes = await snapshotAudiences(tx, waiting.map(({ id }) => id));
  await tx.conversation.updateMany({ where: { channelId: { in: ids }, state: { not: "closed" } }, data: { ruleId: rule.id } });
  if (distributingMethods.includes(rule.method)) {
    for (const { id } of waiting) await assignRoundRobin(tx, { conversationId: id, ruleId: rule.id, actorUserId });
  }

  // Unassigned conversations are old ones for this rule, except those an admin unassigned on purpose,
  // and the history of a page whose sync is still under way: the sync applies the policy to all of
  // its history when it ends, after an admin confirms the full count (store-synced-page.ts).
  const syncing = await tx.historySync.findMany({
    where: { channelId: { in: ids }, status: { in: ["queued", "running", "paused"] } },
    select: { channelId: true },
  });
  const unassigned = await tx.conversation.findMany({
    where: {
      channelId: { in: ids },
      state: "unassigned",
      assigneeId: null,
      NOT: { origin: "synced", channelId: { in: syncing.map((sync) => sync.channelId) } },
    },
    select: { id: true, assignmentEvents: { select: { kind: true }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  const old = unassigned.filter((conversation) => conversation.assignmentEvents[0]?.kind !== "unassigned");
  const outcome = await applyOldConversationPolicy(tx, { ruleId: rule.id, conversationIds: old.map((c) => c.id), actorUserId });
  changes.push(...[...outcome.assigned, ...outcome.queued].map((conversationId) => ({ conversationId })));
  return changes;
}
