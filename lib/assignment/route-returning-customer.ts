// A customer writes in a conversation that was closed ("Đã xử lý") or that nobody takes care of,
// inside the storing transaction (touch-conversation.ts has already moved a closed one back to
// "assigned" if it had an agent). The agent who closed it keeps it if they still can: an active
// member of the rule who is "Sẵn sàng nhận chat" (for an "only me" page, its active admin).
// Otherwise it is released and routed like a new conversation. Either way the reopening is recorded.
import type { Tx } from "@/lib/db";
import { assignmentReasons } from "@/lib/assignment/assignment-reasons";
import { routeNewConversation } from "@/lib/assignment/route-new-conversation";

export async function routeReturningCustomer(tx: Tx, conversationId: string): Promise<void> {
  const conversation = await tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { ruleId: true, assigneeId: true, assignee: { select: { active: true, availability: true } } },
  });
  const agentId = conversation.assigneeId;
  if (!agentId) return routeNewConversation(tx, conversationId);

  if (await canKeep(tx, conversation.ruleId, agentId, conversation.assignee)) {
    await tx.assignmentEvent.create({
      data: { conversationId, kind: "reopened", toUserId: agentId, reason: assignmentReasons.customerWroteAgain },
    });
    return;
  }
  await tx.conversation.update({ where: { id: conversationId }, data: { assigneeId: null, state: "unassigned" } });
  await tx.assignmentEvent.create({
    data: { conversationId, kind: "reopened", fromUserId: agentId, reason: assignmentReasons.customerWroteAgain },
  });
  await routeNewConversation(tx, conversationId);
}

async function canKeep(
  tx: Tx,
  ruleId: string | null,
  agentId: string,
  agent: { active: boolean; availability: "available" | "away" } | null,
): Promise<boolean> {
  if (!agent?.active) return false;
  // Outside rules the conversation is an "only me" page's: its admin is the only one who can have it.
  if (!ruleId) return true;
  if (agent.availability !== "available") return false;
  return (await tx.ruleMember.count({ where: { ruleId, userId: agentId } })) === 1;
}
