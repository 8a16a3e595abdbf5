// The platform's sender actions for a conversation (typing on/off, mark seen). Best effort: a failure is
// logged, never shown to the agent and never retried, because a late indicator is worse than none.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { ChannelApiError } from "@/lib/channels/channel-api-error";
import type { SenderAction } from "@/lib/channels/channel-provider";
import { providerOf } from "@/lib/channels/registry";
import { replyWindowAt } from "@/lib/channels/reply-window";

export async function sendSenderActionFor(conversationId: string, action: SenderAction): Promise<void> {
  const conversation = await db().conversation.findUnique({
    where: { id: conversationId },
    select: {
      lastInboundAt: true,
      repliesSinceInbound: true,
      contact: { select: { platformUserId: true } },
      channel: { select: { id: true, platform: true, externalId: true, status: true, accessTokenEnc: true } },
    },
  });
  if (!conversation) return;
  const { channel, contact } = conversation;
  const provider = providerOf(channel.platform);
  const wanted = action === "mark_seen" ? provider.capabilities.seenReceipts : provider.capabilities.typingIndicator;
  const { senderAction } = provider.outbound;
  if (!wanted || !senderAction || channel.status !== "connected") return;
  // Sender actions carry no message tag, so platforms take them only in the window's open phase.
  if (replyWindowAt(provider.replyWindow(conversation), new Date()).state !== "open") return;
  try {
    await senderAction(channel, contact.platformUserId, action);
  } catch (error) {
    const detail = error instanceof ChannelApiError ? error.logFields() : { error };
    logger.warn("Sender action failed", { conversationId, action, ...detail });
  }
}
