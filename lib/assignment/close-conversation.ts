// "Đánh dấu đã xử lý" and "Mở lại". Closing moves a conversation from "Của tôi" to "Đã xử lý"; its
// agent keeps it, so a customer who writes again comes back to them when they can take it
// (route-returning-customer.ts). Only the agent in charge or an admin may close or reopen; each is
// recorded in the assignment history. Closing frees a place under the rule's cap, so the rule's
// waiting queue is offered to members again after the commit.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session-token";
import { conversationAudience } from "@/lib/inbox/conversation-audience";
import { findVisibleConversation } from "@/lib/assignment/find-visible-conversation";
import { lockConversation, type LockedConversation } from "@/lib/assignment/lock-rows";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { routeNewConversation } from "@/lib/assignment/route-new-conversation";
import { handOutWaiting } from "@/lib/assignment/hand-out-waiting";
import { publishAssignmentChanges, type ConversationChange } from "@/lib/assignment/publish-assignment-changes";

export async function closeConversation(user: SessionUser, conversationId: string): Promise<void> {
  const result = await db().$transaction(async (tx) => {
    const conversation = await lockInCharge(tx, user, conversationId, "close");
    if (conversation.state === "closed") return null;
    const previousAudience = await conversationAudience(tx, conversationId);
    await tx.conversation.update({ where: { id: conversationId }, data: { state: "closed", awaitingReplySince: null } });
    await tx.assignmentEvent.create({
      data: { conversationId, kind: "closed", fromUserId: conversation.assigneeId, actorUserId: user.id, reason: assignmentReasons.markedDone },
    });
    return { change: { conversationId, previousAudience } satisfies ConversationChange, ruleId: conversation.ruleId };
  });
  if (!result) return;
  await publishAssignmentChanges([result.change]);
  await handOutWaiting([result.ruleId]);
}

/** "Mở lại": back to its agent's "Của tôi"; one nobody had is routed by its rule like a new one. */
export async function reopenConversation(user: SessionUser, conversationId: string): Promise<void> {
  const change = await db().$transaction(async (tx): Promise<ConversationChange | null> => {
    const conversation = await lockInCharge(tx, user, conversationId, "reopen");
    if (conversation.state !== "closed") return null;
    const previousAudience = await conversationAudience(tx, conversationId);
    await tx.conversation.update({
      where: { id: conversationId },
      data: { state: conversation.assigneeId ? "assigned" : "unassigned" },
    });
    await tx.assignmentEvent.create({
      data: { conversationId, kind: "reopened", toUserId: conversation.assigneeId, actorUserId: user.id, reason: assignmentReasons.reopenedByHand },
    });
    if (!conversation.assigneeId) await routeNewConversation(tx, conversationId);
    return { conversationId, previousAudience };
  });
  if (change) await publishAssignmentChanges([change]);
}

/** The conversation, locked, if the user may close or reopen it: its agent, or an admin. */
async function lockInCharge(tx: Tx, user: SessionUser, conversationId: string, action: "close" | "reopen"): Promise<LockedConversation> {
  await findVisibleConversation(tx, user, conversationId);
  const conversation = await lockConversation(tx, conversationId);
  if (!conversation) throw new AppError("not_found", "No such conversation.");
  if (user.role !== "admin" && conversation.assigneeId !== user.id) {
    throw new AppError("forbidden", `Only the agent in charge of this conversation or an admin can ${action} it.`, { reason: "not_in_charge" });
  }
  return conversation;
}
