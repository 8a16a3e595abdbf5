// Zalo's webhook events into the neutral events (docs/platforms/zalo.md, "Webhook events"), every
// documented variant accepted: msg_ids[] or one msg_id in receipts, a location in an attachment or at
// message.location, echoes of our app and of Zalo's OA Chat.
import { describe, expect, it } from "vitest";
import { normalizeZaloWebhook } from "@/lib/channels/zalo/normalize-webhook-body";

const APP_ID = "2000000000000000001";
const OA = "1750000000000000001";
const USER = "8400000000000000001";
const T = 1764750000000;

const normalize = (body: unknown) => normalizeZaloWebhook(JSON.stringify(body), APP_ID);
const webhookEvent = (from: string, to: string, eventName: string, message: Record<string, unknown>, appId: string) => ({
  app_id: appId,
  event_name: eventName,
  timestamp: String(T),
  sender: { id: from },
  recipient: { id: to },
  message,
});
const fromUser = (eventName: string, message: Record<string, unknown>) => webhookEvent(USER, OA, eventName, message, APP_ID);
const fromOa = (eventName: string, message: Record<string, unknown>, appId = APP_ID) => webhookEvent(OA, USER, eventName, message, appId);

describe("normalizeZaloWebhook", () => {
  it("turns a customer's text, with the message it quotes, into a message of the OA's channel", () => {
    expect(normalize(fromUser("user_send_text", { msg_id: "m1", text: "Chào shop", quote_msg_id: "m0" }))).toEqual({
      ok: true,
      events: [
        {
          accountId: OA,
          event: {
            kind: "message",
            channelExternalId: OA,
            contactPlatformId: USER,
            platformMessageId: "m1",
            at: new Date(T),
            text: "Chào shop",
            attachments: [],
            quickReplyPayload: null,
            replyToPlatformMessageId: "m0",
          },
        },
      ],
    });
  });

  it("reads the message id from msg_id or message_id", () => {
    expect(normalize(fromUser("user_send_text", { message_id: "m9", text: "Alo" }))).toMatchObject({ events: [{ event: { kind: "message", platformMessageId: "m9" } }] });
  });

  it("reads a location from an attachment's coordinates or from message.location", () => {
    const inAttachment = normalize(fromUser("user_send_location", { msg_id: "m2", attachments: [{ type: "location", payload: { coordinates: { latitude: "10.5", longitude: 106.25 } } }] }));
    const atMessage = normalize(fromUser("user_send_location", { msg_id: "m3", location: { latitude: 10.5, longitude: 106.25 } }));
    for (const body of [inAttachment, atMessage]) {
      expect(body).toMatchObject({ ok: true, events: [{ event: { kind: "message", attachments: [{ type: "location", coordinates: { lat: 10.5, long: 106.25 } }] } }] });
    }
  });

  it("echoes: ours by app id, others (another app) not; Zalo sends no metadata", () => {
    expect(normalize(fromOa("oa_send_text", { msg_id: "m4", text: "Dạ" }))).toMatchObject({
      events: [{ accountId: OA, event: { kind: "echo", contactPlatformId: USER, platformMessageId: "m4", fromOurApp: true, appId: APP_ID, metadata: null } }],
    });
    expect(normalize(fromOa("oa_send_image", { msg_id: "m5", attachments: [{ type: "image", payload: { url: "https://x/1.jpg" } }] }, "999"))).toMatchObject({
      events: [{ event: { kind: "echo", fromOurApp: false, attachments: [{ type: "image", url: "https://x/1.jpg" }] } }],
    });
  });

  it("receipts name message ids: one msg_id or msg_ids[], for received and seen alike, and no watermark", () => {
    const cases = [
      [fromOa("user_received_message", { msg_id: "m4" }), "delivery", ["m4"]],
      [fromOa("user_received_message", { msg_ids: ["m4", "m5"] }), "delivery", ["m4", "m5"]],
      [fromOa("user_seen_message", { msg_ids: ["m4", "m5", "m4"] }), "read", ["m4", "m5"]],
      [fromOa("user_seen_message", { msg_id: "m6" }), "read", ["m6"]],
    ] as const;
    for (const [body, kind, ids] of cases) {
      expect(normalize(body)).toEqual({
        ok: true,
        events: [{ accountId: OA, event: { kind, channelExternalId: OA, contactPlatformId: USER, platformMessageIds: ids, watermark: new Date(0) } }],
      });
    }
  });

  it("skips follow, unfollow, anonymous visitors, unknown events and malformed ones, saying why", () => {
    const follow = { app_id: APP_ID, oa_id: OA, event_name: "follow", timestamp: String(T), follower: { id: USER } };
    expect(normalize(follow)).toEqual({ ok: true, events: [{ accountId: OA, event: { kind: "skip", reason: "follow is not stored" } }] });
    expect(normalize({ ...follow, event_name: "user_unfollow" })).toEqual({ ok: true, events: [{ accountId: OA, event: { kind: "skip", reason: "user_unfollow is not stored" } }] });
    expect(normalize(fromUser("anonymous_send_text", { msg_id: "m7", text: "Hi" }))).toMatchObject({ events: [{ event: { kind: "skip", reason: "unhandled event type: anonymous_send_text" } }] });
    expect(normalize(fromUser("user_send_text", { text: "no id" }))).toMatchObject({ events: [{ event: { kind: "skip", reason: "user_send_text without msg_id" } }] });
    expect(normalize({ event_name: "user_send_text", timestamp: "soon" })).toMatchObject({ events: [{ event: { kind: "skip" } }] });
  });

  it("refuses bodies that are not Zalo events", () => {
    expect(normalizeZaloWebhook("{", APP_ID)).toEqual({ ok: false, reason: "body is not JSON" });
    expect(normalizeZaloWebhook('{"object":"page"}', APP_ID)).toMatchObject({ ok: false });
  });
});
