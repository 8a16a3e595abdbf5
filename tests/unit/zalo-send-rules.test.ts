// Zalo's sending rules, pure: the reply window (free 48 h, then counted against the paid quota, closed
// after 7 days), the classification of its errors (inside HTTP 200 bodies), PKCE and the send body.
import { describe, expect, it } from "vitest";
import { replyWindowAt } from "@/lib/channels/reply-window";
import { classifySendError } from "@/lib/channels/zalo/classify-send-error";
import { codeChallengeOf, codeVerifierFor } from "@/lib/channels/zalo/pkce";
import { zaloReplyWindow, WINDOW_SAFETY_MARGIN_MS } from "@/lib/channels/zalo/reply-window";
import { zaloSendPayload } from "@/lib/channels/zalo/send-payload";
import { ZaloError } from "@/lib/channels/zalo/zalo-client";

const HOUR = 3600 * 1000;
const wrote = new Date("2026-12-01T08:00:00Z");
const at = (hours: number, repliesSinceInbound = 0) =>
  replyWindowAt(zaloReplyWindow({ lastInboundAt: wrote, repliesSinceInbound }), new Date(wrote.getTime() + hours * HOUR));

describe("Zalo's reply window", () => {
  it("is free for 48 h, then each reply counts against the OA's paid quota, and closes after 7 days", () => {
    expect(at(1)).toMatchObject({ state: "open", cost: "free", tag: null });
    expect(at(48 - WINDOW_SAFETY_MARGIN_MS / HOUR)).toMatchObject({ state: "open", cost: "paid_quota" });
    expect(at(6 * 24)).toMatchObject({ state: "open", cost: "paid_quota" });
    expect(at(7 * 24)).toMatchObject({ state: "closed", reason: "expired" });
  });

  it("makes the 9th reply within 48 h paid: 8 replies are free per customer message", () => {
    expect(at(1, 7)).toMatchObject({ state: "open", cost: "free" });
    expect(at(1, 8)).toMatchObject({ state: "open", cost: "paid_quota" });
    expect(at(7 * 24, 8)).toMatchObject({ state: "closed", reason: "expired" });
    expect(replyWindowAt(zaloReplyWindow({ lastInboundAt: null, repliesSinceInbound: 0 }), wrote)).toMatchObject({ state: "closed", reason: "never_wrote" });
  });

  it("counts down the free replies the sender judges by: 8 after the customer writes, none once paid", () => {
    expect(at(1, 0)).toMatchObject({ cost: "free", phaseRepliesLeft: 8 });
    expect(at(1, 3)).toMatchObject({ cost: "free", phaseRepliesLeft: 5 });
    expect(at(1, 7)).toMatchObject({ cost: "free", phaseRepliesLeft: 1 });
    expect(at(1, 8)).toMatchObject({ cost: "paid_quota", phaseRepliesLeft: null });
    expect(at(49, 2)).toMatchObject({ cost: "paid_quota", phaseRepliesLeft: null });
  });
});

describe("classifying a failed Zalo send", () => {
  const zalo = (code: number) => new ZaloError(200, code, `error ${code}`);

  it("retries rate limits, outages and timeouts; a dead token needs a reconnect", () => {
    expect(classifySendError(zalo(-32))).toEqual({ kind: "transient" });
    expect(classifySendError(new ZaloError(502, 0, "bad gateway", "bad_reply"))).toEqual({ kind: "transient" });
    expect(classifySendError(new ZaloError(0, 0, "timeout", "timeout"))).toEqual({ kind: "transient" });
    for (const code of [-216, 216, -401, 401, -220]) expect(classifySendError(zalo(code))).toMatchObject({ kind: "permanent", code: "token_invalid", channelNeedsReconnect: true });
  });

  it("stops on the window, the user and the quota with a reason in Vietnamese", () => {
    expect(classifySendError(zalo(-230))).toMatchObject({ kind: "permanent", code: "window_closed", reason: expect.stringContaining("7 ngày") });
    expect(classifySendError(zalo(-232))).toMatchObject({ code: "window_closed" });
    expect(classifySendError(zalo(-213))).toMatchObject({ code: "user_unavailable" });
    expect(classifySendError(zalo(-227))).toMatchObject({ code: "user_unavailable" });
    expect(classifySendError(zalo(-211))).toMatchObject({ code: "permission_missing", reason: expect.stringContaining("hết lượt") });
    expect(classifySendError(zalo(-210))).toMatchObject({ code: "message_invalid" });
    expect(classifySendError(zalo(-999))).toMatchObject({ code: "send_rejected" });
    expect(classifySendError(new ZaloError(200, 0, "unreadable", "bad_reply"))).toMatchObject({ code: "send_unconfirmed" });
  });
});

describe("PKCE and the send body", () => {
  it("derives a 43-character alphanumeric verifier per state, and its base64url SHA-256 challenge", () => {
    const verifier = codeVerifierFor("state-1", "server-secret");
    expect(verifier).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(codeVerifierFor("state-1", "server-secret")).toBe(verifier);
    expect(codeVerifierFor("state-2", "server-secret")).not.toBe(verifier);
    expect(codeVerifierFor("state-1", "another-secret")).not.toBe(verifier);
    // RFC 7636's example pair.
    expect(codeChallengeOf("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")).toBe("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  });

  it("quotes a message of the conversation by its msg_id", () => {
    expect(zaloSendPayload("u1", { text: "Dạ còn ạ" }, "m0")).toEqual({ recipient: { user_id: "u1" }, message: { text: "Dạ còn ạ", quote_message_id: "m0" } });
  });

  it("carries a text, an uploaded image or an uploaded file", () => {
    expect(zaloSendPayload("u1", { text: "Dạ" }, null)).toEqual({ recipient: { user_id: "u1" }, message: { text: "Dạ" } });
    expect(zaloSendPayload("u1", { media: { kind: "image", attachmentId: "a1" } }, null)).toEqual({
      recipient: { user_id: "u1" },
      message: { attachment: { type: "template", payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: "a1" }] } } },
    });
    expect(zaloSendPayload("u1", { media: { kind: "file", token: "t1" } }, null)).toEqual({ recipient: { user_id: "u1" }, message: { attachment: { type: "file", payload: { token: "t1" } } } });
  });
});
