// Handing a conversation to someone: an admin's reassignment, or "Chuyển cho…" — the agent in
// charge (or an admin) passes it on with an optional note. The new caretaker must be an active
// account of the workspace and, for a conversation that belongs to a rule, an active member of that
// rule: the rule defines who looks after a page, and removing someone from it must release
// everything of that page they hold (see docs/decisions.md). Recorded with who, from whom, why and
// the note. The previous caretaker loses the conversation (and with it the right to write) in the
// same commit; after it, their place under the rule's cap may go to the rule's waiting queue.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { conversationAudience } from "@/lib/inbox/conversation-audience";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { findVisibleConversation } from "@/lib/assignment/find-visible-conversation";
import { lockActiveRuleMember, lockActiveUser, lockConversation } from "@/lib/assignment/lock-rows";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { handOutWaiting } from "@/lib/assignment/hand-out-waiting";
import { publishAssignmentChanges, type ConversationChange } from "@/lib/assignment/publish-assignment-changes";

export async function reassignConversation(admin: SessionUser, conversationId: string, targetUserId: string): Promise<void> {
  assertAdmin(admin);
  return handOver(admin, conversationId, targetUserId, null);
}

/** "Chuyển cho…": by the agent in charge or an admin, with an optional note for the receiver. */
export function transferConversation(user: SessionUser, conversationId: string, targetUserId: string, note: string | null): Promise<void> {
  return handOver(user, conversationId, targetUserId, { note });
}

async function handOver(actor: SessionUser, conversationId: string, targetUserId: string, transfer: { note: string | null } | null): Promise<void> {
  const result = await db().$transaction(async (tx) => {
    const { ruleId, assigneeId } = await findVisibleConversation(tx, actor, conversationId);
    if (actor.role !== "admin" && assigneeId !== actor.id) {
      throw new AppError("forbidden", "Only the agent in charge of this conversation or an admin can transfer it.", { reason: "not_in_charge" });
    }
    // Lock order (lock-rows.ts): the target's membership before the conversation.
    const eligible = ruleId
      ? await lockActiveRuleMember(tx, ruleId, targetUserId)
      : await lockActiveUser(tx, actor.workspaceId, targetUserId);
    if (!eligible) {
      throw new AppError(
        "invalid_input",
        ruleId ? "Only an active member of this conversation's rule can receive it." : "Only an active account of the workspace can receive it.",
        {},
        { userId: [ruleId ? "not_rule_member" : "not_active_member"] },
      );
    }
    const conversation = await lockConversation(tx, conversationId);
    if (!conversation || conversation.ruleId !== ruleId || (actor.role !== "admin" && conversation.assigneeId !== actor.id)) {
      throw new AppError("conflict", "The conversation changed meanwhile. Reload and try again.");
    }
    if (conversation.assigneeId === targetUserId) return null;

    const previousAudience = await conversationAudience(tx, conversationId);
    await tx.conversation.update({
      where: { id: conversationId },
      data: { assigneeId: targetUserId, state: conversation.state === "closed" ? "closed" : "assigned" },
    });
    await tx.assignmentEvent.create({
      data: {
        conversationId,
        kind: transfer ? "transferred" : conversation.assigneeId ? "reassigned" : "assigned",
        fromUserId: conversation.assigneeId,
        toUserId: targetUserId,
        actorUserId: actor.id,
        reason: transfer ? assignmentReasons.transferred : assignmentReasons.adminReassign,
        note: transfer?.note ?? null,
      },
    });
    const target = await tx.user.findUniqueOrThrow({ where: { id: targetUserId }, select: { name: true } });
    const change: ConversationChange = { conversationId, previousAudience, removal: { reason: "reassigned", byName: target.name } };
    return { change, ruleId };
  });
  if (!result) return;
  await publishAssignmentChanges([result.change]);
  await handOutWaiting([result.ruleId]);
}
