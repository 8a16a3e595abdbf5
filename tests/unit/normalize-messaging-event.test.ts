import { describe, expect, it } from "vitest";
import { LIKE_STICKER_ID, normalizeMessagingEvent } from "@/lib/channels/facebook/normalize-messaging-event";

const PAGE = "104857600000001";
const PSID = "6001234567890123";
const TS = 1_764_230_400_000;
const options = { pageId: PAGE, entryTime: TS + 500, ourAppId: "1517000000000001" };

const fromCustomer = (fields: Record<string, unknown>) => ({
  sender: { id: PSID },
  recipient: { id: PAGE },
  timestamp: TS,
  ...fields,
});
const fromPage = (message: Record<string, unknown>) => ({
  sender: { id: PAGE },
  recipient: { id: PSID },
  timestamp: TS,
  message: { is_echo: true, ...message },
});
const normalize = (raw: unknown) => normalizeMessagingEvent(raw, options);
const attachmentsOf = (attachments: unknown[], extra: Record<string, unknown> = {}) => {
  const event = normalize(fromCustomer({ message: { mid: "m_1", attachments, ...extra } }));
  if (event.kind !== "message") throw new Error(`expected a message, got ${event.kind}`);
  return event.attachments;
};

describe("customer messages", () => {
  it("turns a text message into an inbound message at the platform's time", () => {
    expect(normalize(fromCustomer({ message: { mid: "m_1", text: "Chào shop" } }))).toEqual({
      kind: "message",
      channelExternalId: PAGE,
      contactPlatformId: PSID,
      platformMessageId: "m_1",
      at: new Date(TS),
      text: "Chào shop",
      attachments: [],
      quickReplyPayload: null,
      replyToPlatformMessageId: null,
    });
  });

  it("keeps the quick reply payload and the message replied to", () => {
    const event = normalize(
      fromCustomer({ message: { mid: "m_2", text: "Size M", quick_reply: { payload: "SIZE_M" }, reply_to: { mid: "m_1" } } }),
    );
    expect(event).toMatchObject({ kind: "message", quickReplyPayload: "SIZE_M", replyToPlatformMessageId: "m_1" });
  });

  it("maps images (several in one message), video, audio and files", () => {
    expect(
      attachmentsOf([
        { type: "image", payload: { url: "https://cdn/a.jpg" } },
        { type: "image", payload: { url: "https://cdn/b.jpg" } },
        { type: "video", payload: { url: "https://cdn/c.mp4" } },
        { type: "audio", payload: { url: "https://cdn/voice.mp4" } },
        { type: "file", payload: { url: "https://cdn.fbsbx.com/v/t59/b%E1%BA%A3ng%20gi%C3%A1.pdf?_nc=1" } },
      ]),
    ).toEqual([
      { type: "image", url: "https://cdn/a.jpg" },
      { type: "image", url: "https://cdn/b.jpg" },
      { type: "video", url: "https://cdn/c.mp4" },
      { type: "audio", url: "https://cdn/voice.mp4" },
      { type: "file", url: "https://cdn.fbsbx.com/v/t59/b%E1%BA%A3ng%20gi%C3%A1.pdf?_nc=1", name: "bảng giá.pdf" },
    ]);
  });

  it("recognises stickers and the like button, with the sticker id on the attachment or the message", () => {
    expect(attachmentsOf([{ type: "image", payload: { url: "https://cdn/s.png", sticker_id: 144884852352448 } }])).toEqual([
      { type: "sticker", url: "https://cdn/s.png", stickerId: "144884852352448" },
    ]);
    expect(attachmentsOf([{ type: "image", payload: { url: "https://cdn/like.png" } }], { sticker_id: Number(LIKE_STICKER_ID) })).toEqual([
      { type: "sticker", url: "https://cdn/like.png", stickerId: LIKE_STICKER_ID },
    ]);
  });

  it("maps fallback (old and new shapes), location with coordinates, reels, and unknown types", () => {
    expect(
      attachmentsOf([
        { type: "fallback", title: "Áo thun", url: "https://l.facebook.com/x", payload: null },
        { type: "fallback", payload: { url: "https://shopee.vn/1", title: "Sản phẩm" } },
        { type: "location", title: "Vị trí", url: "https://bing/maps", payload: { coordinates: { lat: 10.7, long: 106.7 } } },
        { type: "reel", payload: { url: "https://facebook.com/reel/1", title: "Mix đồ" } },
        { type: "ig_reel", payload: { url: "https://instagram.com/reel/2" } },
        { type: "template", payload: { template_type: "generic" } },
      ]),
    ).toEqual([
      { type: "fallback", url: "https://l.facebook.com/x", title: "Áo thun" },
      { type: "fallback", url: "https://shopee.vn/1", title: "Sản phẩm" },
      { type: "location", url: "https://bing/maps", title: "Vị trí", coordinates: { lat: 10.7, long: 106.7 } },
      { type: "video", url: "https://facebook.com/reel/1", title: "Mix đồ" },
      { type: "video", url: "https://instagram.com/reel/2" },
      { type: "fallback", url: null, title: null },
    ]);
  });

  it("shows a message with nothing the API can describe as a placeholder instead of dropping it", () => {
    expect(attachmentsOf([])).toEqual([{ type: "fallback", url: null, title: null }]);
  });

  it("uses the entry's time when the event has none, and skips an event with no time at all", () => {
    const raw = { sender: { id: PSID }, recipient: { id: PAGE }, message: { mid: "m_1", text: "x" } };
    expect(normalize(raw)).toMatchObject({ kind: "message", at: new Date(TS + 500) });
    expect(normalizeMessagingEvent(raw, { ...options, entryTime: undefined })).toEqual({ kind: "skip", reason: "message without timestamp" });
  });

  it("accepts numeric ids and turns them into strings", () => {
    const raw = { sender: { id: Number(PSID) }, recipient: { id: Number(PAGE) }, timestamp: TS, message: { mid: "m_1", text: "x" } };
    expect(normalize(raw)).toMatchObject({ kind: "message", contactPlatformId: PSID, channelExternalId: PAGE });
  });
});

describe("postbacks", () => {
  it("keeps title, payload and mid", () => {
    const event = normalize(fromCustomer({ postback: { title: "Xem bảng giá", payload: "PRICE_LIST", mid: "m_pb" } }));
    expect(event).toEqual({
      kind: "postback",
      channelExternalId: PAGE,
      contactPlatformId: PSID,
      platformMessageId: "m_pb",
      title: "Xem bảng giá",
      payload: "PRICE_LIST",
      at: new Date(TS),
    });
  });

  it("gives a postback without mid an id made of sender and time, the same on every replay", () => {
    const raw = fromCustomer({ postback: { payload: "GET_STARTED", referral: { ref: "ads" } } });
    const first = normalize(raw);
    expect(first).toMatchObject({ kind: "postback", platformMessageId: `postback:${PSID}:${TS}`, title: null });
    expect(normalize(structuredClone(raw))).toEqual(first);
  });
});

describe("reactions and receipts", () => {
  it("normalises react and unreact on a message", () => {
    expect(normalize(fromCustomer({ reaction: { reaction: "love", emoji: "❤", action: "react", mid: "m_out" } }))).toEqual({
      kind: "reaction",
      channelExternalId: PAGE,
      contactPlatformId: PSID,
      action: "react",
      platformMessageId: "m_out",
      reaction: "love",
      emoji: "❤",
      at: new Date(TS),
    });
    expect(normalize(fromCustomer({ reaction: { action: "unreact", mid: "m_out" } }))).toMatchObject({
      action: "unreact",
      reaction: "other",
      emoji: null,
    });
  });

  it("normalises deliveries with and without mids, and reads", () => {
    expect(normalize(fromCustomer({ delivery: { mids: ["m_a", "m_b"], watermark: TS - 10 } }))).toEqual({
      kind: "delivery",
      channelExternalId: PAGE,
      contactPlatformId: PSID,
      platformMessageIds: ["m_a", "m_b"],
      watermark: new Date(TS - 10),
    });
    expect(normalize({ sender: { id: PSID }, recipient: { id: PAGE }, delivery: { watermark: TS } })).toMatchObject({
      kind: "delivery",
      platformMessageIds: [],
    });
    expect(normalize(fromCustomer({ read: { watermark: TS - 5 } }))).toEqual({
      kind: "read",
      channelExternalId: PAGE,
      contactPlatformId: PSID,
      platformMessageIds: [],
      watermark: new Date(TS - 5),
    });
  });
});

describe("echoes", () => {
  it("recognises our own send by app id (a number in Facebook's JSON) and keeps the metadata", () => {
    const event = normalize(fromPage({ mid: "m_echo", app_id: 1517000000000001, metadata: "cm_message_id", text: "Dạ có ạ" }));
    expect(event).toEqual({
      kind: "echo",
      channelExternalId: PAGE,
      contactPlatformId: PSID,
      platformMessageId: "m_echo",
      at: new Date(TS),
      fromOurApp: true,
      appId: "1517000000000001",
      metadata: "cm_message_id",
      text: "Dạ có ạ",
      attachments: [],
      quickReplyPayload: null,
      replyToPlatformMessageId: null,
    });
  });

  it("marks a send from the Page Inbox or another app as foreign", () => {
    const event = normalize(fromPage({ mid: "m_inbox", app_id: 263902037430900, text: "Shop đây" }));
    expect(event).toMatchObject({ kind: "echo", fromOurApp: false, appId: "263902037430900", metadata: null });
  });

  it("skips an echo that the page did not send", () => {
    const raw = { ...fromPage({ mid: "m_x", text: "x" }), sender: { id: "someone-else" } };
    expect(normalize(raw)).toEqual({ kind: "skip", reason: `echo not sent by page ${PAGE}` });
  });
});

describe("events that are skipped", () => {
  it("skips events addressed to another page", () => {
    const raw = { ...fromCustomer({ message: { mid: "m_1", text: "x" } }), recipient: { id: "999" } };
    expect(normalize(raw)).toEqual({ kind: "skip", reason: `event not addressed to page ${PAGE}` });
  });

  it("names unhandled event types", () => {
    expect(normalize(fromCustomer({ message_edit: { mid: "m_1", text: "y", num_edit: 1 } }))).toEqual({
      kind: "skip",
      reason: "unhandled event type: message_edit",
    });
    expect(normalize(fromCustomer({ optin: { type: "notification_messages" }, pass_thread_control: {} }))).toEqual({
      kind: "skip",
      reason: "unhandled event type: optin, pass_thread_control",
    });
  });

  it("skips malformed events with the problem in the reason", () => {
    expect(normalize({ recipient: { id: PAGE }, message: { mid: "m" } })).toMatchObject({
      kind: "skip",
      reason: expect.stringContaining("malformed event (sender"),
    });
    expect(normalize(fromCustomer({ message: { text: "no mid" } }))).toMatchObject({ kind: "skip", reason: expect.stringContaining("message.mid") });
    expect(normalize(fromCustomer({ message: { mid: "m".repeat(1001) } }))).toMatchObject({ kind: "skip" });
    expect(normalize("not an object")).toMatchObject({ kind: "skip" });
    expect(normalize(null)).toMatchObject({ kind: "skip" });
  });
});
