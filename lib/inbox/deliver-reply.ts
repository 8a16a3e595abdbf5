// Hands one stored reply to Messenger and records the outcome. Run by the reply-delivery worker right
// after the reply is stored and on each retry. Only a pending reply is ever sent, so a duplicate job,
// or a retry after the echo already proved delivery, sends nothing.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { GraphError } from "@/lib/channels/facebook/graph-client";
import { classifySendError, sendFailureReasons, type SendFailureCode } from "@/lib/channels/facebook/classify-send-error";
import { replyWindow } from "@/lib/channels/facebook/reply-window";
import { sendApiPayload } from "@/lib/channels/facebook/send-api-payload";
import { sendMessage } from "@/lib/channels/facebook/send-message";
import { withChannelToken } from "@/lib/channels/with-channel-token";
import { outboundContentOf } from "@/lib/inbox/reply-input";
import { publishReply } from "@/lib/inbox/publish-reply";
import { serialByKey } from "@/lib/inbox/serial-by-key";

/** "retry": a transient failure; the caller (the job) tries again later. */
export type DeliveryOutcome = "sent" | "failed" | "retry" | "skipped";

const replySelect = {
  id: true,
  status: true,
  direction: true,
  text: true,
  attachments: true,
  conversation: {
    select: {
      lastInboundAt: true,
      contact: { select: { platformUserId: true } },
      channel: { select: { id: true, platform: true, externalId: true, status: true, accessTokenEnc: true } },
    },
  },
} satisfies Prisma.MessageSelect;

export async function deliverReply(messageId: string, options: { finalAttempt: boolean }): Promise<DeliveryOutcome> {
  const row = await db().message.findUnique({ where: { id: messageId }, select: { conversationId: true } });
  if (!row) return "skipped";
  return serialByKey(row.conversationId, () => attempt(messageId, options.finalAttempt));
}

async function attempt(messageId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
  const message = await db().message.findUnique({ where: { id: messageId }, select: replySelect });
  if (!message || message.direction !== "outbound" || message.status !== "pending") return "skipped";
  const { channel, contact, lastInboundAt } = message.conversation;
  if (channel.status === "disconnected") return fail(messageId, "channel_disconnected");
  if (channel.status === "needs_reconnect") return fail(messageId, "token_invalid");
  // The window is judged at each attempt: a retry that crosses the 7 days must not go out.
  const window = replyWindow(lastInboundAt, new Date());
  if (window.kind === "closed") return fail(messageId, "window_closed");
  const content = outboundContentOf(message);
  if (channel.platform !== "facebook" || !content) return fail(messageId, "send_rejected");

  await db().message.update({ where: { id: messageId }, data: { sendAttempts: { increment: 1 } } });
  const payload = sendApiPayload({ recipientId: contact.platformUserId, window, content, messageId });
  let platformMessageId: string;
  try {
    ({ messageId: platformMessageId } = await withChannelToken(channel, (token) => sendMessage(channel.externalId, token, payload)));
  } catch (error) {
    const verdict = error instanceof GraphError ? classifySendError(error) : ({ kind: "transient" } as const);
    logSendFailure(messageId, error, verdict.kind);
    if (verdict.kind === "permanent") return fail(messageId, verdict.code);
    return finalAttempt ? fail(messageId, "retries_exhausted") : "retry";
  }
  // Outside the try: once Facebook has the message, no failure of ours may count as a failed send.
  await markSent(messageId, platformMessageId);
  return "sent";
}

/**
 * Records the platform's id. Only while no mid is known: the echo of this send (matched through
 * `metadata`) may have overtaken the Send API answer and already set it, maybe with a later status
 * (delivered, read) that must not go back to "sent".
 */
async function markSent(messageId: string, platformMessageId: string): Promise<void> {
  const cleared = { status: "sent" as const, failureCode: null, failureReason: null };
  let updated: number;
  try {
    ({ count: updated } = await db().message.updateMany({
      where: { id: messageId, platformMessageId: null },
      data: { ...cleared, platformMessageId },
    }));
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
    // The echo was stored as a message of its own: the reply is sent all the same, and it must not
    // be retried (the customer already has it).
    logger.warn("Sent reply's mid already belongs to another stored message", { messageId, platformMessageId });
    ({ count: updated } = await db().message.updateMany({ where: { id: messageId, status: "pending" }, data: cleared }));
  }
  if (updated > 0) await publishReply(messageId);
}

async function fail(messageId: string, code: SendFailureCode): Promise<DeliveryOutcome> {
  const { count } = await db().message.updateMany({
    where: { id: messageId, status: "pending" },
    data: { status: "failed", failureCode: code, failureReason: sendFailureReasons[code] },
  });
  if (count > 0) await publishReply(messageId);
  return count > 0 ? "failed" : "skipped";
}

function logSendFailure(messageId: string, error: unknown, kind: "transient" | "permanent"): void {
  if (error instanceof GraphError) {
    const { status, code, subcode, failure, message } = error;
    logger.warn("Send API call failed", { messageId, kind, status, code, subcode, failure, graphMessage: message });
  } else {
    logger.error("Reply delivery failed unexpectedly", { messageId, error });
  }
}
