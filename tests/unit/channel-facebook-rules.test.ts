// Pure rules of the Facebook channel: signed_request checks, how a page shows in the wizard, and
// why a token died.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { describePageChoice } from "@/lib/channels/facebook/page-choice";
import { verifySignedRequest } from "@/lib/channels/facebook/signed-request";
import { tokenProblemOf } from "@/lib/channels/facebook/token-problem-of";

const SECRET = "app-secret";

function sign(payload: object, secret = SECRET): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${createHmac("sha256", secret).update(body).digest("base64url")}.${body}`;
}

describe("verifySignedRequest", () => {
  const payload = { algorithm: "HMAC-SHA256", issued_at: 1_800_000_000, user_id: "1000000000000001" };

  it("returns the payload of a request signed with the app secret", () => {
    expect(verifySignedRequest(sign(payload), SECRET)).toEqual(payload);
  });

  it("rejects another secret, another algorithm, a changed payload and malformed input", () => {
    const good = sign(payload);
    const forgedBody = Buffer.from(JSON.stringify({ ...payload, user_id: "999" })).toString("base64url");
    expect(verifySignedRequest(sign(payload, "other"), SECRET)).toBeNull();
    expect(verifySignedRequest(sign({ ...payload, algorithm: "HMAC-SHA1" }), SECRET)).toBeNull();
    expect(verifySignedRequest(`${good.split(".")[0]}.${forgedBody}`, SECRET)).toBeNull();
    expect(verifySignedRequest(sign({ algorithm: "HMAC-SHA256" }), SECRET)).toBeNull();
    for (const malformed of ["", ".", "abc", `${good}.extra`, "a+b.c/d", `${good.split(".")[0]}.bm90IGpzb24`]) {
      expect(verifySignedRequest(malformed, SECRET)).toBeNull();
    }
  });
});

describe("describePageChoice", () => {
  const page = { id: "1090", name: "Shop", category: null, pictureUrl: null, tasks: ["MANAGE", "MESSAGING"] };

  it("lets a page admin connect a page nobody connected", () => {
    expect(describePageChoice(page, undefined, "ws-1")).toMatchObject({ state: "not_connected", blockedBy: null, channelId: null });
  });

  it("blocks a page the user does not administer, whatever else it can do", () => {
    const moderator = { ...page, tasks: ["ANALYZE", "ADVERTISE", "MODERATE", "MESSAGING"] };
    expect(describePageChoice(moderator, undefined, "ws-1").blockedBy).toBe("not_admin");
  });

  it("shows this workspace's status, and blocks a page another workspace holds", () => {
    expect(describePageChoice(page, { id: "c1", workspaceId: "ws-1", status: "needs_reconnect" }, "ws-1")).toMatchObject({
      state: "needs_reconnect",
      blockedBy: null,
      channelId: "c1",
    });
    expect(describePageChoice(page, { id: "c1", workspaceId: "ws-2", status: "connected" }, "ws-1")).toMatchObject({
      state: "not_connected",
      blockedBy: "taken",
      channelId: null,
    });
  });
});

describe("tokenProblemOf", () => {
  it("names each of Facebook's invalid-token subcodes", () => {
    expect([463, 460, 458, 467, undefined].map((subcode) => tokenProblemOf({ subcode }))).toEqual([
      "token_expired",
      "password_changed",
      "app_removed",
      "session_ended",
      "token_invalid",
    ]);
  });
});
