import { describe, expect, it } from "vitest";
import { WINDOW_SAFETY_MARGIN_MS, replyWindow } from "@/lib/channels/facebook/reply-window";

const HOUR = 3600 * 1000;
const lastInboundAt = new Date("2026-05-01T08:00:00Z");
const after = (ms: number) => new Date(lastInboundAt.getTime() + ms);

describe("replyWindow", () => {
  it("allows a plain reply inside 24 hours and says how long is left", () => {
    const window = replyWindow(lastInboundAt, after(3 * HOUR));
    expect(window).toMatchObject({ kind: "response", messagingType: "RESPONSE" });
    expect(window.kind === "response" && window.remainingMs).toBe(21 * HOUR - WINDOW_SAFETY_MARGIN_MS);
    expect(window.kind === "response" && window.closesAt).toEqual(after(7 * 24 * HOUR - WINDOW_SAFETY_MARGIN_MS));
  });

  it("uses MESSAGE_TAG + HUMAN_AGENT from 24 hours to 7 days", () => {
    const window = replyWindow(lastInboundAt, after(25 * HOUR));
    expect(window).toMatchObject({ kind: "human_agent", messagingType: "MESSAGE_TAG", tag: "HUMAN_AGENT" });
    expect(window.kind === "human_agent" && window.remainingMs).toBe(6 * 24 * HOUR - HOUR - WINDOW_SAFETY_MARGIN_MS);
  });

  it("switches to the tag a minute early, since Facebook's clock decides", () => {
    expect(replyWindow(lastInboundAt, after(24 * HOUR - WINDOW_SAFETY_MARGIN_MS - 1)).kind).toBe("response");
    expect(replyWindow(lastInboundAt, after(24 * HOUR - WINDOW_SAFETY_MARGIN_MS)).kind).toBe("human_agent");
  });

  it("is closed after 7 days, and says since when", () => {
    expect(replyWindow(lastInboundAt, after(7 * 24 * HOUR - WINDOW_SAFETY_MARGIN_MS - 1)).kind).toBe("human_agent");
    expect(replyWindow(lastInboundAt, after(8 * 24 * HOUR))).toEqual({
      kind: "closed",
      closedAt: after(7 * 24 * HOUR - WINDOW_SAFETY_MARGIN_MS),
    });
  });

  it("is closed when the customer never wrote", () => {
    expect(replyWindow(null, lastInboundAt)).toEqual({ kind: "closed", closedAt: null });
  });
});
