import { describe, expect, it } from "vitest";
import { webhookChallenge } from "@/lib/channels/facebook/webhook-verification";

const query = (params: Record<string, string>) => new URLSearchParams(params);

describe("webhook verification handshake", () => {
  it("answers the challenge when mode is subscribe and the token matches", () => {
    const params = { "hub.mode": "subscribe", "hub.verify_token": "verify-token-1", "hub.challenge": "1158201444" };
    expect(webhookChallenge(query(params), "verify-token-1")).toBe("1158201444");
  });

  it("refuses a wrong token, a token of another length, another mode, or no challenge", () => {
    const base = { "hub.mode": "subscribe", "hub.verify_token": "verify-token-1", "hub.challenge": "42" };
    expect(webhookChallenge(query({ ...base, "hub.verify_token": "verify-token-2" }), "verify-token-1")).toBeNull();
    expect(webhookChallenge(query({ ...base, "hub.verify_token": "verify" }), "verify-token-1")).toBeNull();
    expect(webhookChallenge(query({ ...base, "hub.mode": "unsubscribe" }), "verify-token-1")).toBeNull();
    expect(webhookChallenge(query({ "hub.mode": "subscribe", "hub.verify_token": "verify-token-1" }), "verify-token-1")).toBeNull();
    expect(webhookChallenge(query({}), "verify-token-1")).toBeNull();
  });
});
