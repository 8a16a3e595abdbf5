// Turns one stored Zalo webhook body (one event per POST) into the platform-neutral event, or a skip
// with its reason (docs/platforms/zalo.md, "Webhooks"). Pure: no database, no network.
//   user_send_*           → a customer message (sender = the user, recipient = the OA)
//   oa_send_*             → an echo of what the OA sent, ours or typed in Zalo's OA Chat
//   user_received_message → delivery receipt naming msg_id(s) (sender = the OA, recipient = the user)
//   user_seen_message     → read receipt naming msg_ids
//   (user_)follow / unfollow → logged and skipped: the inbox has no use for them yet
import type { z } from "zod";
import type { AccountEvent, NormalizedBody } from "@/lib/channels/channel-provider";
import { parseWebhookJson } from "@/lib/webhooks/parse-webhook-json";
import type { MessageContent, NormalizedEvent, StoredAttachment } from "@/lib/inbox/inbound-event";
import { MAX_ZALO_WEBHOOK_DEPTH } from "@/lib/channels/zalo/webhook-payload-check";
import {
  FOLLOW_EVENT_NAMES,
  zaloEnvelopeSchema,
  zaloFollowEventSchema,
  zaloMessageEventSchema,
  type ZaloAttachment,
  type ZaloMessage,
} from "@/lib/channels/zalo/webhook-payload";

/** Receipts carry no watermark: the epoch covers no message, so only the named ids move. */
const NO_WATERMARK = new Date(0);

const skip = (accountId: string, reason: string): AccountEvent => ({ accountId, event: { kind: "skip", reason } });

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "event"}: ${issue.message}`)
    .join("; ");
}

function toAttachment(attachment: ZaloAttachment): StoredAttachment {
  const payload = attachment.payload ?? {};
  const url = payload.url ?? null;
  switch (attachment.type) {
    case "image":
    case "gif":
      return { type: "image", url };
    case "sticker":
      return { type: "sticker", url, ...(payload.id ? { stickerId: payload.id } : {}) };
    case "audio":
    case "voice":
      return { type: "audio", url };
    case "video":
      return { type: "video", url };
    case "file":
      return { type: "file", url, name: payload.name ?? null };
    case "location": {
      const coordinates = payload.coordinates;
      return { type: "location", url, title: null, ...(coordinates ? { coordinates: { lat: coordinates.latitude, long: coordinates.longitude } } : {}) };
    }
    default:
      // Links, business cards and types this product does not render: keep what can be shown.
      return { type: "fallback", url, title: payload.title ?? payload.description ?? null };
  }
}

function messageContent(message: ZaloMessage): MessageContent {
  const attachments = (message.attachments ?? []).map(toAttachment);
  // One source puts a shared location at message.location instead of in an attachment.
  if (message.location && !attachments.some((attachment) => attachment.type === "location")) {
    attachments.push({ type: "location", url: null, title: null, coordinates: { lat: message.location.latitude, long: message.location.longitude } });
  }
  const text = message.text ? message.text : null;
  return {
    text,
    // A message with neither text nor an attachment we read is still shown as a placeholder.
    attachments: text === null && attachments.length === 0 ? [{ type: "fallback", url: null, title: null }] : attachments,
    quickReplyPayload: null,
    replyToPlatformMessageId: message.quote_msg_id ?? null,
  };
}

function messageIdsOf(message: ZaloMessage): string[] {
  return [...new Set([...(message.msg_ids ?? []), ...(message.msg_id ? [message.msg_id] : [])])];
}

function normalizeEvent(json: unknown, eventName: string, ourAppId: string): AccountEvent {
  if (FOLLOW_EVENT_NAMES.has(eventName)) {
    const follow = zaloFollowEventSchema.safeParse(json);
    return skip(follow.success ? follow.data.oa_id : "", `${eventName} is not stored`);
  }
  const parsed = zaloMessageEventSchema.safeParse(json);
  if (!parsed.success) return skip("", `malformed ${eventName} (${describeIssues(parsed.error)})`);
  const { sender, recipient, timestamp } = parsed.data;
  const message = { ...parsed.data.message, msg_id: parsed.data.message.msg_id ?? parsed.data.message.message_id };
  const at = new Date(timestamp);

  if (eventName.startsWith("user_send_")) {
    const accountId = recipient.id;
    if (!message.msg_id) return skip(accountId, `${eventName} without msg_id`);
    const event: NormalizedEvent = {
      kind: "message",
      channelExternalId: accountId,
      contactPlatformId: sender.id,
      platformMessageId: message.msg_id,
      at,
      ...messageContent(message),
    };
    return { accountId, event };
  }
  if (eventName.startsWith("oa_send_")) {
    const accountId = sender.id;
    if (!message.msg_id) return skip(accountId, `${eventName} without msg_id`);
    const appId = parsed.data.app_id ?? null;
    const event: NormalizedEvent = {
      kind: "echo",
      channelExternalId: accountId,
      contactPlatformId: recipient.id,
      platformMessageId: message.msg_id,
      at,
      fromOurApp: appId === ourAppId,
      appId,
      // Zalo echoes no metadata of ours: an early echo is matched to our send by its content.
      metadata: null,
      ...messageContent(message),
    };
    return { accountId, event };
  }
  if (eventName === "user_received_message" || eventName === "user_seen_message") {
    const accountId = sender.id;
    const ids = messageIdsOf(message);
    if (ids.length === 0) return skip(accountId, `${eventName} names no message`);
    const base = { channelExternalId: accountId, contactPlatformId: recipient.id, platformMessageIds: ids, watermark: NO_WATERMARK };
    const event: NormalizedEvent = eventName === "user_received_message" ? { kind: "delivery", ...base } : { kind: "read", ...base };
    return { accountId, event };
  }
  // anonymous_send_* (a visitor without a Zalo account cannot be answered through the OA API),
  // reactions and anything newer.
  return skip(recipient.id, `unhandled event type: ${eventName}`);
}

export function normalizeZaloWebhook(rawBody: string, ourAppId: string): NormalizedBody {
  const parsed = parseWebhookJson(rawBody, MAX_ZALO_WEBHOOK_DEPTH);
  if (!parsed.ok) return parsed;
  const { json } = parsed;
  const envelope = zaloEnvelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, reason: "not a Zalo webhook body: no event_name" };
  return { ok: true, events: [normalizeEvent(json, envelope.data.event_name, ourAppId)] };
}
