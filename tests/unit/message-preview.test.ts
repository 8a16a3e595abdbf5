import { describe, expect, it } from "vitest";
import { messagePreview } from "@/lib/inbox/message-preview";
import { LIKE_STICKER_ID } from "@/lib/channels/facebook/normalize-messaging-event";

describe("conversation preview", () => {
  it("shows the text on one line", () => {
    expect(messagePreview({ text: "  Chào shop,\n  còn   hàng không? ", attachments: [] })).toBe("Chào shop, còn hàng không?");
  });

  it("cuts long texts at 200 characters without splitting an emoji", () => {
    const preview = messagePreview({ text: `${"a".repeat(198)}😀😀😀`, attachments: [] });
    expect([...preview]).toHaveLength(200);
    expect(preview.endsWith("a😀…")).toBe(true);
  });

  it("shows attachments as symbols with their name or title", () => {
    expect(
      messagePreview({
        text: null,
        attachments: [
          { type: "image", url: "u" },
          { type: "file", url: "u", name: "bang-gia.pdf" },
          { type: "location", url: null, title: "Quận 1" },
        ],
      }),
    ).toBe("📷 📎 bang-gia.pdf 📍 Quận 1");
    expect(messagePreview({ text: null, attachments: [{ type: "sticker", url: "u", stickerId: LIKE_STICKER_ID }] })).toBe("👍");
    expect(messagePreview({ text: null, attachments: [{ type: "sticker", url: "u", stickerId: "1" }] })).toBe("🙂");
    expect(messagePreview({ text: "", attachments: [] })).toBe("…");
  });
});
