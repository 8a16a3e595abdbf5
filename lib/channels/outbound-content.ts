// One reply on its way to a platform, in platform-neutral terms: a text or one attachment, the window
// it is sent in, the message it quotes, and our Message.id (platforms that echo metadata let an early echo be matched).
import type { OpenReplyWindow } from "@/lib/channels/reply-window";

/** Every kind of file a reply can carry; each platform's capabilities say which it takes. */
export const SENDABLE_ATTACHMENT_TYPES = ["image", "video", "audio", "file"] as const;
export type SendableAttachmentType = (typeof SENDABLE_ATTACHMENT_TYPES)[number];

export type OutboundContent =
  | { kind: "text"; text: string }
  | { kind: "attachment"; type: SendableAttachmentType; url: string };

export interface OutboundReply {
  /** The customer's id on the platform. */
  recipientId: string;
  window: OpenReplyWindow;
  content: OutboundContent;
  messageId: string;
  /** The platform's id of the message this reply quotes; null for a plain reply. */
  quotedPlatformMessageId: string | null;
}
