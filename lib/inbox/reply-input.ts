// What the composer posts to send a reply, and how it becomes the content of one Messenger message.
// Messenger carries a text or a single attachment per message, so the composer sends a text and each
// attachment as separate replies (each with its own clientMessageId).
import { z } from "zod";
import { AppError } from "@/lib/errors";
import {
  MAX_TEXT_LENGTH,
  SENDABLE_ATTACHMENT_TYPES,
  type OutboundContent,
} from "@/lib/channels/facebook/send-api-payload";
import type { StoredAttachment } from "@/lib/inbox/inbound-event";

export const replyAttachmentSchema = z.object({
  type: z.enum(SENDABLE_ATTACHMENT_TYPES),
  /** Facebook fetches the file from here: our own upload URL (POST /api/uploads) or any public link. */
  url: z.url({ protocol: /^https?$/ }).max(2000),
  name: z.string().trim().min(1).max(255).optional(),
});

export const sendReplyInputSchema = z.object({
  /** Chosen by the composer; a resubmitted send with the same id returns the message already stored. */
  clientMessageId: z.uuid(),
  text: z.string().optional(),
  attachments: z.array(replyAttachmentSchema).max(1, "one_attachment_per_message").optional(),
});
export type SendReplyInput = z.infer<typeof sendReplyInputSchema>;

export interface ReplyContent {
  text: string | null;
  attachments: StoredAttachment[];
}

/** The stored content of a reply; refuses empty replies, text plus attachment, and over-long text. */
export function replyContent(input: Pick<SendReplyInput, "text" | "attachments">): ReplyContent {
  const text = input.text?.trim() ? input.text.trim() : null;
  const attachment = input.attachments?.[0];
  if (text === null && !attachment) {
    throw new AppError("invalid_input", "Write a message or attach a file.", { reason: "empty_reply" }, { text: ["empty_reply"] });
  }
  if (text !== null && attachment) {
    throw new AppError(
      "invalid_input",
      "Messenger sends a text and an attachment as separate messages; send them one at a time.",
      { reason: "one_item_per_message" },
      { attachments: ["one_item_per_message"] },
    );
  }
  if (text !== null && text.length > MAX_TEXT_LENGTH) {
    throw new AppError(
      "invalid_input",
      `A Messenger message can be at most ${MAX_TEXT_LENGTH} characters long; this one has ${text.length}.`,
      { reason: "text_too_long", limit: MAX_TEXT_LENGTH, length: text.length },
      { text: ["text_too_long"] },
    );
  }
  return {
    text,
    attachments: attachment ? [{ type: attachment.type, url: attachment.url, ...(attachment.name ? { name: attachment.name } : {}) }] : [],
  };
}

/** The Send API content of a stored reply; null when the stored row holds nothing Messenger can carry. */
export function outboundContentOf(message: { text: string | null; attachments: unknown }): OutboundContent | null {
  if (message.text) return { kind: "text", text: message.text };
  const attachment = z.array(replyAttachmentSchema.pick({ type: true, url: true })).catch([]).parse(message.attachments)[0];
  return attachment ? { kind: "attachment", type: attachment.type, url: attachment.url } : null;
}
