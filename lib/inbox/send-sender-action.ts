// Messenger's sender actions for a conversation (typing on/off, mark seen). Best effort: a failure is
// logged, never shown to the agent and never retried, because a late indicator is worse than none.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { GraphError } from "@/lib/channels/facebook/graph-client";
import { replyWindow } from "@/lib/channels/facebook/reply-window";
import { sendSenderAction, type SenderAction } from "@/lib/channels/facebook/send-message";
import { withChannelToken } from "@/lib/channels/with-channel-token";

export async function sendSenderActionFor(conversationId: string, action: SenderAction): Promise<void> {
  const conversation = await db().conversation.findUnique({
    where: { id: conversationId },
    select: {
      lastInboundAt: true,
      contact: { select: { platformUserId: true } },
      channel: { select: { id: true, platform: true, externalId: true, status: true, accessTokenEnc: true } },
    },
  });
  if (!conversation) return;
  const { channel, contact } = conversation;
  if (channel.platform !== "facebook" || channel.status !== "connected") return;
  // Sender actions carry no message tag, so Facebook takes them only inside the 24-hour window.
  if (replyWindow(conversation.lastInboundAt, new Date()).kind !== "response") return;
  try {
    await withChannelToken(channel, (token) => sendSenderAction(channel.externalId, token, contact.platformUserId, action));
  } catch (error) {
    const graph = error instanceof GraphError ? { status: error.status, code: error.code, subcode: error.subcode } : { error };
    logger.warn("Sender action failed", { conversationId, action, ...graph });
  }
}
