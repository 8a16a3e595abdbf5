// Hands one stored reply to its platform and records the outcome. Run by the reply-delivery worker right
// after the reply is stored and on each retry. Only a pending reply is ever sent, so a duplicate job,
// or a retry after the echo already proved delivery, sends nothing.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { ChannelApiError } from "@/lib/channels/channel-api-error";
import type { ChannelProvider } from "@/lib/channels/channel-provider";
import type { SendFailureCode } from "@/lib/channels/send-failure";
import { providerOf } from "@/lib/channels/registry";
import { replyWindowAt } from "@/lib/channels/reply-window";
import { outboundContentOf } from "@/lib/inbox/reply-input";
import { failReply } from "@/lib/inbox/fail-reply";
import { publishReply } from "@/lib/inbox/publish-reply";
import { withConversationSendLock } from "@/lib/inbox/conversation-send-lock";

/**
 * "retry": a transient failure; the caller (the job) tries again later. "waiting": the channel's
 * token is dead; the reply stays pending ("Chờ kết nối lại") until the channel is reconnected
 * (resume-waiting-replies.ts), and its job ends.
 */
export type DeliveryOutcome = "sent" | "failed" | "retry" | "waiting" | "skipped";

/**
 * How long a send left unsettled by a dead process waits for its echo before it is sent again. The
 * platforms echo our sends within seconds (Messenger with our id in `metadata`, Zalo as `oa_send_*`,
 * matched in receive-message.ts); the Send APIs take no idempotency key, so sending again sooner could
 * give the customer the message twice.
 */
const UNSETTLED_SEND_GRACE_MS = 30_000;

const replySelect = {
  id: true,
  status: true,
  sendStartedAt: true,
  direction: true,
  text: true,
  attachments: true,
  replyToPlatformMessageId: true,
  conversation: {
    select: {
      lastInboundAt: true,
      repliesSinceInbound: true,
      contact: { select: { platformUserId: true } },
      channel: { select: { id: true, platform: true, externalId: true, status: true, accessTokenEnc: true } },
    },
  },
} satisfies Prisma.MessageSelect;

/**
 * A conversation's replies leave one at a time and oldest first, whichever process's worker runs
 * which job: under the conversation's lock, the replies still pending from before this one are
 * attempted first (their own jobs then find them sent and skip them), and while one of them must
 * wait or retry, so does this one.
 */
export async function deliverReply(messageId: string, options: { finalAttempt: boolean }): Promise<DeliveryOutcome> {
  const reply = await db().message.findUnique({ where: { id: messageId }, select: { id: true, conversationId: true, createdAt: true } });
  if (!reply) return "skipped";
  return withConversationSendLock(reply.conversationId, async () => {
    for (;;) {
      const earlier = await db().message.findFirst({
        where: {
          conversationId: reply.conversationId,
          direction: "outbound",
          status: "pending",
          OR: [{ createdAt: { lt: reply.createdAt } }, { createdAt: reply.createdAt, id: { lt: reply.id } }],
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true },
      });
      if (!earlier) return attempt(messageId, options.finalAttempt);
      const outcome = await attempt(earlier.id, false);
      if (outcome === "retry" || outcome === "waiting") return outcome;
    }
  });
}

async function attempt(messageId: string, finalAttempt: boolean): Promise<DeliveryOutcome> {
  const message = await db().message.findUnique({ where: { id: messageId }, select: replySelect });
  if (!message || message.direction !== "outbound" || message.status !== "pending") return "skipped";
  const { channel, contact, lastInboundAt, repliesSinceInbound } = message.conversation;
  const provider = providerOf(channel.platform);
  if (channel.status === "disconnected") return fail(provider, messageId, "channel_disconnected");
  if (channel.status === "needs_reconnect") return "waiting";
  // The window is judged at each attempt: a retry that crosses the window's end must not go out.
  const window = replyWindowAt(provider.replyWindow({ lastInboundAt, repliesSinceInbound }), new Date());
  if (window.state === "closed") return fail(provider, messageId, "window_closed");
  const content = outboundContentOf(message);
  if (!content) return fail(provider, messageId, "send_rejected");
  // Sends run under the conversation's lock, so a send still marked as under way was cut off by the
  // death of its process, maybe after the platform took it. Its echo settles it; if none comes, it
  // most likely never left. A final attempt does not wait: no retry would follow to send it.
  if (message.sendStartedAt && !finalAttempt) {
    if (Date.now() - message.sendStartedAt.getTime() < UNSETTLED_SEND_GRACE_MS) return "retry";
    logger.warn("A reply's send was cut off and no echo came: sending it again", { messageId });
  }

  await db().message.update({ where: { id: messageId }, data: { sendAttempts: { increment: 1 }, sendStartedAt: new Date() } });
  let platformMessageId: string;
  try {
    ({ platformMessageId } = await provider.outbound.send(channel, {
      recipientId: contact.platformUserId,
      window,
      content,
      messageId,
      quotedPlatformMessageId: message.replyToPlatformMessageId,
    }));
  } catch (error) {
    await db().message.update({ where: { id: messageId }, data: { sendStartedAt: null } });
    const verdict = error instanceof ChannelApiError ? provider.outbound.classifySendError(error) : ({ kind: "transient" } as const);
    logSendFailure(messageId, error, verdict.kind);
    // withChannelToken has marked the channel "needs reconnect": the reply waits for the new login.
    if (verdict.kind === "permanent" && verdict.channelNeedsReconnect) return "waiting";
    if (verdict.kind === "permanent") return fail(provider, messageId, verdict.code);
    return finalAttempt ? fail(provider, messageId, "retries_exhausted") : "retry";
  }
  // Outside the try: once the platform has the message, no failure of ours may count as a failed send.
  await markSent(messageId, platformMessageId);
  return "sent";
}

/**
 * Records the platform's id. Only while no mid is known: the echo of this send (matched through
 * `metadata`) may have overtaken the Send API answer and already set it, maybe with a later status
 * (delivered, read) that must not go back to "sent".
 */
async function markSent(messageId: string, platformMessageId: string): Promise<void> {
  const cleared = { status: "sent" as const, failureCode: null, failureReason: null, sendStartedAt: null };
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

async function fail(provider: ChannelProvider, messageId: string, code: SendFailureCode): Promise<DeliveryOutcome> {
  return (await failReply(provider, messageId, code)) ? "failed" : "skipped";
}

function logSendFailure(messageId: string, error: unknown, kind: "transient" | "permanent"): void {
  if (error instanceof ChannelApiError) {
    logger.warn("Sending a reply to the platform failed", { messageId, kind, ...error.logFields() });
  } else {
    logger.error("Reply delivery failed unexpectedly", { messageId, error });
  }
}
