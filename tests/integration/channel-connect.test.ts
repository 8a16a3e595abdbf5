// The connect wizard against the Meta emulator: Facebook Login with `state`, permissions, listing
// pages, connecting (token encrypted, webhooks subscribed), refusals, disconnect and reconnect.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { decryptSecret } from "@/lib/crypto/secret-box";
import type { SessionUser } from "@/lib/auth/session";
import { connectFacebookPage } from "@/lib/channels/facebook/connect-facebook-page";
import { currentFacebookAuthorization } from "@/lib/channels/facebook/facebook-authorization";
import { fetchPageAccounts } from "@/lib/channels/facebook/fetch-page-accounts";
import { listFacebookPages } from "@/lib/channels/facebook/list-facebook-pages";
import { issueOAuthState, OAUTH_STATE_TTL_MS } from "@/lib/channels/oauth-state";
import { PAGE_WEBHOOK_FIELDS } from "@/lib/channels/facebook/page-subscription";
import { disconnectChannel } from "@/lib/channels/disconnect-channel";
import type { MetaEmulator } from "../../emulators/meta/start-meta-emulator";
import { resetDatabase } from "../support/reset-database";
import { startAppEmulator } from "../support/app-emulator";
import { createAdmin, facebookWorld, finishLogin, runFacebookDialog, signInWithFacebook } from "../support/facebook-connect";

let emulator: MetaEmulator;
let admin: SessionUser;
let fb: ReturnType<typeof facebookWorld>;

beforeAll(async () => {
  emulator = await startAppEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  emulator.resetWorld();
  fb = facebookWorld(emulator);
  await resetDatabase();
  admin = await createAdmin("Hoa Mai", "admin@hoamai.vn");
});

describe("Facebook Login (steps 1-3)", () => {
  it("sends the product's permissions and a state, then keeps the long-lived token encrypted", async () => {
    const run = await runFacebookDialog(emulator, admin, fb.an.id);
    expect(run.dialogUrl.searchParams.get("scope")).toBe("pages_show_list,pages_messaging,pages_manage_metadata,pages_read_engagement");
    expect(run.dialogUrl.searchParams.get("state")).toMatch(/^[\w-]{43}$/);
    expect(run.dialogUrl.searchParams.has("auth_type")).toBe(false);

    expect(await finishLogin(admin, run)).toEqual({ outcome: "authorized", missingScopes: [] });
    const stored = await db().channelAuthorization.findFirstOrThrow({ where: { userId: admin.id } });
    expect(stored).toMatchObject({ platformUserId: fb.an.id, declinedScopes: [] });
    expect(stored.userTokenEnc).not.toContain("EAA");
    const token = decryptSecret(stored.userTokenEnc);
    expect(emulator.world.tokens.get(token)).toMatchObject({ kind: "user", longLived: true, userId: fb.an.id });
  });

  it("refuses a missing, made-up, expired or another user's state and stores nothing", async () => {
    const run = await runFacebookDialog(emulator, admin, fb.an.id);
    const code = run.redirect.searchParams.get("code");
    const other = await createAdmin("Other", "admin@other.vn");
    const expired = await issueOAuthState(admin.id, new Date(Date.now() - OAUTH_STATE_TTL_MS - 1000));
    const withState = (state: string | null) => {
      const redirect = new URL(run.redirect);
      if (state === null) redirect.searchParams.delete("state");
      else redirect.searchParams.set("state", state);
      return { ...run, redirect };
    };
    const attempts = [
      () => finishLogin(admin, withState(null)),
      () => finishLogin(admin, withState("forged")),
      () => finishLogin(admin, withState(expired)),
      () => finishLogin(other, run),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ code: "invalid_input", params: { reason: "oauth_state_invalid" } });
    expect(await db().channelAuthorization.count()).toBe(0);
    // Neither the code nor the state was spent on a refused callback: the genuine one still works.
    expect(code).toBeTruthy();
    expect(await finishLogin(admin, run)).toMatchObject({ outcome: "authorized" });
  });

  it("item 6b: a state serves one callback; a second use is refused as already used and changes nothing", async () => {
    const first = await runFacebookDialog(emulator, admin, fb.an.id);
    const state = first.dialogUrl.searchParams.get("state") ?? "";
    // Only the state's hash is kept on the server.
    expect(JSON.stringify(await db().oAuthState.findMany())).not.toContain(state);
    expect(await finishLogin(admin, first)).toMatchObject({ outcome: "authorized" });
    const authorization = await db().channelAuthorization.findFirstOrThrow();

    // The spent state with a fresh, valid code from a second dialog (as Binh this time).
    const second = await runFacebookDialog(emulator, admin, fb.binh.id);
    const replay = new URL(second.redirect);
    replay.searchParams.set("state", state);
    await expect(finishLogin(admin, { ...second, redirect: replay })).rejects.toMatchObject({
      code: "invalid_input",
      params: { reason: "oauth_state_used" },
    });
    expect(await db().channelAuthorization.findMany()).toEqual([authorization]);

    // The same callback twice at once: exactly one goes through.
    const results = await Promise.allSettled([finishLogin(admin, second), finishLogin(admin, second)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { params: { reason: "oauth_state_used" } } });
    expect(await db().channelAuthorization.findFirstOrThrow()).toMatchObject({ platformUserId: fb.binh.id });
  });

  it("comes back with nothing stored when the person cancels the dialog", async () => {
    expect(await signInWithFacebook(emulator, admin, fb.an.id, { cancelAt: "permissions" })).toEqual({ outcome: "denied" });
    expect(await db().channelAuthorization.count()).toBe(0);
  });

  it("names a declined permission, blocks connecting, and re-requests it with auth_type=rerequest", async () => {
    expect(await signInWithFacebook(emulator, admin, fb.an.id, { decline: ["pages_messaging"] })).toEqual({
      outcome: "authorized",
      missingScopes: ["pages_messaging"],
    });
    expect((await listFacebookPages(admin)).account?.missingScopes).toEqual(["pages_messaging"]);
    await expect(connectFacebookPage(admin, fb.hoaMai.id)).rejects.toMatchObject({ params: { reason: "permissions_missing" } });

    const again = await runFacebookDialog(emulator, admin, fb.an.id, { rerequest: true });
    expect(again.dialogUrl.searchParams.get("auth_type")).toBe("rerequest");
    expect(await finishLogin(admin, again)).toEqual({ outcome: "authorized", missingScopes: [] });
    expect(await db().channelAuthorization.count()).toBe(1);
  });
});

describe("listing and connecting pages (step 4)", () => {
  it("lists every ticked page with its state; a page the user only moderates is blocked", async () => {
    await signInWithFacebook(emulator, admin, fb.an.id);
    const view = await listFacebookPages(admin);
    expect(view.account?.name).toBe("Nguyễn Văn An");
    expect(view.pages.map((page) => [page.name, page.state, page.blockedBy])).toEqual([
      ["Shop Thời Trang Hoa Mai", "not_connected", null],
      ["Mỹ Phẩm Thiên Nhiên", "not_connected", null],
      ["Cửa Hàng Lâu Năm", "not_connected", null],
      ["Tiệm Bánh Ngọt Sài Gòn", "not_connected", "not_admin"],
    ]);
    expect(view.pages[0]?.pictureUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/_emulator\/avatar\//);
    expect(JSON.stringify(view)).not.toContain("EAA");
  });

  it("connects a page: webhooks subscribed, the page token stored encrypted (not as plaintext)", async () => {
    await signInWithFacebook(emulator, admin, fb.an.id);
    expect(await connectFacebookPage(admin, fb.hoaMai.id)).toMatchObject({ needsChatMode: true });

    const channel = await db().channel.findFirstOrThrow({ where: { externalId: fb.hoaMai.id } });
    expect(channel).toMatchObject({
      workspaceId: admin.workspaceId,
      name: "Shop Thời Trang Hoa Mai",
      status: "connected",
      chatMode: "only_me",
      connectedById: admin.id,
      authorizedByPlatformUserId: fb.an.id,
    });
    const authorization = await currentFacebookAuthorization(admin.id);
    const pageToken = (await fetchPageAccounts(authorization?.userToken ?? "")).find((page) => page.id === fb.hoaMai.id)?.accessToken ?? "";
    expect(pageToken).toMatch(/^EAA/);
    expect(channel.accessTokenEnc).not.toContain(pageToken);
    expect(channel.accessTokenEnc).not.toContain("EAA");
    expect(decryptSecret(channel.accessTokenEnc)).toBe(pageToken);
    expect(emulator.world.subscriptions.get(fb.hoaMai.id)?.fields).toEqual([...PAGE_WEBHOOK_FIELDS]);
    expect((await listFacebookPages(admin)).pages.find((page) => page.id === fb.hoaMai.id)).toMatchObject({ state: "connected", channelId: channel.id });
  });

  it("refuses a forged connect of a page the user only moderates, touching nothing", async () => {
    await signInWithFacebook(emulator, admin, fb.an.id);
    await expect(connectFacebookPage(admin, fb.banhNgot.id)).rejects.toMatchObject({ code: "forbidden", params: { reason: "not_admin" } });
    await expect(connectFacebookPage(admin, fb.giaDung.id)).rejects.toMatchObject({ code: "not_found", params: { reason: "page_not_found" } });
    expect(await db().channel.count()).toBe(0);
    expect(emulator.world.subscriptions.size).toBe(0);
  });

  it("refuses a page another workspace has connected, with a clear reason", async () => {
    await signInWithFacebook(emulator, admin, fb.an.id);
    await connectFacebookPage(admin, fb.lauNam.id);

    const rival = await createAdmin("Lâu Năm 2", "admin@launam.vn");
    await signInWithFacebook(emulator, rival, fb.binh.id);
    expect((await listFacebookPages(rival)).pages.find((page) => page.id === fb.lauNam.id)).toMatchObject({ blockedBy: "taken", channelId: null });
    await expect(connectFacebookPage(rival, fb.lauNam.id)).rejects.toMatchObject({ code: "conflict", params: { reason: "page_taken" } });
    const channels = await db().channel.findMany();
    expect(channels).toHaveLength(1);
    expect(channels[0]).toMatchObject({ workspaceId: admin.workspaceId, authorizedByPlatformUserId: fb.an.id });
  });

  it("disconnects (unsubscribed, token wiped, history kept) and reconnects as a new connection", async () => {
    await signInWithFacebook(emulator, admin, fb.an.id);
    const { channelId } = await connectFacebookPage(admin, fb.myPham.id);
    const contact = await db().contact.create({ data: { channelId, platformUserId: "2500000000000001", name: "Khách" } });
    await db().conversation.create({ data: { workspaceId: admin.workspaceId, channelId, contactId: contact.id } });

    await disconnectChannel(admin, channelId);
    const disconnected = await db().channel.findUniqueOrThrow({ where: { id: channelId } });
    expect(disconnected).toMatchObject({ status: "disconnected", statusReason: "disconnected_by_admin", accessTokenEnc: "" });
    expect(emulator.world.subscriptions.has(fb.myPham.id)).toBe(false);
    expect(await db().conversation.count({ where: { channelId } })).toBe(1);

    expect(await connectFacebookPage(admin, fb.myPham.id)).toEqual({ channelId, needsChatMode: true });
    expect(await db().channel.findUniqueOrThrow({ where: { id: channelId } })).toMatchObject({ status: "connected", statusReason: null, disconnectedAt: null });
    expect(emulator.world.subscriptions.has(fb.myPham.id)).toBe(true);
  });

  it("does not let an admin disconnect another workspace's channel", async () => {
    await signInWithFacebook(emulator, admin, fb.an.id);
    const { channelId } = await connectFacebookPage(admin, fb.hoaMai.id);
    const stranger = await createAdmin("Other", "admin@other.vn");
    await expect(disconnectChannel(stranger, channelId)).rejects.toMatchObject({ code: "not_found" });
    expect((await db().channel.findUniqueOrThrow({ where: { id: channelId } })).status).toBe("connected");
  });
});
