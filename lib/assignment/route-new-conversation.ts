// Decides who receives a conversation when it is first created, or when its customer writes again
// while nobody takes care of it (touch-conversation.ts), inside the storing transaction:
// - "only me" channels go to the admin who connected them (or stay unassigned, in the admins' view,
//   if that admin's account is deactivated);
// - shared channels follow their rule: round-robin and least-loaded assign the next member who can
//   take more, or queue it in "Chờ nhận" while nobody can (away, at the cap); self-claim puts the
//   conversation in the rule's "Chờ nhận" queue;
// - a shared channel in no rule leaves it unassigned, visible to admins.
import type { Tx } from "@/lib/db";
import { assignInLockedRule } from "@/lib/assignment/assign-round-robin";
import { lockActiveUser, lockRule, type LockedRule } from "@/lib/assignment/lock-rows";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";

export async function routeNewConversation(tx: Tx, conversationId: string): Promise<void> {
  // One statement for what decides the route: the channel's chat mode and the rule it is a source of.
  const conversation = await tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: {
      channelId: true,
      workspaceId: true,
      channel: { select: { chatMode: true, connectedById: true, ruleSource: { select: { ruleId: true } } } },
    },
  });
  const { channel } = conversation;
  if (channel.chatMode === "only_me") {
    // Locked so a deactivation in progress either waits for this assignment (and releases it) or
    // is seen here.
    if (await lockActiveUser(tx, conversation.workspaceId, channel.connectedById)) {
      await tx.conversation.update({ where: { id: conversationId }, data: { assigneeId: channel.connectedById, state: "assigned" } });
      await tx.assignmentEvent.create({
        data: { conversationId, kind: "assigned", toUserId: channel.connectedById, reason: assignmentReasons.onlyMeChannel },
      });
    } else {
      await recordNoCaretaker(tx, conversationId, assignmentReasons.connectingAdminInactive);
    }
    return;
  }

  const rule = await lockRuleOfChannel(tx, conversation.channelId, channel.ruleSource?.ruleId ?? null);
  if (!rule) return;
  if (rule.method === "self_claim") {
    await tx.conversation.update({ where: { id: conversationId }, data: { ruleId: rule.id, state: "awaiting_claim", assigneeId: null } });
    return;
  }
  const result = await assignInLockedRule(tx, rule, { conversationId });
  if (result.outcome === "nobody_available") {
    await tx.conversation.update({ where: { id: conversationId }, data: { ruleId: rule.id, state: "awaiting_claim", assigneeId: null } });
    await recordNoCaretaker(tx, conversationId, assignmentReasons.nobodyAvailable);
  } else if (result.outcome !== "assigned") {
    await tx.conversation.update({ where: { id: conversationId }, data: { ruleId: rule.id } });
    await recordNoCaretaker(tx, conversationId, assignmentReasons.noActiveMember);
  }
}

/**
 * The rule that owns the channel (read before locking: `ruleId`), locked. The source is read again
 * after locking because an admin may have moved the page to another rule while this transaction
 * waited for the lock; the rule it moved to is then locked instead.
 */
async function lockRuleOfChannel(tx: Tx, channelId: string, ruleId: string | null): Promise<LockedRule | null> {
  for (let attempt = 0, candidate = ruleId; attempt < 3 && candidate !== null; attempt++) {
    const rule = await lockRule(tx, candidate);
    const current = await tx.ruleSource.findUnique({ where: { channelId }, select: { ruleId: true } });
    if (rule && current?.ruleId === rule.id) return rule;
    candidate = current?.ruleId ?? null;
  }
  return null;
}

/**
 * Nobody can take the conversation: recorded, so the admins' view can say why it waits — once, not
 * again for every message the customer sends while it waits for the same reason.
 */
async function recordNoCaretaker(tx: Tx, conversationId: string, reason: string) {
  const last = await tx.assignmentEvent.findFirst({ where: { conversationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { kind: true, reason: true } });
  if (last?.kind === "orphaned" && last.reason === reason) return;
  await tx.assignmentEvent.create({ data: { conversationId, kind: "orphaned", reason } });
}
