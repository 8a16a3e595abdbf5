// An admin hands a conversation to someone. The new caretaker must be an active account of the
// workspace and, for a conversation that belongs to a rule, an active member of that rule: the rule
// defines who looks after a page, and removing someone from it must release everything of that
// page they hold (see docs/decisions.md). Recorded with who, from whom and why.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { conversationAudience } from "@/lib/inbox/conversation-audience";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { findVisibleConversation } from "@/lib/assignment/find-visible-conversation";
import { lockActiveRuleMember, lockActiveUser, lockConversation } from "@/lib/assignment/lock-rows";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { publishAssignmentChanges, type ConversationChange } from "@/lib/assignment/publish-assignment-changes";

export async function reassignConversation(admin: SessionUser, conversationId: string, targetUserId: string): Promise<void> {
  assertAdmin(admin);
  const change = await db().$transaction(async (tx): Promise<ConversationChange | null> => {
    const { ruleId } = await findVisibleConversation(tx, admin, conversationId);
    // Lock order (lock-rows.ts): the target's membership before the conversation.
    const eligible = ruleId
      ? await lockActiveRuleMember(tx, ruleId, targetUserId)
      : await lockActiveUser(tx, admin.workspaceId, targetUserId);
    if (!eligible) {
      throw new AppError(
        "invalid_input",
        ruleId ? "Only an active member of this conversation's rule can receive it." : "Only an active account of the workspace can receive it.",
        {},
        { userId: [ruleId ? "not_rule_member" : "not_active_member"] },
      );
    }
    const conversation = await lockConversation(tx, conversationId);
    if (!conversation || conversation.ruleId !== ruleId) {
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
        kind: conversation.assigneeId ? "reassigned" : "assigned",
        fromUserId: conversation.assigneeId,
        toUserId: targetUserId,
        actorUserId: admin.id,
        reason: assignmentReasons.adminReassign,
      },
    });
    const target = await tx.user.findUniqueOrThrow({ where: { id: targetUserId }, select: { name: true } });
    return { conversationId, previousAudience, removal: { reason: "reassigned", byName: target.name } };
  });
  if (change) await publishAssignmentChanges([change]);
}
