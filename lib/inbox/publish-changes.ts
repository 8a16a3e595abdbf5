// Tells connected browsers about committed changes. Call after the transaction commits: a client
// must never see a row the database might still roll back.
import { db } from "@/lib/db";
import { emitTo } from "@/lib/realtime/io";
import { conversationAudience } from "@/lib/inbox/conversation-audience";
import { conversationSummarySelect, messageDtoSelect, toConversationSummary, toMessageDto } from "@/lib/inbox/inbox-dto";
import type { ServerEventPayload } from "@/lib/realtime/events";

function summaryAndAudience(conversationId: string) {
  return Promise.all([
    db().conversation.findUnique({ where: { id: conversationId }, select: conversationSummarySelect }),
    conversationAudience(db(), conversationId),
  ]);
}

/**
 * Sends the conversation's current summary to everyone who may see it. Rooms in `previousAudience`
 * that lost access get `conversation:removed` instead (e.g. the other claimers of a self-claim queue).
 */
export async function publishConversation(
  conversationId: string,
  options: { previousAudience?: string[]; removal?: Omit<ServerEventPayload<"conversation:removed">, "conversationId"> } = {},
): Promise<void> {
  const [row, audience] = await summaryAndAudience(conversationId);
  if (!row) return;
  emitTo(audience, "conversation:upsert", { conversation: toConversationSummary(row) });
  const lost = (options.previousAudience ?? []).filter((room) => !audience.includes(room));
  emitTo(lost, "conversation:removed", {
    conversationId,
    ...(options.removal ?? { reason: "access_changed", byName: null }),
  });
}

/** Sends a created or updated message, then the conversation it belongs to, to the same audience. */
export async function publishMessage(messageId: string): Promise<void> {
  const message = await db().message.findUnique({ where: { id: messageId }, select: messageDtoSelect });
  if (!message) return;
  const [conversation, audience] = await summaryAndAudience(message.conversationId);
  emitTo(audience, "message:upsert", { message: toMessageDto(message) });
  if (conversation) emitTo(audience, "conversation:upsert", { conversation: toConversationSummary(conversation) });
}
