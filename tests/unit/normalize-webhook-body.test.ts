import { describe, expect, it } from "vitest";
import { normalizeWebhookBody } from "@/lib/channels/facebook/normalize-webhook-body";

const event = (page: string, mid: string, text = "x") => ({
  sender: { id: "psid-1" },
  recipient: { id: page },
  timestamp: 1,
  message: { mid, text },
});

describe("webhook bodies", () => {
  it("keeps every page's events, messaging then standby, in delivery order", () => {
    const body = {
      object: "page",
      entry: [
        { id: "page-a", time: 1, messaging: [event("page-a", "m_1"), event("page-a", "m_2")], standby: [event("page-a", "m_3")] },
        { id: "page-b", time: 1, messaging: [event("page-b", "m_4")], changes: [{ field: "feed" }] },
      ],
    };
    const result = normalizeWebhookBody(JSON.stringify(body), "app");
    if (!result.ok) throw new Error(result.reason);
    expect(result.events.map((e) => [e.pageId, e.event.kind === "message" && e.event.platformMessageId])).toEqual([
      ["page-a", "m_1"],
      ["page-a", "m_2"],
      ["page-a", "m_3"],
      ["page-b", "m_4"],
    ]);
  });

  it("keeps a malformed event's neighbours", () => {
    const body = { object: "page", entry: [{ id: "page-a", messaging: [{ nonsense: true }, event("page-a", "m_1")] }] };
    const result = normalizeWebhookBody(JSON.stringify(body), "app");
    expect(result.ok && result.events.map((e) => e.event.kind)).toEqual(["skip", "message"]);
  });

  it("drops U+0000, which PostgreSQL cannot store, from every string", () => {
    const raw = JSON.stringify({ object: "page", entry: [{ id: "page-a", messaging: [event("page-a", "m_1", "a\u0000b")] }] });
    expect(raw).toContain("\\u0000");
    const result = normalizeWebhookBody(raw, "app");
    expect(result.ok && result.events[0]?.event).toMatchObject({ text: "ab" });
  });

  it("rejects bodies that are not JSON, not a webhook, or not Messenger", () => {
    expect(normalizeWebhookBody("{not json", "app")).toEqual({ ok: false, reason: "body is not JSON" });
    expect(normalizeWebhookBody('{"object":"page"}', "app")).toMatchObject({ ok: false, reason: expect.stringContaining("not a webhook body") });
    expect(normalizeWebhookBody('{"object":"instagram","entry":[]}', "app")).toEqual({
      ok: false,
      reason: 'object "instagram" is not handled',
    });
  });
});
