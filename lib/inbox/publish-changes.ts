// Tells connected browsers about committed changes. Call after the transaction commits: a client
// must never see a row the database might still roll back.
import { db } from "@/lib/db";
import { publish, type Emission } from "@/lib/realtime/io";
import { createGroupBatcher } from "@/lib/batching/group-batcher";
import { audienceOf, audienceSelect, claimersOf } from "@/lib/inbox/conversation-audience";
import { conversationSummarySelect, messageDtoSelect, toMessageDto } from "@/lib/inbox/inbox-dto";
import { toConversationSummary } from "@/lib/inbox/conversation-summary";
import type { ServerEventPayload } from "@/lib/realtime/events";

/** The summary and the audience of conversations, in one query. */
const publishedConversationSelect = {
  ...conversationSummarySelect,
  ...audienceSelect,
  channel: { select: { ...conversationSummarySelect.channel.select, ...audienceSelect.channel.select } },
};

/** Each conversation's summary event and the rooms it goes to. */
async function conversationsToPublish(conversationIds: string[]) {
  const rows = await db().conversation.findMany({ where: { id: { in: conversationIds } }, select: publishedConversationSelect });
  const claimers = await claimersOf(db(), rows);
  // The summary carries the audience's fields too; publish()'s schema drops them before sending.
  return new Map(rows.map((row) => [row.id, { conversation: toConversationSummary(row), audience: audienceOf(row, claimers) }]));
}

/**
 * Sends the conversation's current summary to everyone who may see it. Rooms in `previousAudience`
 * that lost access get `conversation:removed` instead (e.g. the other claimers of a self-claim queue).
 */
export async function publishConversation(
  conversationId: string,
  options: { previousAudience?: string[]; removal?: Omit<ServerEventPayload<"conversation:removed">, "conversationId"> } = {},
): Promise<void> {
  const published = (await conversationsToPublish([conversationId])).get(conversationId);
  if (!published) return;
  const { conversation, audience } = published;
  const lost = (options.previousAudience ?? []).filter((room) => !audience.includes(room));
  publish([
    { rooms: audience, event: "conversation:upsert", payload: { conversation } },
    { rooms: lost, event: "conversation:removed", payload: { conversationId, ...(options.removal ?? { reason: "access_changed", byName: null }) } },
  ]);
}

export interface MessagesToPublish {
  /** Created or updated messages: each is sent, then its conversation. */
  messageIds: string[];
  /** Conversations to send even without a message (e.g. created by a reaction or a receipt). */
  conversationIds?: string[];
}

/**
 * Sends messages and their conversations to whoever may see each conversation: two queries (a third
 * when one of them waits in a claim queue) and one publication (one packet to the other processes).
 */
export async function publishMessages({ messageIds, conversationIds = [] }: MessagesToPublish): Promise<void> {
  const messages =
    messageIds.length === 0
      ? []
      : await db().message.findMany({ where: { id: { in: [...new Set(messageIds)] } }, select: messageDtoSelect, orderBy: [{ sentAt: "asc" }, { id: "asc" }] });
  const conversations = await conversationsToPublish([...new Set([...messages.map((message) => message.conversationId), ...conversationIds])]);
  const emissions: Emission[] = messages.map((message) => ({
    rooms: conversations.get(message.conversationId)?.audience ?? [],
    event: "message:upsert",
    payload: { message: toMessageDto(message) },
  }));
  for (const { conversation, audience } of conversations.values()) emissions.push({ rooms: audience, event: "conversation:upsert", payload: { conversation } });
  publish(emissions);
}

export function publishMessage(messageId: string): Promise<void> {
  return publishMessages({ messageIds: [messageId] });
}

/**
 * For the webhook processor: messages stored while a publication is running go out together in the
 * next one, so under load two queries serve many events instead of two per event.
 */
export const publishReceived = createGroupBatcher<MessagesToPublish>({
  maxInFlight: 1,
  batchSize: (waiting) => waiting.length,
  run: (batch) => publishMessages({ messageIds: batch.flatMap((item) => item.messageIds), conversationIds: batch.flatMap((item) => item.conversationIds ?? []) }),
});
