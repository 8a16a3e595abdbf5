// What the composer posts to send a reply, and how it becomes the content of one platform message,
// checked against the platform's capabilities. Where a message carries a text or a single attachment
// (Messenger), the composer sends a text and each attachment as separate replies (each with its own
// clientMessageId).
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { ChannelCapabilities } from "@/lib/channels/channel-provider";
import { SENDABLE_ATTACHMENT_TYPES, type OutboundContent } from "@/lib/channels/outbound-content";
import type { StoredAttachment } from "@/lib/inbox/inbound-event";

export const replyAttachmentSchema = z.object({
  type: z.enum(SENDABLE_ATTACHMENT_TYPES),
  /** The platform fetches the file from here: our own upload URL (POST /api/uploads) or any public link. */
  url: z.url({ protocol: /^https?$/ }).max(2000),
  name: z.string().trim().min(1).max(255).optional(),
});

export const sendReplyInputSchema = z.object({
  /** Chosen by the composer; a resubmitted send with the same id returns the message already stored. */
  clientMessageId: z.uuid(),
  text: z.string().optional(),
  attachments: z.array(replyAttachmentSchema).max(1, "one_attachment_per_message").optional(),
  /** Our id of a message of the conversation this reply quotes ("Trả lời"). */
  quotedMessageId: z.string().min(1).max(64).optional(),
});
export type SendReplyInput = z.infer<typeof sendReplyInputSchema>;

export interface ReplyContent {
  text: string | null;
  attachments: StoredAttachment[];
}

/**
 * The stored content of a reply; refuses empty replies, text plus attachment where the platform
 * carries one item per message, attachment types it does not take, and over-long text.
 */
export function replyContent(input: Pick<SendReplyInput, "text" | "attachments">, capabilities: ChannelCapabilities): ReplyContent {
  const text = input.text?.trim() ? input.text.trim() : null;
  const attachment = input.attachments?.[0];
  if (text === null && !attachment) {
    throw new AppError("invalid_input", "Write a message or attach a file.", { reason: "empty_reply" }, { text: ["empty_reply"] });
  }
  if (text !== null && attachment && capabilities.itemsPerMessage === "one") {
    throw new AppError(
      "invalid_input",
      "This platform sends a text and an attachment as separate messages; send them one at a time.",
      { reason: "one_item_per_message" },
      { attachments: ["one_item_per_message"] },
    );
  }
  if (attachment && !capabilities.attachments.types.includes(attachment.type)) {
    throw new AppError("invalid_input", `This platform cannot send a ${attachment.type} attachment.`, { reason: "attachment_type_refused" }, { attachments: ["attachment_type_refused"] });
  }
  const limit = capabilities.maxTextLength;
  if (text !== null && text.length > limit) {
    throw new AppError(
      "invalid_input",
      `A message can be at most ${limit} characters long on this platform; this one has ${text.length}.`,
      { reason: "text_too_long", limit, length: text.length },
      { text: ["text_too_long"] },
    );
  }
  return {
    text,
    attachments: attachment ? [{ type: attachment.type, url: attachment.url, ...(attachment.name ? { name: attachment.name } : {}) }] : [],
  };
}

/** Built once (a zod schema compiles itself on first use); every reply sent is read through it. */
const storedAttachmentsOrNone = z.array(replyAttachmentSchema.pick({ type: true, url: true })).catch([]);

/** The content of a stored reply; null when the stored row holds nothing a platform can carry. */
export function outboundContentOf(message: { text: string | null; attachments: unknown }): OutboundContent | null {
  if (message.text) return { kind: "text", text: message.text };
  const attachment = storedAttachmentsOrNone.parse(message.attachments)[0];
  return attachment ? { kind: "attachment", type: attachment.type, url: attachment.url } : null;
}
