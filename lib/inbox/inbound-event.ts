// The platform-neutral shape of one incoming chat event. Each channel's provider normalises its
// webhooks into this union (its inbound concern, reached through lib/channels/registry.ts);
// receive-event.ts stores it. Times are the platform's clocks, as Date.
import type { Attachment } from "@/lib/inbox/inbox-dto";

/** An attachment as stored in Message.attachments: the DTO's fields plus what the UI may need later. */
export type StoredAttachment = Attachment & {
  stickerId?: string;
  coordinates?: { lat: number; long: number };
};

/** What a message says: shared by customer messages and echoes of page messages. */
export interface MessageContent {
  text: string | null;
  attachments: StoredAttachment[];
  quickReplyPayload: string | null;
  replyToPlatformMessageId: string | null;
}

interface EventBase {
  /** The page (Messenger) or OA (Zalo) id: Channel.externalId. */
  channelExternalId: string;
  /** The customer's id at the platform: Contact.platformUserId. */
  contactPlatformId: string;
}

export interface InboundMessageEvent extends EventBase, MessageContent {
  kind: "message";
  platformMessageId: string;
  at: Date;
}

export interface PostbackEvent extends EventBase {
  kind: "postback";
  platformMessageId: string;
  title: string | null;
  payload: string | null;
  at: Date;
}

/** A message the page sent, reported back by the platform (ours or another app's / the Page Inbox). */
export interface EchoEvent extends EventBase, MessageContent {
  kind: "echo";
  platformMessageId: string;
  at: Date;
  fromOurApp: boolean;
  appId: string | null;
  /** Our Message.id when we sent it (the Send API `metadata` field). */
  metadata: string | null;
}

export interface ReactionEvent extends EventBase {
  kind: "reaction";
  action: "react" | "unreact";
  /** The message reacted to. */
  platformMessageId: string;
  reaction: string;
  emoji: string | null;
  at: Date;
}

/** The customer's device received the page's messages (all sent up to `watermark`, plus these ids). */
export interface DeliveryEvent extends EventBase {
  kind: "delivery";
  platformMessageIds: string[];
  watermark: Date;
}

/**
 * The customer read the page's messages sent up to `watermark`, plus `platformMessageIds` (Zalo names
 * the messages seen and has no watermark: its receipts carry the epoch, which covers nothing).
 */
export interface ReadEvent extends EventBase {
  kind: "read";
  platformMessageIds: string[];
  watermark: Date;
}

export type InboundEvent = InboundMessageEvent | PostbackEvent | EchoEvent | ReactionEvent | DeliveryEvent | ReadEvent;

/** An event the product does not store, with the reason that goes to the log. */
export interface SkippedEvent {
  kind: "skip";
  reason: string;
}

export type NormalizedEvent = InboundEvent | SkippedEvent;
