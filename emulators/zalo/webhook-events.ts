// Webhook bodies exactly as Zalo shapes them: one event per POST, `timestamp` a string of ms,
// ids as strings, attachments as {type, payload}. Sources per field in docs/platforms/zalo.md.
import type { ZaloWorld } from "./world";
import type { OaUser, ZaloMessage } from "./world-types";

export interface ZaloEvent {
  oaId: string;
  eventName: string;
  body: Record<string, unknown> & { timestamp: string };
}

function envelope(world: ZaloWorld, user: OaUser, eventName: string, fromOa: boolean): ZaloEvent["body"] {
  const oa = { id: user.oaId };
  const customer = { id: user.userId };
  return {
    app_id: world.config.appId,
    user_id_by_app: user.userIdByApp,
    event_name: eventName,
    timestamp: String(world.now()),
    sender: fromOa ? oa : customer,
    recipient: fromOa ? customer : oa,
  };
}

function messageField(message: ZaloMessage): Record<string, unknown> {
  return {
    msg_id: message.msgId,
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(message.attachments.length > 0 ? { attachments: message.attachments } : {}),
    ...(message.quoteMsgId ? { quote_msg_id: message.quoteMsgId } : {}),
  };
}

/** `user_send_<type>` for a customer's message, `oa_send_<type>` for the echo of an OA's. */
export function messageEvent(world: ZaloWorld, user: OaUser, message: ZaloMessage): ZaloEvent {
  const fromOa = message.src === 0;
  const eventName = `${fromOa ? "oa" : "user"}_send_${message.type}`;
  return {
    oaId: user.oaId,
    eventName,
    body: { ...envelope(world, user, eventName, fromOa), message: messageField(message) },
  };
}

/** The user's phone got OA messages: one `msg_id` per event. */
export function receivedEvent(world: ZaloWorld, user: OaUser, msgId: string): ZaloEvent {
  const eventName = "user_received_message";
  return {
    oaId: user.oaId,
    eventName,
    body: { ...envelope(world, user, eventName, true), message: { msg_id: msgId } },
  };
}

/** The user read OA messages: several ids at once in `msg_ids`. */
export function seenEvent(world: ZaloWorld, user: OaUser, msgIds: string[]): ZaloEvent {
  const eventName = "user_seen_message";
  return {
    oaId: user.oaId,
    eventName,
    body: { ...envelope(world, user, eventName, true), message: { msg_ids: msgIds } },
  };
}

/** `follow` and `unfollow` have their own shape: the OA id and a `follower`, no sender/recipient. */
export function followEvent(world: ZaloWorld, user: OaUser, eventName: "follow" | "unfollow"): ZaloEvent {
  return {
    oaId: user.oaId,
    eventName,
    body: {
      app_id: world.config.appId,
      oa_id: user.oaId,
      user_id_by_app: user.userIdByApp,
      event_name: eventName,
      timestamp: String(world.now()),
      source: "oa_profile",
      follower: { id: user.userId },
    },
  };
}
