// An admin takes a conversation away from its caretaker. In a self-claim rule it goes back to the
// "Chờ nhận" queue (that is where unclaimed conversations live); otherwise it waits unassigned in the
// admins' view. The rule's old-conversation policy does not pick it up again: this was a decision.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { conversationAudience } from "@/lib/inbox/conversation-audience";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { findVisibleConversation } from "@/lib/assignment/find-visible-conversation";
import { lockConversation } from "@/lib/assignment/lock-rows";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { publishAssignmentChanges, type ConversationChange } from "@/lib/assignment/publish-assignment-changes";

export async function unassignConversation(admin: SessionUser, conversationId: string): Promise<void> {
  assertAdmin(admin);
  const change = await db().$transaction(async (tx): Promise<ConversationChange | null> => {
    await findVisibleConversation(tx, admin, conversationId);
    const conversation = await lockConversation(tx, conversationId);
    if (!conversation) throw new AppError("not_found", "No such conversation.");
    if (!conversation.assigneeId) return null;

    const rule = conversation.ruleId
      ? await tx.assignmentRule.findUnique({ where: { id: conversation.ruleId }, select: { method: true } })
      : null;
    const state = conversation.state === "closed" ? "closed" : rule?.method === "self_claim" ? "awaiting_claim" : "unassigned";
    const previousAudience = await conversationAudience(tx, conversationId);
    await tx.conversation.update({ where: { id: conversationId }, data: { assigneeId: null, state } });
    await tx.assignmentEvent.create({
      data: {
        conversationId,
        kind: "unassigned",
        fromUserId: conversation.assigneeId,
        actorUserId: admin.id,
        reason: assignmentReasons.adminUnassign,
      },
    });
    return { conversationId, previousAudience, removal: { reason: "unassigned", byName: admin.name } };
  });
  if (change) await publishAssignmentChanges([change]);
}
