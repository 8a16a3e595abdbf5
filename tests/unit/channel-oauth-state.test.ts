// The OAuth state cookie: accepted only for the same user, the same state, before the expiry.
import { describe, expect, it } from "vitest";
import { createOAuthState, OAUTH_STATE_TTL_MS, verifyOAuthState } from "@/lib/channels/facebook/oauth-state";

const SECRET = "x".repeat(32);
const NOW = 1_800_000_000_000;

describe("OAuth state", () => {
  it("accepts the state it issued, for its user, until it expires", () => {
    const { state, cookieValue } = createOAuthState("user-1", NOW, SECRET);
    expect(verifyOAuthState(cookieValue, state, "user-1", NOW + OAUTH_STATE_TTL_MS - 1, SECRET)).toEqual({ ok: true });
    expect(verifyOAuthState(cookieValue, state, "user-1", NOW + OAUTH_STATE_TTL_MS, SECRET)).toEqual({ ok: false, reason: "expired" });
  });

  it("never puts the state itself in the cookie", () => {
    const { state, cookieValue } = createOAuthState("user-1", NOW, SECRET);
    expect(Buffer.from(cookieValue.split(".")[0] ?? "", "base64url").toString()).not.toContain(state);
  });

  it("refuses a missing, mismatched, tampered or foreign state", () => {
    const { state, cookieValue } = createOAuthState("user-1", NOW, SECRET);
    const [payload, signature] = cookieValue.split(".");
    const otherPayload = Buffer.from(JSON.stringify({ userId: "user-2", stateHash: "0".repeat(64), expiresAt: NOW + 1000 })).toString("base64url");
    expect(verifyOAuthState(undefined, state, "user-1", NOW, SECRET)).toEqual({ ok: false, reason: "missing" });
    expect(verifyOAuthState(cookieValue, null, "user-1", NOW, SECRET)).toEqual({ ok: false, reason: "missing" });
    expect(verifyOAuthState(cookieValue, `${state}x`, "user-1", NOW, SECRET)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyOAuthState(`${otherPayload}.${signature}`, state, "user-1", NOW, SECRET)).toEqual({ ok: false, reason: "tampered" });
    expect(verifyOAuthState(`${payload}.`, state, "user-1", NOW, SECRET)).toEqual({ ok: false, reason: "tampered" });
    expect(verifyOAuthState(cookieValue, state, "user-1", NOW, "y".repeat(32))).toEqual({ ok: false, reason: "tampered" });
    expect(verifyOAuthState(cookieValue, state, "user-2", NOW, SECRET)).toEqual({ ok: false, reason: "wrong_user" });
  });
});
