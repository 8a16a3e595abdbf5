// The message an agent's reply quotes ("Trả lời" on a message of the thread): one of the same
// conversation that the platform knows by its id, on a platform whose replies can quote.
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ChannelCapabilities } from "@/lib/channels/channel-provider";

export interface ReplyQuote {
  quotedMessageId: string;
  replyToPlatformMessageId: string;
}

export async function replyQuote(
  tx: Tx,
  conversationId: string,
  quotedMessageId: string | undefined,
  capabilities: ChannelCapabilities,
): Promise<ReplyQuote | null> {
  if (quotedMessageId === undefined) return null;
  if (!capabilities.quotes) {
    throw new AppError("invalid_input", "This platform cannot quote a message in a reply.", { reason: "quote_not_supported" }, { quotedMessageId: ["quote_not_supported"] });
  }
  const quoted = await tx.message.findFirst({
    where: { id: quotedMessageId, conversationId, platformMessageId: { not: null } },
    select: { id: true, platformMessageId: true },
  });
  // Not in this conversation, or not (yet) known to the platform: a pending or failed reply of ours.
  if (!quoted?.platformMessageId) {
    throw new AppError("invalid_input", "The quoted message is not one the platform can quote.", { reason: "quoted_message_missing" }, { quotedMessageId: ["quoted_message_missing"] });
  }
  return { quotedMessageId: quoted.id, replyToPlatformMessageId: quoted.platformMessageId };
}
