import { describe, expect, it } from "vitest";
import { outboundContentOf, replyContent as replyContentOn, sendReplyInputSchema, type SendReplyInput } from "@/lib/inbox/reply-input";
import { providerOf } from "@/lib/channels/registry";

/** Messenger's rules: a text or one attachment per message, at most 2,000 characters. */
const replyContent = (input: Pick<SendReplyInput, "text" | "attachments">) => replyContentOn(input, providerOf("facebook").capabilities);

describe("replyContent", () => {
  it("keeps a text reply, trimmed", () => {
    expect(replyContent({ text: "  Dạ chị ơi \n" })).toEqual({ text: "Dạ chị ơi", attachments: [] });
  });

  it("keeps one attachment", () => {
    const attachments = [{ type: "image" as const, url: "https://shop.example/a.png", name: "a.png" }];
    expect(replyContent({ attachments })).toEqual({ text: null, attachments });
  });

  it("refuses a text longer than Messenger's 2000 characters, with the limit", () => {
    expect(replyContent({ text: "a".repeat(2000) }).text).toHaveLength(2000);
    expect(() => replyContent({ text: "a".repeat(2001) })).toThrow(
      expect.objectContaining({ code: "invalid_input", params: { reason: "text_too_long", limit: 2000, length: 2001 } }),
    );
  });

  it("refuses an empty reply and a text with an attachment", () => {
    expect(() => replyContent({ text: "   " })).toThrow(expect.objectContaining({ params: { reason: "empty_reply" } }));
    expect(() => replyContent({ text: "hi", attachments: [{ type: "file", url: "https://shop.example/x.pdf" }] })).toThrow(
      expect.objectContaining({ params: { reason: "one_item_per_message" } }),
    );
  });
});

describe("sendReplyInputSchema", () => {
  it("needs a uuid clientMessageId and http(s) attachment URLs", () => {
    const clientMessageId = "3b241101-e2bb-4255-8caf-4136c566a962";
    expect(sendReplyInputSchema.safeParse({ clientMessageId, text: "hi" }).success).toBe(true);
    expect(sendReplyInputSchema.safeParse({ clientMessageId: "1", text: "hi" }).success).toBe(false);
    const javascript = { clientMessageId, attachments: [{ type: "image", url: "javascript:alert(1)" }] };
    expect(sendReplyInputSchema.safeParse(javascript).success).toBe(false);
  });
});

describe("outboundContentOf", () => {
  it("reads back the Send API content of a stored reply", () => {
    expect(outboundContentOf({ text: "hi", attachments: [] })).toEqual({ kind: "text", text: "hi" });
    expect(outboundContentOf({ text: null, attachments: [{ type: "video", url: "https://x/v.mp4", name: "v.mp4" }] })).toEqual({
      kind: "attachment",
      type: "video",
      url: "https://x/v.mp4",
    });
    expect(outboundContentOf({ text: null, attachments: [] })).toBeNull();
  });
});
