// Pure rules of the Facebook channel: signed_request checks, how a page shows in the wizard (and an
// OA in Zalo's, which shares who-connected-it with it: existing-connection.ts), and why a token died.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { describePageChoice } from "@/lib/channels/facebook/page-choice";
import { describeOaChoice } from "@/lib/channels/zalo/oa-choice";
import type { ExistingChannel, Viewer } from "@/lib/channels/existing-connection";
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
  const staff: Viewer = { id: "u-lan", workspaceId: "ws-1", role: "agent" };
  const admin: Viewer = { id: "u-admin", workspaceId: "ws-1", role: "admin" };

  it("lets a page admin connect a page nobody connected", () => {
    expect(describePageChoice(page, undefined, staff)).toMatchObject({ state: "not_connected", blockedBy: null, channelId: null, owner: null });
  });

  it("blocks a page the user does not administer, whatever else it can do", () => {
    const moderator = { ...page, tasks: ["ANALYZE", "ADVERTISE", "MODERATE", "MESSAGING"] };
    expect(describePageChoice(moderator, undefined, staff).blockedBy).toBe("not_admin");
    expect(describePageChoice(moderator, undefined, admin).blockedBy).toBe("not_admin");
  });

  it("shows this workspace's status, and blocks a page another workspace holds without saying who has it", () => {
    expect(describePageChoice(page, channel({ status: "needs_reconnect", connectedBy: { id: "u-lan", name: "Lan" } }), staff)).toMatchObject({
      state: "needs_reconnect",
      blockedBy: null,
      channelId: "c1",
    });
    expect(describePageChoice(page, channel({ workspaceId: "ws-2" }), staff)).toEqual(
      expect.objectContaining({ state: "not_connected", blockedBy: "taken", channelId: null, owner: null }),
    );
  });

  it("blocks staff from a page a colleague connected here, naming who and how it is shared", () => {
    const inRule = channel({ chatMode: "shared", ruleSource: { rule: { name: "Bán hàng" } } });
    expect(describePageChoice(page, inRule, staff)).toMatchObject({
      state: "connected",
      blockedBy: "connected_by_other",
      channelId: "c1",
      owner: { name: "Hà", chatMode: "shared", ruleName: "Bán hàng" },
    });
    // Also while it waits to be reconnected: it is still hers.
    expect(describePageChoice(page, channel({ status: "needs_reconnect" }), staff)).toMatchObject({
      blockedBy: "connected_by_other",
      owner: { name: "Hà", chatMode: "only_me", ruleName: null },
    });
  });

  it("lets the owner and admins (re)connect it, still showing who connected it", () => {
    const hers = channel({ status: "needs_reconnect" });
    expect(describePageChoice(page, hers, { ...staff, id: "u-ha" })).toMatchObject({ blockedBy: null, owner: { name: "Hà" } });
    expect(describePageChoice(page, hers, admin)).toMatchObject({ blockedBy: null, owner: { name: "Hà", chatMode: "only_me", ruleName: null } });
  });

  it("treats a disconnected page as free: nobody is blocked and no owner is shown", () => {
    expect(describePageChoice(page, channel({ status: "disconnected" }), staff)).toMatchObject({ state: "disconnected", blockedBy: null, owner: null, channelId: "c1" });
  });

  it("says not_admin before connected_by_other: a moderator cannot connect it either way", () => {
    const moderator = { ...page, tasks: ["MODERATE", "MESSAGING"] };
    expect(describePageChoice(moderator, channel(), staff).blockedBy).toBe("not_admin");
  });
});

describe("describeOaChoice", () => {
  const oa = { id: "1750000000000000001", name: "Shop Thời Trang Mai", avatarUrl: null, connectable: true };
  const staff: Viewer = { id: "u-lan", workspaceId: "ws-1", role: "agent" };

  it("blocks staff from an OA a colleague connected here, and shows who has it", () => {
    expect(describeOaChoice(oa, channel(), staff)).toMatchObject({
      state: "connected",
      blockedBy: "connected_by_other",
      channelId: "c1",
      owner: { name: "Hà", chatMode: "only_me", ruleName: null },
    });
  });

  it("lets its owner and admins reconnect it; another workspace's OA is taken, without its owner", () => {
    expect(describeOaChoice(oa, channel(), { ...staff, id: "u-ha" })).toMatchObject({ blockedBy: null, owner: { name: "Hà" } });
    expect(describeOaChoice(oa, channel(), { ...staff, role: "admin" })).toMatchObject({ blockedBy: null, owner: { name: "Hà" } });
    expect(describeOaChoice(oa, channel({ workspaceId: "ws-2" }), staff)).toMatchObject({ state: "not_connected", blockedBy: "taken", owner: null });
    expect(describeOaChoice(oa, undefined, staff)).toMatchObject({ blockedBy: null, owner: null, connectable: true });
  });
});

/** Our channel for the page or OA: connected by Hà in ws-1, "only me", unless `changes` say otherwise. */
function channel(changes: Partial<ExistingChannel> = {}): ExistingChannel {
  return {
    id: "c1",
    workspaceId: "ws-1",
    status: "connected",
    chatMode: "only_me",
    connectedBy: { id: "u-ha", name: "Hà" },
    ruleSource: null,
    ...changes,
  };
}

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
