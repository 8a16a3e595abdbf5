import { describe, expect, it } from "vitest";
import { providerOf } from "@/lib/channels/registry";
import { replyWindowAt } from "@/lib/channels/reply-window";
import { sendApiPayload } from "@/lib/channels/facebook/send-api-payload";

const lastInboundAt = new Date("2026-05-01T08:00:00Z");
const openWindow = (hours: number) => {
  const window = replyWindowAt(providerOf("facebook").replyWindow({ lastInboundAt, repliesSinceInbound: 0 }), new Date(lastInboundAt.getTime() + hours * 3600 * 1000));
  if (window.state === "closed") throw new Error("expected an open window");
  return window;
};

describe("sendApiPayload", () => {
  it("sends a text inside 24 hours as RESPONSE, with our message id as metadata", () => {
    const payload = sendApiPayload({
      recipientId: "2500001",
      window: openWindow(1),
      content: { kind: "text", text: "Dạ shop còn size M ạ" },
      messageId: "msg_1",
      quotedPlatformMessageId: null,
    });
    expect(payload).toEqual({
      recipient: { id: "2500001" },
      messaging_type: "RESPONSE",
      message: { text: "Dạ shop còn size M ạ", metadata: "msg_1" },
    });
  });

  it("quotes a message with reply_to beside the message", () => {
    const payload = sendApiPayload({ recipientId: "2500001", window: openWindow(1), content: { kind: "text", text: "Dạ còn ạ" }, messageId: "msg_4", quotedPlatformMessageId: "m_customer_1" });
    expect(payload).toMatchObject({ message: { text: "Dạ còn ạ" }, reply_to: { mid: "m_customer_1" } });
  });

  it("tags a reply after 24 hours with HUMAN_AGENT", () => {
    const payload = sendApiPayload({ recipientId: "2500001", window: openWindow(30), content: { kind: "text", text: "Chào chị" }, messageId: "msg_2", quotedPlatformMessageId: null });
    expect(payload).toMatchObject({ messaging_type: "MESSAGE_TAG", tag: "HUMAN_AGENT" });
  });

  it("sends an attachment by URL, reusable, without text", () => {
    const payload = sendApiPayload({
      recipientId: "2500001",
      window: openWindow(1),
      content: { kind: "attachment", type: "image", url: "https://shop.example/api/uploads/abc" },
      messageId: "msg_3",
      quotedPlatformMessageId: null,
    });
    expect(payload.message).toEqual({
      attachment: { type: "image", payload: { url: "https://shop.example/api/uploads/abc", is_reusable: true } },
      metadata: "msg_3",
    });
    expect(payload).not.toHaveProperty("tag");
  });
});
