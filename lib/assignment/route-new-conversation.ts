// Decides who receives a conversation when it is first created. "Only me" channels go to the admin
// who connected them; shared channels are decided by the channel's assignment rule.
import type { Tx } from "@/lib/db";

export async function routeNewConversation(tx: Tx, conversationId: string): Promise<void> {
  const conversation = await tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    select: { channel: { select: { chatMode: true, connectedById: true } } },
  });
  if (conversation.channel.chatMode === "only_me") {
    const adminId = conversation.channel.connectedById;
    await tx.conversation.update({ where: { id: conversationId }, data: { assigneeId: adminId, state: "assigned" } });
    await tx.assignmentEvent.create({
      data: { conversationId, kind: "assigned", toUserId: adminId, reason: "only_me_channel" },
    });
  }
  // Shared channels: the assignment-rules feature routes them; until then they stay unassigned,
  // visible to admins.
}
