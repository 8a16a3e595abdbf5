// Fault injection and token invalidation: the failures the app must survive.
import { beforeEach, describe, expect, it } from "vitest";
import { APP_ID, APP_SECRET, startEmulatorHarness, type Json, type JsonReply } from "../support/meta-emulator-harness";

const { emulator, control, graphGet, firstPage } = await startEmulatorHarness();
let pageId: string;
let userToken: string;
let pageToken: string;

beforeEach(async () => {
  ({ pageId, userToken, pageToken } = await firstPage());
});

function conversations(token = pageToken): Promise<JsonReply> {
  return graphGet(`/${pageId}/conversations`, { access_token: token });
}

describe("faults", () => {
  it("answers 190 for as many calls as asked, then recovers", async () => {
    await control("POST", "/faults", { kind: "token_expired", times: 2 });
    for (let i = 0; i < 2; i++) {
      const failed = await conversations();
      expect(failed.status).toBe(400);
      expect(failed.body.error).toMatchObject({ type: "OAuthException", code: 190, error_subcode: 463 });
    }
    expect((await conversations()).status).toBe(200);
    expect((await control("GET", "/faults")).body.data).toEqual([]);
  });

  it("selects the rate-limit code and consumes faults in order", async () => {
    await control("POST", "/faults", { kind: "rate_limit", code: 613 });
    await control("POST", "/faults", { kind: "token_revoked" });
    expect((await conversations()).body.error).toMatchObject({ code: 613, is_transient: true });
    expect((await conversations()).body.error).toMatchObject({ code: 190, error_subcode: 460 });
    expect((await conversations()).status).toBe(200);
  });

  it("matches on path and page, and answers server errors with HTTP 500", async () => {
    await control("POST", "/faults", { kind: "server_error", match: { path: "/messages" } });
    await control("POST", "/faults", { kind: "permission_missing", match: { pageId: "1" } });
    expect((await conversations()).status).toBe(200);
    const psid = emulator.world.customers.find((c) => c.pageId === pageId)!.psid;
    const send = await fetch(`${emulator.url}/v27.0/me/messages?access_token=${pageToken}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ recipient: { id: psid }, message: { text: "hi" } }),
    });
    expect(send.status).toBe(500);
    expect(((await send.json()) as Json).error).toMatchObject({ code: 2 });
    expect((await control("GET", "/faults")).body.data).toHaveLength(1);
    expect((await control("DELETE", "/faults")).body).toEqual({ ok: true });
    expect((await control("GET", "/faults")).body.data).toEqual([]);
  });

  it("delays slow calls", async () => {
    await control("POST", "/faults", { kind: "slow", delayMs: 300 });
    const started = Date.now();
    expect((await conversations()).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it("rejects malformed faults with a clear 400", async () => {
    const bad = await control("POST", "/faults", { kind: "rate_limit", code: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("code");
  });

  it("invalidates tokens for good: password change, expiry, and page tokens with their user", async () => {
    expect(
      (await control("POST", "/tokens/invalidate", { token: pageToken, reason: "expired" })).body,
    ).toEqual({ invalidated: 1 });
    expect((await conversations()).body.error).toMatchObject({ code: 190, error_subcode: 463 });

    await control("POST", "/tokens/invalidate", {
      userId: emulator.world.users[0]!.id,
      reason: "password_changed",
    });
    const me = await fetch(`${emulator.url}/v27.0/me?access_token=${userToken}`);
    expect(((await me.json()) as Json).error).toMatchObject({ code: 190, error_subcode: 460 });

    const debug = await fetch(
      `${emulator.url}/debug_token?input_token=${userToken}&access_token=${APP_ID}|${APP_SECRET}`,
    );
    expect(((await debug.json()) as Json).data).toMatchObject({
      is_valid: false,
      error: { code: 190, subcode: 460 },
    });
  });
});
