// Turns one Messenger webhook event (an item of entry[].messaging or entry[].standby) into the
// platform-neutral InboundEvent, or a skip with its reason. Pure: no database, no network.
import type { z } from "zod";
import { messagingEventSchema, type MessengerAttachment, type MessengerMessage } from "@/lib/channels/facebook/webhook-payload";
import type { MessageContent, NormalizedEvent, StoredAttachment } from "@/lib/inbox/inbound-event";

/** The thumbs-up "like" button of Messenger arrives as this sticker. */
export const LIKE_STICKER_ID = "369239263222822";

export interface NormalizeOptions {
  /** entry[].id: the page the event belongs to. */
  pageId: string;
  /** entry[].time, used when an event carries no timestamp of its own. */
  entryTime?: number;
  /** Our Meta app id: echoes with this app_id are our own sends. */
  ourAppId: string;
}

const EVENT_ENVELOPE_KEYS = new Set(["sender", "recipient", "timestamp"]);

const skip = (reason: string): NormalizedEvent => ({ kind: "skip", reason });

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join(".") || "event"}: ${issue.message}`)
    .join("; ");
}

/** The last path segment of a file URL (Facebook keeps the original file name there). */
function fileNameOf(url: string | null): string | null {
  if (!url) return null;
  try {
    const segment = new URL(url).pathname.split("/").pop();
    return segment ? decodeURIComponent(segment) : null;
  } catch {
    return null;
  }
}

function toAttachment(attachment: MessengerAttachment, messageStickerId: string | null): StoredAttachment {
  const payload = attachment.payload ?? {};
  const url = payload.url ?? attachment.url ?? null;
  const title = attachment.title ?? payload.title ?? null;
  switch (attachment.type) {
    case "image": {
      // Stickers (and the like button) are images with a sticker id, on the attachment or the message.
      const stickerId = payload.sticker_id ?? messageStickerId;
      return stickerId ? { type: "sticker", url, stickerId } : { type: "image", url };
    }
    case "video":
    case "reel":
    case "ig_reel":
      return { type: "video", url, ...(title ? { title } : {}) };
    case "audio":
      return { type: "audio", url };
    case "file":
      return { type: "file", url, name: fileNameOf(url) };
    case "location": {
      const coordinates = payload.coordinates;
      return { type: "location", url, title, ...(coordinates ? { coordinates } : {}) };
    }
    default:
      // "fallback" (shared links) and types this product does not render: keep what can be shown.
      return { type: "fallback", url, title };
  }
}

function messageContent(message: MessengerMessage): MessageContent {
  const attachments = (message.attachments ?? []).map((a) => toAttachment(a, message.sticker_id ?? null));
  const text = message.text ?? null;
  return {
    text,
    // A message with neither text nor a known attachment (unsupported by the API) is still shown,
    // as a placeholder, so the agent knows the customer sent something.
    attachments: text === null && attachments.length === 0 ? [{ type: "fallback", url: null, title: null }] : attachments,
    quickReplyPayload: message.quick_reply?.payload ?? null,
    replyToPlatformMessageId: message.reply_to?.mid ?? null,
  };
}

export function normalizeMessagingEvent(raw: unknown, options: NormalizeOptions): NormalizedEvent {
  const parsed = messagingEventSchema.safeParse(raw);
  if (!parsed.success) return skip(`malformed event (${describeIssues(parsed.error)})`);
  const event = parsed.data;
  const { pageId } = options;
  const timestamp = event.timestamp ?? options.entryTime;
  const at = timestamp === undefined ? null : new Date(timestamp);

  if (event.message?.is_echo) {
    if (event.sender.id !== pageId) return skip(`echo not sent by page ${pageId}`);
    if (!at) return skip("echo without timestamp");
    const appId = event.message.app_id ?? null;
    return {
      kind: "echo",
      channelExternalId: pageId,
      contactPlatformId: event.recipient.id,
      platformMessageId: event.message.mid,
      at,
      fromOurApp: appId === options.ourAppId,
      appId,
      metadata: event.message.metadata ?? null,
      ...messageContent(event.message),
    };
  }

  if (event.recipient.id !== pageId) return skip(`event not addressed to page ${pageId}`);
  const base = { channelExternalId: pageId, contactPlatformId: event.sender.id };

  if (event.message) {
    if (!at) return skip("message without timestamp");
    return { kind: "message", ...base, platformMessageId: event.message.mid, at, ...messageContent(event.message) };
  }
  if (event.postback) {
    if (!at) return skip("postback without timestamp");
    const { title, payload, mid } = event.postback;
    // Older postbacks carry no mid; sender and time identify the tap, so a replay still dedupes.
    const platformMessageId = mid ?? `postback:${event.sender.id}:${at.getTime()}`;
    return { kind: "postback", ...base, platformMessageId, title: title ?? null, payload: payload ?? null, at };
  }
  if (event.reaction) {
    if (!at) return skip("reaction without timestamp");
    const { action, mid, reaction, emoji } = event.reaction;
    return { kind: "reaction", ...base, action, platformMessageId: mid, reaction: reaction ?? "other", emoji: emoji ?? null, at };
  }
  if (event.delivery) {
    return {
      kind: "delivery",
      ...base,
      platformMessageIds: event.delivery.mids ?? [],
      watermark: new Date(event.delivery.watermark),
    };
  }
  if (event.read) return { kind: "read", ...base, platformMessageIds: [], watermark: new Date(event.read.watermark) };

  const kinds = Object.keys(raw as object).filter((key) => !EVENT_ENVELOPE_KEYS.has(key));
  return skip(`unhandled event type: ${kinds.join(", ") || "empty"}`);
}
