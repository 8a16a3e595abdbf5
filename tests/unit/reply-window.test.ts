import { describe, expect, it } from "vitest";
import { WINDOW_SAFETY_MARGIN_MS } from "@/lib/channels/facebook/reply-window";
import { providerOf } from "@/lib/channels/registry";
import { replyWindowAt } from "@/lib/channels/reply-window";

const HOUR = 3600 * 1000;
const lastInboundAt = new Date("2026-05-01T08:00:00Z");
const after = (ms: number) => new Date(lastInboundAt.getTime() + ms);
/** Messenger's window as the sender and the composer see it. */
const replyWindow = (last: Date | null, now: Date) => replyWindowAt(providerOf("facebook").replyWindow({ lastInboundAt: last, repliesSinceInbound: 0 }), now);

describe("Messenger's reply window", () => {
  it("allows a plain reply inside 24 hours and says how long is left", () => {
    const window = replyWindow(lastInboundAt, after(3 * HOUR));
    expect(window).toMatchObject({ state: "open", tag: null, cost: "free" });
    expect(window.state === "open" && window.remainingMs).toBe(21 * HOUR - WINDOW_SAFETY_MARGIN_MS);
    expect(window.state === "open" && window.closesAt).toEqual(after(7 * 24 * HOUR - WINDOW_SAFETY_MARGIN_MS));
  });

  it("uses the HUMAN_AGENT tag from 24 hours to 7 days", () => {
    const window = replyWindow(lastInboundAt, after(25 * HOUR));
    expect(window).toMatchObject({ state: "tagged", tag: "HUMAN_AGENT", cost: "free" });
    expect(window.state === "tagged" && window.remainingMs).toBe(6 * 24 * HOUR - HOUR - WINDOW_SAFETY_MARGIN_MS);
  });

  it("switches to the tag a minute early, since Facebook's clock decides", () => {
    expect(replyWindow(lastInboundAt, after(24 * HOUR - WINDOW_SAFETY_MARGIN_MS - 1)).state).toBe("open");
    expect(replyWindow(lastInboundAt, after(24 * HOUR - WINDOW_SAFETY_MARGIN_MS)).state).toBe("tagged");
  });

  it("is closed after 7 days, and says since when", () => {
    expect(replyWindow(lastInboundAt, after(7 * 24 * HOUR - WINDOW_SAFETY_MARGIN_MS - 1)).state).toBe("tagged");
    expect(replyWindow(lastInboundAt, after(8 * 24 * HOUR))).toEqual({
      state: "closed",
      reason: "expired",
      closedAt: after(7 * 24 * HOUR - WINDOW_SAFETY_MARGIN_MS),
    });
  });

  it("is closed when the customer never wrote", () => {
    expect(replyWindow(null, lastInboundAt)).toEqual({ state: "closed", reason: "never_wrote", closedAt: null });
  });
});

describe("a reply window with a paid quota", () => {
  const schedule = (repliesLeft: number) => ({
    phases: [{ state: "open" as const, endsAt: after(48 * HOUR), tag: null, cost: "paid_quota" as const, repliesAllowed: null }],
    repliesLeft,
  });

  it("says how many replies are left while the window is open", () => {
    expect(replyWindowAt(schedule(3), after(HOUR))).toMatchObject({ state: "open", cost: "paid_quota", repliesLeft: 3 });
  });

  it("is closed once the quota is spent, even inside the time", () => {
    expect(replyWindowAt(schedule(0), after(HOUR))).toMatchObject({ state: "closed", reason: "quota_used" });
  });
});
