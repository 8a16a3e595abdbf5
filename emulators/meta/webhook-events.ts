// Messenger webhook events in Facebook's shapes: message, echo, delivery, read, reaction, postback.
import type { World } from "./world";
import type { Attachment, Reaction, StoredMessage, Thread } from "./world-types";

export type MessagingEvent = Record<string, unknown>;

/** Which page subscription field each event needs before Facebook delivers it. */
export type SubscriptionField =
  | "messages"
  | "message_echoes"
  | "message_deliveries"
  | "message_reads"
  | "message_reactions"
  | "messaging_postbacks";

export interface FieldEvent {
  field: SubscriptionField;
  event: MessagingEvent;
}

export const REACTION_EMOJI: Record<string, string> = {
  love: "❤",
  like: "👍",
  smile: "😆",
  wow: "😮",
  sad: "😢",
  angry: "😠",
};

/** A known reaction name ("love") or any emoji, which Messenger reports as reaction "other". */
export function reactionOf(nameOrEmoji: string): Reaction {
  const emoji = REACTION_EMOJI[nameOrEmoji];
  return emoji ? { reaction: nameOrEmoji, emoji } : { reaction: "other", emoji: nameOrEmoji };
}

function attachmentJson(world: World, attachment: Attachment): Record<string, unknown> {
  const payload: Record<string, unknown> = { url: world.absolute(attachment.url) };
  if (attachment.stickerId !== undefined) payload.sticker_id = attachment.stickerId;
  return { type: attachment.type, payload };
}

function messageJson(world: World, message: StoredMessage): Record<string, unknown> {
  const json: Record<string, unknown> = { mid: message.mid };
  if (message.text !== undefined) json.text = message.text;
  const sticker = message.attachments.find((a) => a.stickerId !== undefined);
  if (sticker?.stickerId !== undefined) json.sticker_id = sticker.stickerId;
  if (message.attachments.length > 0)
    json.attachments = message.attachments.map((a) => attachmentJson(world, a));
  if (message.quickReplyPayload !== undefined) json.quick_reply = { payload: message.quickReplyPayload };
  if (message.replyToMid !== undefined) json.reply_to = { mid: message.replyToMid };
  return json;
}

const fromCustomer = (thread: Thread) => ({ sender: { id: thread.psid }, recipient: { id: thread.pageId } });

export function customerMessageEvent(world: World, thread: Thread, message: StoredMessage): FieldEvent {
  return {
    field: "messages",
    event: { ...fromCustomer(thread), timestamp: message.createdAt, message: messageJson(world, message) },
  };
}

/** App ids are numbers in Facebook's JSON; ids that are not numeric (test apps) stay strings. */
function appIdJson(appId: string | undefined): number | string | undefined {
  if (appId === undefined) return undefined;
  const n = Number(appId);
  return /^\d+$/.test(appId) && Number.isSafeInteger(n) ? n : appId;
}

export function echoEvent(world: World, thread: Thread, message: StoredMessage): FieldEvent {
  const { mid, ...rest } = messageJson(world, message);
  const body: Record<string, unknown> = { mid, is_echo: true, app_id: appIdJson(message.appId) };
  if (message.metadata !== undefined) body.metadata = message.metadata;
  return {
    field: "message_echoes",
    event: {
      sender: { id: thread.pageId },
      recipient: { id: thread.psid },
      timestamp: message.createdAt,
      message: { ...body, ...rest },
    },
  };
}

export function deliveryEvent(thread: Thread, mids: string[] | undefined, watermark: number): FieldEvent {
  const delivery: Record<string, unknown> = { watermark };
  if (mids) delivery.mids = mids;
  return { field: "message_deliveries", event: { ...fromCustomer(thread), delivery } };
}

export function readEvent(thread: Thread, watermark: number, timestamp: number): FieldEvent {
  return { field: "message_reads", event: { ...fromCustomer(thread), timestamp, read: { watermark } } };
}

export function reactionEvent(
  thread: Thread,
  mid: string,
  reaction: Reaction,
  action: "react" | "unreact",
  timestamp: number,
): FieldEvent {
  return {
    field: "message_reactions",
    event: {
      ...fromCustomer(thread),
      timestamp,
      reaction: { reaction: reaction.reaction, emoji: reaction.emoji, action, mid },
    },
  };
}

export interface Referral {
  ref?: string;
  source?: string;
  type?: string;
}

export function postbackEvent(
  thread: Thread,
  message: StoredMessage,
  referral: Referral | undefined,
): FieldEvent {
  const postback: Record<string, unknown> = {
    title: message.postback?.title,
    payload: message.postback?.payload,
    mid: message.mid,
  };
  if (referral) postback.referral = referral;
  return {
    field: "messaging_postbacks",
    event: { ...fromCustomer(thread), timestamp: message.createdAt, postback },
  };
}

export function pageWebhookBody(
  entries: Array<{ pageId: string; events: unknown[] }>,
  time: number,
): Record<string, unknown> {
  return { object: "page", entry: entries.map((e) => ({ id: e.pageId, time, messaging: e.events })) };
}
