// Turns one internal reply into the JSON body of a Send API call (external-apis.md C). Pure: no
// fetch, no database, so the mapping is tested on its own.
import type { ReplyWindow } from "@/lib/channels/facebook/reply-window";

/** Messenger refuses longer texts (Graph error 100); we refuse them before storing anything. */
export const MAX_TEXT_LENGTH = 2000;

export const SENDABLE_ATTACHMENT_TYPES = ["image", "video", "audio", "file"] as const;
export type SendableAttachmentType = (typeof SENDABLE_ATTACHMENT_TYPES)[number];

/** One Send API call carries either a text or a single attachment, never both. */
export type OutboundContent =
  | { kind: "text"; text: string }
  | { kind: "attachment"; type: SendableAttachmentType; url: string };

export interface OutboundReply {
  /** The customer's PSID on this page. */
  recipientId: string;
  window: Exclude<ReplyWindow, { kind: "closed" }>;
  content: OutboundContent;
  /** Our Message.id: Facebook returns it in the echo, so an echo that overtakes the Send API
   *  answer can still be matched to the stored message. */
  messageId: string;
}

export interface SendApiPayload {
  recipient: { id: string };
  messaging_type: "RESPONSE" | "MESSAGE_TAG";
  tag?: "HUMAN_AGENT";
  message:
    | { text: string; metadata: string }
    | { attachment: { type: SendableAttachmentType; payload: { url: string; is_reusable: boolean } }; metadata: string };
}

export function sendApiPayload(reply: OutboundReply): SendApiPayload {
  const { content, window } = reply;
  const message: SendApiPayload["message"] =
    content.kind === "text"
      ? { text: content.text, metadata: reply.messageId }
      : {
          // is_reusable lets Facebook cache the file instead of fetching our URL again on resend.
          attachment: { type: content.type, payload: { url: content.url, is_reusable: true } },
          metadata: reply.messageId,
        };
  return {
    recipient: { id: reply.recipientId },
    messaging_type: window.messagingType,
    ...(window.kind === "human_agent" ? { tag: window.tag } : {}),
    message,
  };
}
