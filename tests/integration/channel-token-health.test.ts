// What happens to a connected page afterwards: a token Facebook rejects (190) → "needs reconnect"
// and back; the deauthorize callback; and the chat-permission step (only me / a new or existing rule).
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { graphRequest, GraphError } from "@/lib/channels/facebook/graph-client";
import { connectFacebookPage } from "@/lib/channels/facebook/connect-facebook-page";
import { platformsNeedingReconnect } from "@/lib/channels/platforms-needing-reconnect";
import { markChannelNeedsReconnect } from "@/lib/channels/mark-channel-needs-reconnect";
import { setChannelChatMode } from "@/lib/channels/set-channel-chat-mode";
import { createRule } from "@/lib/assignment/save-rule";
import { ruleInputSchema } from "@/lib/assignment/rule-schemas";
import { chatModeChoiceSchema, type ChatModeChoice } from "@/lib/channels/chat-mode-schema";
import { withChannelToken } from "@/lib/channels/with-channel-token";
import { z } from "zod";
import { POST as deauthorize } from "@/app/api/webhooks/facebook/deauthorize/route";
import { signedRequest } from "../../emulators/meta/signed-request";
import type { MetaEmulator } from "../../emulators/meta/start-meta-emulator";
import { createUser } from "../support/assignment-fixtures";
import { createAdmin, facebookWorld, signInWithFacebook, facebookEmulatorHooks } from "../support/facebook-connect";

let emulator: MetaEmulator;
let admin: SessionUser;
let fb: ReturnType<typeof facebookWorld>;

const facebook = facebookEmulatorHooks({ jobQueue: true });
beforeEach(async () => {
  ({ emulator, fb } = facebook);
  admin = await createAdmin("Hoa Mai", "admin@hoamai.vn");
  await signInWithFacebook(emulator, admin, fb.an.id);
});

const channelOf = (id: string) => db().channel.findUniqueOrThrow({ where: { id } });
const readSubscription = (channel: { id: string; externalId: string; accessTokenEnc: string }) =>
  withChannelToken(channel, (token) =>
    graphRequest({ path: `${channel.externalId}/subscribed_apps`, accessToken: token, schema: z.object({ data: z.array(z.unknown()) }) }),
  );

async function injectFault(body: Record<string, unknown>) {
  const response = await fetch(`${emulator.url}/_emulator/faults`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

describe("token health", () => {
  it("a Graph 190 flips the channel to needs_reconnect; reconnecting through the wizard restores it", async () => {
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    await injectFault({ kind: "token_expired", match: { pageId: fb.hoaMai.id } });

    const failure = await readSubscription(await channelOf(channelId)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ code: 190, subcode: 463 });
    expect(await channelOf(channelId)).toMatchObject({ status: "needs_reconnect", statusReason: "token_expired" });
    expect(await platformsNeedingReconnect(admin)).toHaveLength(1);

    // Reconnecting keeps the page's settings: no chat-permission step again.
    expect(await connectFacebookPage(admin, fb.hoaMai.id)).toEqual({ channelId, needsChatMode: false });
    expect(await channelOf(channelId)).toMatchObject({ status: "connected", statusReason: null, connectedById: admin.id });
    expect(await platformsNeedingReconnect(admin)).toHaveLength(0);
    await expect(readSubscription(await channelOf(channelId))).resolves.toMatchObject({ data: [expect.anything()] });
  });

  it("other Graph failures leave the channel connected, and a disconnected channel stays disconnected", async () => {
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    await injectFault({ kind: "server_error", match: { pageId: fb.hoaMai.id } });
    await expect(readSubscription(await channelOf(channelId))).rejects.toMatchObject({ code: 2, transient: true });
    expect((await channelOf(channelId)).status).toBe("connected");

    await db().channel.update({ where: { id: channelId }, data: { status: "disconnected" } });
    await markChannelNeedsReconnect(channelId, "token_invalid");
    expect((await channelOf(channelId)).status).toBe("disconnected");
  });
});

describe("Graph client", () => {
  it("gives up on a slow answer with a transient timeout error, leaving the channel connected", async () => {
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    await injectFault({ kind: "slow", delayMs: 2_000, match: { pageId: fb.hoaMai.id } });
    const channel = await channelOf(channelId);
    const failure = await withChannelToken(channel, (token) =>
      graphRequest({ path: `${channel.externalId}/subscribed_apps`, accessToken: token, schema: z.unknown(), timeoutMs: 200 }),
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({ failure: "timeout", transient: true, status: 0 });
    expect((await channelOf(channelId)).status).toBe("connected");
  });
});

describe("deauthorize callback", () => {
  const post = (form: Record<string, string>) =>
    deauthorize(
      new Request("http://localhost/api/webhooks/facebook/deauthorize", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form).toString(),
      }),
      undefined,
    );
  const payload = (userId: string) => ({ algorithm: "HMAC-SHA256" as const, issued_at: Math.floor(Date.now() / 1000), user_id: userId });

  it("disconnects the pages the Facebook user connected, and forgets their login", async () => {
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    const response = await post({ signed_request: signedRequest(process.env.META_APP_SECRET ?? "", payload(fb.an.id)) });
    expect(response.status).toBe(200);
    expect(await channelOf(channelId)).toMatchObject({ status: "disconnected", statusReason: "app_removed", accessTokenEnc: "" });
    expect(await db().channelAuthorization.count()).toBe(0);
  });

  it("answers 400 and changes nothing for a bad signature, a wrong algorithm or no signed_request", async () => {
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    const forged = signedRequest("not-our-secret", payload(fb.an.id));
    const [signature, body] = signedRequest(process.env.META_APP_SECRET ?? "", payload(fb.an.id)).split(".");
    const otherAlgorithm = Buffer.from(JSON.stringify({ ...payload(fb.an.id), algorithm: "HMAC-SHA1" })).toString("base64url");
    const forms: Record<string, string>[] = [
      { signed_request: forged },
      { signed_request: `${signature}.${otherAlgorithm}` },
      { signed_request: `${signature}` },
      { signed_request: `${body}.${signature}` },
      {},
    ];
    for (const form of forms) {
      expect((await post(form)).status).toBe(400);
    }
    expect((await channelOf(channelId)).status).toBe("connected");
    expect(await db().channelAuthorization.count()).toBe(1);
  });
});

describe("chat permission step", () => {
  const choose = (channelId: string, choice: ChatModeChoice) => setChannelChatMode(admin, channelId, chatModeChoiceSchema.parse(choice));

  it("only me, a new rule saved by the rule form, then an existing rule (a page is in at most one rule)", async () => {
    await createUser(admin.workspaceId, { email: "ha@hoamai.vn", name: "Hà" });
    const first = await connectFacebookPage(admin, fb.hoaMai.id);
    const second = await connectFacebookPage(admin, fb.myPham.id);

    await choose(first.channelId, { mode: "only_me" });
    expect(await channelOf(first.channelId)).toMatchObject({ chatMode: "only_me", connectedById: admin.id });
    expect(await db().historySync.findUnique({ where: { channelId: first.channelId } })).toMatchObject({ status: "queued" });

    // "Tạo quy tắc mới": the rule form saves the rule with the page ticked (POST /api/rules); the
    // page's history waits until the step then settles the page in that rule.
    const created = await createRule(
      admin,
      ruleInputSchema.parse({ name: "Nhóm bán hàng", sourceChannelIds: [second.channelId], memberEmails: ["ha@hoamai.vn"], method: "round_robin", oldConversationPolicy: "keep_unassigned" }),
    );
    expect(await db().historySync.findUnique({ where: { channelId: second.channelId } })).toBeNull();
    await choose(second.channelId, { mode: "shared", ruleId: created.id });
    expect((await db().ruleSource.findMany({ where: { ruleId: created.id } })).map((source) => source.channelId)).toEqual([second.channelId]);
    expect((await channelOf(second.channelId)).chatMode).toBe("shared");
    expect(await db().historySync.findUnique({ where: { channelId: second.channelId } })).toMatchObject({ status: "queued" });

    await choose(first.channelId, { mode: "shared", ruleId: created.id });
    expect(await db().ruleSource.count({ where: { ruleId: created.id } })).toBe(2);
    expect((await channelOf(first.channelId)).chatMode).toBe("shared");

    await choose(first.channelId, { mode: "only_me" });
    expect(await db().ruleSource.findUnique({ where: { channelId: first.channelId } })).toBeNull();
    expect((await channelOf(first.channelId)).chatMode).toBe("only_me");
  });

  it("item 6c: another admin cannot make an admin's “only me” page his own, nor share it, until its owner is locked", async () => {
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    await choose(channelId, { mode: "only_me" });
    await db().historySync.deleteMany();
    const colleague = await createUser(admin.workspaceId, { email: "lan@hoamai.vn", name: "Lan", role: "admin" });
    const rule = await createRule(
      admin,
      ruleInputSchema.parse({ name: "Nhóm bán hàng", sourceChannelIds: [], memberEmails: ["lan@hoamai.vn"], method: "self_claim", oldConversationPolicy: "keep_unassigned" }),
    );
    const byColleague = (choice: ChatModeChoice) => setChannelChatMode(colleague, channelId, chatModeChoiceSchema.parse(choice));

    const refused = { code: "forbidden", status: 403, params: { reason: "only_me_other_admin", name: admin.name } };
    await expect(byColleague({ mode: "only_me" })).rejects.toMatchObject(refused);
    await expect(byColleague({ mode: "shared", ruleId: rule.id })).rejects.toMatchObject(refused);
    expect(await channelOf(channelId)).toMatchObject({ chatMode: "only_me", connectedById: admin.id });
    expect(await db().ruleSource.count()).toBe(0);
    expect(await db().historySync.count()).toBe(0);

    // A locked owner can no longer answer the page's customers: another admin may settle it.
    await db().user.update({ where: { id: admin.id }, data: { active: false } });
    await byColleague({ mode: "only_me" });
    expect(await channelOf(channelId)).toMatchObject({ chatMode: "only_me", connectedById: colleague.id });
  });

  it("refuses a rule that is missing or another workspace's, changing nothing and starting no sync", async () => {
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    const other = await createAdmin("Other", "admin@other.vn");
    const foreign = await createRule(
      other,
      ruleInputSchema.parse({ name: "Nhóm khác", sourceChannelIds: [], memberEmails: ["admin@other.vn"], method: "self_claim", oldConversationPolicy: "keep_unassigned" }),
    );
    for (const ruleId of ["missing-rule", foreign.id]) {
      await expect(choose(channelId, { mode: "shared", ruleId })).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await channelOf(channelId)).toMatchObject({ chatMode: "only_me" });
    expect(await db().ruleSource.count()).toBe(0);
    expect(await db().historySync.findUnique({ where: { channelId } })).toBeNull();
  });
});
