// Turns one internal reply into the JSON body of a Send API call (docs/platforms/facebook.md, "Send
// API"). Pure: no fetch, no database, so the mapping is tested on its own. One call carries either a
// text or a single attachment, never both; `metadata` carries our Message.id, which Facebook returns
// in the echo, so an echo that overtakes the Send API answer can still be matched. A quoted message
// goes as `reply_to: {mid}` beside `message` (docs/platforms/facebook.md, "Send API").
import type { OutboundReply, SendableAttachmentType } from "@/lib/channels/outbound-content";
import { HUMAN_AGENT_TAG } from "@/lib/channels/facebook/reply-window";

/** Messenger refuses longer texts (Graph error 100); we refuse them before storing anything. */
export const MAX_TEXT_LENGTH = 2000;

export interface SendApiPayload {
  recipient: { id: string };
  messaging_type: "RESPONSE" | "MESSAGE_TAG";
  tag?: "HUMAN_AGENT";
  message:
    | { text: string; metadata: string }
    | { attachment: { type: SendableAttachmentType; payload: { url: string; is_reusable: boolean } }; metadata: string };
  reply_to?: { mid: string };
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
    // Messenger's schedule has one tagged phase, HUMAN_AGENT's (reply-window.ts).
    ...(window.state === "tagged" ? { messaging_type: "MESSAGE_TAG" as const, tag: HUMAN_AGENT_TAG } : { messaging_type: "RESPONSE" as const }),
    message,
    ...(reply.quotedPlatformMessageId !== null ? { reply_to: { mid: reply.quotedPlatformMessageId } } : {}),
  };
}
