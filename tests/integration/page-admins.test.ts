// Issue 16: staff who administer a Facebook page connect it themselves while the shop's "Nhân viên
// được tự kết nối Trang của mình" is on — only pages they administer (MANAGE), never one a colleague
// connected here — and their "only me" page brings its customers to them alone. They change only the
// pages they connected, share them only through rules they belong to (or ask admins for one), and
// never edit rules; admins may change any staff member's page (audited, and she is told), take a page
// over ("Tiếp quản"), and when she leaves say where each of her "only me" pages goes. With the setting
// off the channel screens are admin-only again and existing channels keep working. Through the route
// handlers, where the doors are (requireChannelManager, requireAdmin), against the Meta emulator.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { createRule } from "@/lib/assignment/save-rule";
import type { ParsedRuleInput } from "@/lib/assignment/rule-schemas";
import { listShareableRules } from "@/lib/assignment/list-shareable-rules";
import { connectFacebookPage } from "@/lib/channels/facebook/connect-facebook-page";
import { listFacebookPages } from "@/lib/channels/facebook/list-facebook-pages";
import { facebookWizardUrl } from "@/lib/channels/facebook/wizard-url";
import { mayManageChannels } from "@/lib/channels/channel-access-scope";
import { listChannels } from "@/lib/channels/list-channels";
import { listChannelEvents } from "@/lib/channels/channel-events";
import { markChannelNeedsReconnect } from "@/lib/channels/mark-channel-needs-reconnect";
import { platformsNeedingReconnect } from "@/lib/channels/platforms-needing-reconnect";
import { disconnectChannel } from "@/lib/channels/disconnect-channel";
import { getConversation } from "@/lib/inbox/get-conversation";
import { visibleConversationsFor } from "@/lib/inbox/visible-conversations";
import * as channelsRoute from "@/app/api/channels/route";
import * as pagesRoute from "@/app/api/channels/facebook/pages/route";
import * as connectRoute from "@/app/api/channels/facebook/connect/route";
import * as oauthStartRoute from "@/app/api/channels/facebook/oauth/start/route";
import * as chatModeRoute from "@/app/api/channels/[id]/chat-mode/route";
import * as disconnectRoute from "@/app/api/channels/[id]/disconnect/route";
import * as historySyncRoute from "@/app/api/channels/[id]/history-sync/route";
import * as takeOverRoute from "@/app/api/channels/[id]/take-over/route";
import * as rulesRoute from "@/app/api/rules/route";
import * as ruleRoute from "@/app/api/rules/[id]/route";
import * as staffMemberRoute from "@/app/api/staff/[id]/route";
import * as staffChannelsRoute from "@/app/api/staff/[id]/channels/route";
import type { MetaEmulator } from "../../emulators/meta/start-meta-emulator";
import { createSalesRule, createUser, receiveNewConversation } from "../support/assignment-fixtures";
import { createAdmin, facebookWorld, signInWithFacebook, facebookEmulatorHooks } from "../support/facebook-connect";
import { statusOf } from "../support/route-status";
import { callRoute } from "../support/route-session";
import { connectPageAs, createPageAdminShop, shopState } from "../support/page-admin-world";

vi.mock("next/headers", async () => (await import("../support/route-session")).nextHeadersStub);

let emulator: MetaEmulator;
let fb: ReturnType<typeof facebookWorld>;
let admin: SessionUser;
let khoa: SessionUser;
let lan: SessionUser;
let ha: SessionUser;

const facebook = facebookEmulatorHooks({ jobQueue: true });
beforeEach(async () => {
  ({ emulator, fb } = facebook);
  ({ admin, khoa, lan, ha } = await createPageAdminShop());
});

const getChannels = (user: SessionUser) => callRoute(user, channelsRoute.GET);
const listPages = (user: SessionUser) => callRoute(user, pagesRoute.GET);
const connect = (user: SessionUser, pageId: string) => callRoute(user, connectRoute.POST, { method: "POST", body: { pageId } });
const chooseChatMode = (user: SessionUser, id: string, body: unknown) => callRoute(user, chatModeRoute.PUT, { method: "PUT", params: { id }, body });
const disconnect = (user: SessionUser, id: string) => callRoute(user, disconnectRoute.POST, { method: "POST", params: { id } });
const takeOver = (user: SessionUser, id: string) => callRoute(user, takeOverRoute.POST, { method: "POST", params: { id } });
const readSync = (user: SessionUser, id: string) => callRoute(user, historySyncRoute.GET, { params: { id } });
const requestSync = (user: SessionUser, id: string) => callRoute(user, historySyncRoute.POST, { method: "POST", params: { id } });
const deactivate = (actor: SessionUser, id: string, channelHandover?: unknown[]) =>
  callRoute(actor, staffMemberRoute.PATCH, { method: "PATCH", params: { id }, body: { active: false, ...(channelHandover ? { channelHandover } : {}) } });
const refusal = (status: number, reason: string, params: Record<string, unknown> = {}) => ({ status, body: { error: { params: { reason, ...params } } } });
const done = { status: 204, body: null };
const channelOf = (id: string) => db().channel.findUniqueOrThrow({ where: { id } });
const pageChannel = (externalId: string) => db().channel.findUnique({ where: { platform_externalId: { platform: "facebook", externalId } } });
const holderOf = async (conversationId: string) =>
  db().conversation.findUniqueOrThrow({ where: { id: conversationId }, select: { state: true, assigneeId: true, ruleId: true } });
const channelEvents = () =>
  db().channelEvent.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { channelId: true, kind: true, actorUserId: true, ownerUserId: true, detail: true } });

/** Whether `user` sees the conversation anywhere in the inbox (the one visibility rule). */
async function sees(user: SessionUser, conversationId: string): Promise<boolean> {
  return (await db().conversation.count({ where: { AND: [{ id: conversationId }, await visibleConversationsFor(user)] } })) === 1;
}

/** A rule with `members`, no pages yet, distributing in turn unless `options` say otherwise. */
function ruleFor(name: string, members: SessionUser[], options: Partial<ParsedRuleInput> = {}) {
  return createRule(admin, {
    name,
    sourceChannelIds: [],
    memberEmails: members.map((member) => member.email),
    method: "round_robin",
    oldConversationPolicy: "keep_unassigned",
    moveSources: false,
    ...options,
  });
}

/** Lan (as Nguyễn Văn An) connects Hoa Mai as "only me". */
const lansOnlyMePage = () => connectPageAs(emulator, lan, fb.an.id, fb.hoaMai.id);

describe("setting on: a staff member connects a page she administers", () => {
  it("lists her pages, connects one as “only me”, and its new customers come to her alone", async () => {
    await signInWithFacebook(emulator, lan, fb.an.id);
    const pages = await listPages(lan);
    expect(pages.status).toBe(200);
    const listed = (pages.body as { pages: Array<{ name: string; blockedBy: string | null; owner: unknown }> }).pages;
    expect(listed.map((page) => [page.name, page.blockedBy, page.owner])).toEqual([
      ["Shop Thời Trang Hoa Mai", null, null],
      ["Mỹ Phẩm Thiên Nhiên", null, null],
      ["Cửa Hàng Lâu Năm", null, null],
      ["Tiệm Bánh Ngọt Sài Gòn", "not_admin", null],
    ]);

    const connected = await connect(lan, fb.hoaMai.id);
    expect(connected).toMatchObject({ status: 200, body: { needsChatMode: true } });
    const { channelId } = connected.body as { channelId: string };
    expect(await chooseChatMode(lan, channelId, { mode: "only_me" })).toEqual({ status: 204, body: null });
    expect(await pageChannel(fb.hoaMai.id)).toMatchObject({ id: channelId, connectedById: lan.id, chatMode: "only_me", status: "connected", ruleRequestedById: null });
    expect(emulator.world.subscriptions.has(fb.hoaMai.id)).toBe(true);

    const mine = await getChannels(lan);
    expect(mine).toMatchObject({ status: 200, body: { channels: [{ id: channelId, connectedById: lan.id, connectedByName: "Lan", chatMode: "only_me", ruleRequest: null }] } });
    expect((mine.body as { channels: unknown[] }).channels).toHaveLength(1);
    expect(await getChannels(ha)).toEqual({ status: 200, body: { channels: [] } });
    expect((await getChannels(admin)).body).toMatchObject({ channels: [{ id: channelId, connectedByName: "Lan" }] });

    const conversationId = await receiveNewConversation(channelId);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ state: "assigned", assigneeId: lan.id });
    expect(await db().assignmentEvent.findFirst({ where: { conversationId } })).toMatchObject({ kind: "assigned", toUserId: lan.id, reason: "only_me_channel" });
    expect(await sees(lan, conversationId)).toBe(true);
    expect(await sees(ha, conversationId)).toBe(false);
    expect(await statusOf(() => getConversation(ha, conversationId))).toBe(404);
  });

  it("refuses a page she only moderates, edits or analyses (403 not_admin): no channel, no subscription", async () => {
    await signInWithFacebook(emulator, lan, fb.an.id);
    await signInWithFacebook(emulator, ha, fb.binh.id);
    const before = await shopState();

    expect(await connect(lan, fb.banhNgot.id)).toMatchObject(refusal(403, "not_admin"));
    expect(await connect(ha, fb.hoaMai.id)).toMatchObject(refusal(403, "not_admin"));
    expect(await connect(ha, fb.myPham.id)).toMatchObject(refusal(403, "not_admin"));
    expect(await connect(ha, fb.banhNgot.id)).toMatchObject(refusal(404, "page_not_found"));
    expect(await shopState()).toEqual(before);
    expect(await db().channel.count()).toBe(0);
    expect(emulator.world.subscriptions.size).toBe(0);
  });
});

describe("a page a colleague already connected", () => {
  it("another staff member who also administers it sees who has it and cannot connect it (409); an admin may", async () => {
    const channelId = await connectPageAs(emulator, lan, fb.an.id, fb.lauNam.id);
    await signInWithFacebook(emulator, ha, fb.binh.id);
    const owner = { name: "Lan", chatMode: "only_me", ruleName: null };

    const pages = (await listPages(ha)).body as { pages: Array<{ id: string }> };
    expect(pages.pages.find((page) => page.id === fb.lauNam.id)).toEqual(
      expect.objectContaining({ state: "connected", blockedBy: "connected_by_other", channelId, owner }),
    );
    expect(pages.pages.find((page) => page.id === fb.giaDung.id)).toMatchObject({ blockedBy: null, owner: null });

    const before = await shopState();
    const subscription = emulator.world.subscriptions.get(fb.lauNam.id);
    expect(await connect(ha, fb.lauNam.id)).toMatchObject(refusal(409, "connected_by_other", { name: "Lan", chatMode: "only_me", rule: "" }));
    expect(await shopState()).toEqual(before);
    expect(emulator.world.subscriptions.get(fb.lauNam.id)).toEqual(subscription);

    // Once the page is in a rule, the wizard says which one.
    await createSalesRule(admin, [channelId], [ha]);
    expect((await listFacebookPages(ha)).pages.find((page) => page.id === fb.lauNam.id)).toMatchObject({
      blockedBy: "connected_by_other",
      owner: { name: "Lan", chatMode: "shared", ruleName: "Bán hàng" },
    });
    await expect(connectFacebookPage(ha, fb.lauNam.id)).rejects.toMatchObject({
      status: 409,
      params: { reason: "connected_by_other", name: "Lan", chatMode: "shared", rule: "Bán hàng" },
    });

    // An admin who administers the page sees who has it, and is not blocked.
    await signInWithFacebook(emulator, admin, fb.binh.id);
    expect((await listFacebookPages(admin)).pages.find((page) => page.id === fb.lauNam.id)).toMatchObject({
      blockedBy: null,
      owner: { name: "Lan", chatMode: "shared", ruleName: "Bán hàng" },
    });
  });

  it("two colleagues connecting the same page at once: one has it, the other is told who (never “another workspace”)", async () => {
    await signInWithFacebook(emulator, lan, fb.an.id);
    await signInWithFacebook(emulator, ha, fb.binh.id);
    for (let round = 0; round < 5; round++) {
      const answers = await Promise.all([connect(lan, fb.lauNam.id), connect(ha, fb.lauNam.id)]);
      const winner = answers.findIndex((answer) => answer.status === 200);
      expect(winner, JSON.stringify(answers)).not.toBe(-1);
      const owner = [lan, ha][winner]!;
      expect(answers[1 - winner]).toMatchObject(refusal(409, "connected_by_other", { name: owner.name }));
      expect(await db().channel.count()).toBe(1);
      expect(await pageChannel(fb.lauNam.id)).toMatchObject({ connectedById: owner.id });
      await db().channel.deleteMany();
    }
  });

  it("an admin reconnects a staff member's page that needs reconnecting, and it stays hers", async () => {
    const channelId = await connectPageAs(emulator, lan, fb.an.id, fb.hoaMai.id);
    await markChannelNeedsReconnect(channelId, "token_expired");
    expect(await platformsNeedingReconnect(lan)).toEqual(["facebook"]);

    await signInWithFacebook(emulator, admin, fb.an.id);
    expect(await connect(admin, fb.hoaMai.id)).toEqual({ status: 200, body: { channelId, needsChatMode: false } });
    expect(await pageChannel(fb.hoaMai.id)).toMatchObject({ status: "connected", statusReason: null, connectedById: lan.id, chatMode: "only_me" });
    expect(await platformsNeedingReconnect(lan)).toEqual([]);
    const conversationId = await receiveNewConversation(channelId);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).assigneeId).toBe(lan.id);
  });

  it("a page its owner disconnected is free again: a colleague who administers it connects it as her own", async () => {
    const channelId = await connectPageAs(emulator, lan, fb.an.id, fb.lauNam.id);
    await disconnectChannel(lan, channelId);
    await signInWithFacebook(emulator, ha, fb.binh.id);
    expect((await listFacebookPages(ha)).pages.find((page) => page.id === fb.lauNam.id)).toMatchObject({ state: "disconnected", blockedBy: null, owner: null });
    expect(await connect(ha, fb.lauNam.id)).toEqual({ status: 200, body: { channelId, needsChatMode: true } });
    expect(await pageChannel(fb.lauNam.id)).toMatchObject({ status: "connected", connectedById: ha.id });
  });
});

describe("setting off: the channel screens are admin-only again", () => {
  it("refuses staff everywhere with channels_admin_only, while her page keeps working and admins are unaffected", async () => {
    const channelId = await connectPageAs(emulator, lan, fb.an.id, fb.hoaMai.id);
    const adminChannel = await connectPageAs(emulator, khoa, fb.binh.id, fb.giaDung.id);
    await db().workspace.update({ where: { id: lan.workspaceId }, data: { staffMayConnectOwnPages: false } });
    expect(await mayManageChannels(lan)).toBe(false);
    expect(await mayManageChannels(admin)).toBe(true);
    const before = await shopState();

    const adminOnly = refusal(403, "channels_admin_only");
    expect(await getChannels(lan)).toMatchObject(adminOnly);
    expect(await listPages(lan)).toMatchObject(adminOnly);
    expect(await connect(lan, fb.myPham.id)).toMatchObject(adminOnly);
    expect(await chooseChatMode(lan, channelId, { mode: "request_rule" })).toMatchObject(adminOnly);
    expect(await callRoute(lan, disconnectRoute.POST, { method: "POST", params: { id: channelId } })).toMatchObject(adminOnly);
    expect(await callRoute(lan, historySyncRoute.GET, { params: { id: channelId } })).toMatchObject(adminOnly);
    expect(await callRoute(lan, historySyncRoute.POST, { method: "POST", params: { id: channelId } })).toMatchObject(adminOnly);
    // "Thêm kết nối" sends her back to the wizard page (which answers 403), not to Facebook.
    expect((await callRoute(lan, oauthStartRoute.GET)).location).toBe(facebookWizardUrl().toString());
    expect((await callRoute(admin, oauthStartRoute.GET)).location).toContain(emulator.url);
    expect(await shopState()).toEqual(before);

    // Her "only me" page still brings its new customers to her.
    const conversationId = await receiveNewConversation(channelId);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ state: "assigned", assigneeId: lan.id });
    expect(await sees(lan, conversationId)).toBe(true);

    // Admins still manage every channel, hers included.
    const channels = await getChannels(admin);
    expect(channels.status).toBe(200);
    expect((channels.body as { channels: Array<{ id: string }> }).channels.map((channel) => channel.id).sort()).toEqual([channelId, adminChannel].sort());
    expect(await callRoute(admin, historySyncRoute.GET, { params: { id: channelId } })).toMatchObject({ status: 200 });
    await signInWithFacebook(emulator, admin, fb.an.id);
    expect(await connect(admin, fb.myPham.id)).toMatchObject({ status: 200, body: { needsChatMode: true } });
  });
});

describe("the reconnect banner", () => {
  it("shows staff only their own pages that need reconnecting, and admins all of them", async () => {
    const lanPage = await connectPageAs(emulator, lan, fb.an.id, fb.hoaMai.id);
    const haPage = await connectPageAs(emulator, ha, fb.binh.id, fb.giaDung.id);
    await connectPageAs(emulator, lan, fb.an.id, fb.myPham.id);
    await markChannelNeedsReconnect(lanPage, "token_expired");
    expect(await platformsNeedingReconnect(lan)).toEqual(["facebook"]);
    expect(await platformsNeedingReconnect(ha)).toEqual([]);
    expect(await platformsNeedingReconnect(admin)).toEqual(["facebook"]);

    await markChannelNeedsReconnect(haPage, "password_changed");
    expect(await platformsNeedingReconnect(lan)).toEqual(["facebook"]);
    expect(await platformsNeedingReconnect(ha)).toEqual(["facebook"]);
    expect(await platformsNeedingReconnect(admin)).toEqual(["facebook", "facebook"]);
    expect(await platformsNeedingReconnect(khoa)).toEqual(["facebook", "facebook"]);
  });
});

describe("staff change only the pages they connected", () => {
  it("another staff member is refused with not_your_channel everywhere, another workspace gets 404; nothing changes", async () => {
    const channelId = await lansOnlyMePage();
    const conversationId = await receiveNewConversation(channelId);
    const haRule = await createSalesRule(admin, [], [ha]);
    const stranger = await createAdmin("Shop khác", "admin@khac.vn");
    const strangerAgent = await createUser(stranger.workspaceId, { email: "nv@khac.vn", name: "Nhân viên khác" });
    const before = await shopState();

    const notHers = refusal(403, "not_your_channel", { name: "Lan" });
    for (const choice of [{ mode: "only_me" }, { mode: "shared", ruleId: haRule.id }, { mode: "request_rule" }]) {
      expect(await chooseChatMode(ha, channelId, choice)).toMatchObject(notHers);
    }
    expect(await disconnect(ha, channelId)).toMatchObject(notHers);
    expect(await readSync(ha, channelId)).toMatchObject(notHers);
    expect(await requestSync(ha, channelId)).toMatchObject(notHers);
    expect(await takeOver(ha, channelId)).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });

    for (const outsider of [stranger, strangerAgent]) {
      expect(await chooseChatMode(outsider, channelId, { mode: "only_me" })).toMatchObject({ status: 404 });
      expect(await disconnect(outsider, channelId)).toMatchObject({ status: 404 });
      expect(await readSync(outsider, channelId)).toMatchObject({ status: 404 });
      expect(await requestSync(outsider, channelId)).toMatchObject({ status: 404 });
    }
    expect(await takeOver(stranger, channelId)).toMatchObject({ status: 404 });

    expect(await shopState()).toEqual(before);
    expect(emulator.world.subscriptions.has(fb.hoaMai.id)).toBe(true);
    expect(await holderOf(conversationId)).toMatchObject({ assigneeId: lan.id });
    // Her own page is hers to read and sync.
    expect(await readSync(lan, channelId)).toMatchObject({ status: 200, body: { sync: expect.objectContaining({ status: "queued" }) } });
  });
});

describe("sharing a staff member's page", () => {
  it("only through a rule she belongs to; otherwise she asks admins for a rule, which creating one answers", async () => {
    const hoaMai = await lansOnlyMePage();
    const myPham = await connectPageAs(emulator, lan, fb.an.id, fb.myPham.id);
    const hers = await ruleFor("Bán hàng", [lan, ha]);
    const notHers = await ruleFor("Chăm sóc", [ha]);
    expect((await listShareableRules(lan)).map((rule) => rule.name)).toEqual(["Bán hàng"]);
    expect((await listShareableRules(admin)).map((rule) => rule.name)).toEqual(["Bán hàng", "Chăm sóc"]);

    expect(await chooseChatMode(lan, hoaMai, { mode: "shared", ruleId: hers.id })).toEqual(done);
    expect(await channelOf(hoaMai)).toMatchObject({ chatMode: "shared", connectedById: lan.id });
    expect(await db().ruleSource.findUnique({ where: { channelId: hoaMai } })).toMatchObject({ ruleId: hers.id });
    // Her own act needs no notice.
    expect(await db().channelEvent.count()).toBe(0);

    let before = await shopState();
    expect(await chooseChatMode(lan, myPham, { mode: "shared", ruleId: notHers.id })).toMatchObject(refusal(403, "not_rule_member"));
    expect(await shopState()).toEqual(before);

    expect(await chooseChatMode(lan, myPham, { mode: "request_rule" })).toEqual(done);
    expect(await channelOf(myPham)).toMatchObject({ chatMode: "only_me", connectedById: lan.id, ruleRequestedById: lan.id });
    expect((await listChannels(admin)).find((channel) => channel.id === myPham)?.ruleRequest).toEqual({ byName: "Lan", at: expect.any(String) });
    // Until an admin answers, the page stays in her own inbox.
    const waiting = await receiveNewConversation(myPham);
    expect(await holderOf(waiting)).toMatchObject({ state: "assigned", assigneeId: lan.id });

    // Admins create rules; they do not ask for them.
    before = await shopState();
    expect(await chooseChatMode(admin, myPham, { mode: "request_rule" })).toMatchObject(refusal(400, "admin_creates_rules"));
    expect(await shopState()).toEqual(before);

    // "Tạo quy tắc mới" with her page answers the request.
    const created = await callRoute(admin, rulesRoute.POST, {
      method: "POST",
      body: { name: "Mỹ phẩm", sourceChannelIds: [myPham], memberEmails: [ha.email], method: "round_robin", oldConversationPolicy: "keep_unassigned" },
    });
    expect(created.status).toBe(201);
    const rule = (created.body as { rule: { id: string } }).rule;
    expect(await channelOf(myPham)).toMatchObject({ chatMode: "shared", connectedById: lan.id, ruleRequestedById: null, ruleRequestedAt: null });
    expect(await db().ruleSource.findUnique({ where: { channelId: myPham } })).toMatchObject({ ruleId: rule.id });
    expect((await listChannels(admin)).find((channel) => channel.id === myPham)?.ruleRequest).toBeNull();
    expect(await channelEvents()).toEqual([{ channelId: myPham, kind: "moved_to_rule", actorUserId: admin.id, ownerUserId: lan.id, detail: "Mỹ phẩm" }]);
  });

  it("staff cannot create or edit rules (403), and nothing changes", async () => {
    const channelId = await lansOnlyMePage();
    const rule = await ruleFor("Bán hàng", [lan]);
    const before = await shopState();
    const input = { name: "Của Lan", sourceChannelIds: [channelId], memberEmails: [lan.email], method: "round_robin", oldConversationPolicy: "keep_unassigned" };

    expect(await callRoute(lan, rulesRoute.POST, { method: "POST", body: input })).toMatchObject({ status: 403 });
    expect(await callRoute(lan, ruleRoute.PATCH, { method: "PATCH", params: { id: rule.id }, body: input })).toMatchObject({ status: 403 });
    expect(await callRoute(lan, ruleRoute.DELETE, { method: "DELETE", params: { id: rule.id } })).toMatchObject({ status: 403 });
    expect(await shopState()).toEqual(before);
  });
});

describe("admins acting on a staff member's page", () => {
  it("moving her “only me” page into a rule is allowed and audited; she is told, other staff are not", async () => {
    const channelId = await lansOnlyMePage();
    const rule = await ruleFor("Bán hàng", [ha]);

    expect(await chooseChatMode(admin, channelId, { mode: "shared", ruleId: rule.id })).toEqual(done);
    expect(await channelOf(channelId)).toMatchObject({ chatMode: "shared", connectedById: lan.id });
    expect(await channelEvents()).toEqual([{ channelId, kind: "moved_to_rule", actorUserId: admin.id, ownerUserId: lan.id, detail: "Bán hàng" }]);
    const notice = { kind: "moved_to_rule", channelName: "Shop Thời Trang Hoa Mai", platform: "facebook", actorName: admin.name, ownerName: "Lan", detail: "Bán hàng" };
    expect(await listChannelEvents(lan)).toMatchObject([notice]);
    expect(await listChannelEvents(admin)).toMatchObject([notice]);
    expect(await listChannelEvents(ha)).toEqual([]);

    // Making it "only me" again makes it the admin's own: she is told that too, and no longer manages it.
    expect(await chooseChatMode(admin, channelId, { mode: "only_me" })).toEqual(done);
    expect(await channelOf(channelId)).toMatchObject({ chatMode: "only_me", connectedById: admin.id });
    expect((await listChannelEvents(lan)).map((event) => [event.kind, event.detail])).toEqual([
      ["made_only_me", admin.name],
      ["moved_to_rule", "Bán hàng"],
    ]);
    expect(await listChannels(lan)).toEqual([]);
  });

  it("“Tiếp quản”: the admin owns her page and the conversations she held there; she can no longer change it", async () => {
    const channelId = await lansOnlyMePage();
    const held = [await receiveNewConversation(channelId), await receiveNewConversation(channelId)];

    let before = await shopState();
    expect(await takeOver(ha, channelId)).toMatchObject({ status: 403 });
    expect(await takeOver(lan, channelId)).toMatchObject({ status: 403 });
    expect(await shopState()).toEqual(before);

    expect(await takeOver(admin, channelId)).toEqual(done);
    expect(await channelOf(channelId)).toMatchObject({ connectedById: admin.id, chatMode: "only_me", status: "connected" });
    for (const conversationId of held) expect(await holderOf(conversationId)).toMatchObject({ state: "assigned", assigneeId: admin.id });
    const moves = await db().assignmentEvent.findMany({ where: { reason: "channel_changed_hands" }, select: { conversationId: true, kind: true, fromUserId: true, toUserId: true, actorUserId: true } });
    expect(moves.map((move) => move.conversationId).sort()).toEqual([...held].sort());
    expect(moves.every((move) => move.kind === "reassigned" && move.fromUserId === lan.id && move.toUserId === admin.id && move.actorUserId === admin.id)).toBe(true);
    expect(await channelEvents()).toEqual([{ channelId, kind: "taken_over", actorUserId: admin.id, ownerUserId: lan.id, detail: admin.name }]);
    expect(await listChannelEvents(lan)).toMatchObject([{ kind: "taken_over", actorName: admin.name, ownerName: "Lan" }]);

    expect(await listChannels(lan)).toEqual([]);
    expect(await getChannels(lan)).toEqual({ status: 200, body: { channels: [] } });
    before = await shopState();
    expect(await chooseChatMode(lan, channelId, { mode: "only_me" })).toMatchObject(refusal(403, "not_your_channel", { name: admin.name }));
    expect(await disconnect(lan, channelId)).toMatchObject(refusal(403, "not_your_channel", { name: admin.name }));
    expect(await shopState()).toEqual(before);
    expect(await holderOf(await receiveNewConversation(channelId))).toMatchObject({ assigneeId: admin.id });

    // Taking over one's own page changes nothing.
    expect(await takeOver(admin, channelId)).toEqual(done);
    expect(await db().channelEvent.count()).toBe(1);
  });

  it("making her “only me” page his own “only me” page brings him the conversations she held there, like a take-over", async () => {
    const channelId = await lansOnlyMePage();
    const held = await receiveNewConversation(channelId);
    expect(await holderOf(held)).toMatchObject({ assigneeId: lan.id });

    expect(await chooseChatMode(admin, channelId, { mode: "only_me" })).toEqual(done);
    expect(await channelOf(channelId)).toMatchObject({ chatMode: "only_me", connectedById: admin.id });
    expect(await holderOf(held)).toMatchObject({ state: "assigned", assigneeId: admin.id });
    expect(await sees(lan, held)).toBe(false);
    expect(await channelEvents()).toEqual([{ channelId, kind: "made_only_me", actorUserId: admin.id, ownerUserId: lan.id, detail: admin.name }]);
  });

  it("another admin's active “only me” page: changing its chat permission is refused, taking it over works", async () => {
    const channelId = await connectPageAs(emulator, khoa, fb.binh.id, fb.giaDung.id);
    const conversationId = await receiveNewConversation(channelId);
    const rule = await ruleFor("Bán hàng", [ha]);
    const before = await shopState();

    const his = refusal(403, "only_me_other_admin", { name: "Khoa" });
    expect(await chooseChatMode(admin, channelId, { mode: "only_me" })).toMatchObject(his);
    expect(await chooseChatMode(admin, channelId, { mode: "shared", ruleId: rule.id })).toMatchObject(his);
    expect(await shopState()).toEqual(before);

    expect(await takeOver(admin, channelId)).toEqual(done);
    expect(await channelOf(channelId)).toMatchObject({ connectedById: admin.id, chatMode: "only_me" });
    expect(await holderOf(conversationId)).toMatchObject({ assigneeId: admin.id });
    expect(await channelEvents()).toEqual([{ channelId, kind: "taken_over", actorUserId: admin.id, ownerUserId: khoa.id, detail: admin.name }]);
    expect(await chooseChatMode(admin, channelId, { mode: "shared", ruleId: rule.id })).toEqual(done);
  });

  it("disconnecting her page is audited with her as the owner; her own disconnect needs no notice", async () => {
    const channelId = await lansOnlyMePage();
    const haPage = await connectPageAs(emulator, ha, fb.binh.id, fb.giaDung.id);

    expect(await disconnect(admin, channelId)).toEqual(done);
    expect(await channelOf(channelId)).toMatchObject({ status: "disconnected", statusReason: "disconnected_by_admin", accessTokenEnc: "" });
    expect(emulator.world.subscriptions.has(fb.hoaMai.id)).toBe(false);
    expect(await channelEvents()).toEqual([{ channelId, kind: "disconnected", actorUserId: admin.id, ownerUserId: lan.id, detail: null }]);
    expect(await listChannelEvents(lan)).toMatchObject([{ kind: "disconnected", channelName: "Shop Thời Trang Hoa Mai", actorName: admin.name }]);
    expect(await listChannelEvents(ha)).toEqual([]);

    expect(await disconnect(ha, haPage)).toEqual(done);
    expect(await channelOf(haPage)).toMatchObject({ status: "disconnected" });
    expect(await db().channelEvent.count()).toBe(1);
  });
});

describe("deactivating a staff member who connected pages", () => {
  /** Lan holds two conversations on her "only me" Hoa Mai, and shares Mỹ Phẩm through "Bán hàng". */
  async function lansPages() {
    const onlyMe = await lansOnlyMePage();
    const held = [await receiveNewConversation(onlyMe), await receiveNewConversation(onlyMe)];
    const sales = await ruleFor("Bán hàng", [lan, ha]);
    const shared = await connectPageAs(emulator, lan, fb.an.id, fb.myPham.id, { mode: "shared", ruleId: sales.id });
    return { onlyMe, held, shared };
  }

  it("asks where each “only me” page goes first (409), refuses a non-admin target (400), then hands the pages on", async () => {
    const { onlyMe, held, shared } = await lansPages();

    const listed = await callRoute(admin, staffChannelsRoute.GET, { params: { id: lan.id } });
    expect(listed.status).toBe(200);
    expect((listed.body as { channels: Array<{ id: string }> }).channels.map((channel) => channel.id).sort()).toEqual([onlyMe, shared].sort());
    expect(await callRoute(ha, staffChannelsRoute.GET, { params: { id: lan.id } })).toMatchObject({ status: 403 });

    const before = await shopState();
    expect(await deactivate(admin, lan.id)).toMatchObject(refusal(409, "channel_handover_required", { count: 1 }));
    expect(await deactivate(admin, lan.id, [{ channelId: onlyMe, to: "admin", adminId: ha.id }])).toMatchObject(refusal(400, "handover_admin_invalid"));
    expect(await deactivate(admin, lan.id, [{ channelId: onlyMe, to: "admin", adminId: lan.id }])).toMatchObject(refusal(400, "handover_admin_invalid"));
    expect(await shopState()).toEqual(before);

    expect(await deactivate(admin, lan.id, [{ channelId: onlyMe, to: "admin", adminId: khoa.id }])).toEqual({ status: 200, body: { ok: true } });
    expect(await db().user.findUniqueOrThrow({ where: { id: lan.id } })).toMatchObject({ active: false });
    expect(await channelOf(onlyMe)).toMatchObject({ connectedById: khoa.id, chatMode: "only_me", status: "connected" });
    // Her conversations there went with the page, not back to a queue.
    for (const conversationId of held) expect(await holderOf(conversationId)).toMatchObject({ state: "assigned", assigneeId: khoa.id });
    expect(await db().assignmentEvent.count({ where: { conversationId: { in: held }, kind: "orphaned" } })).toBe(0);
    expect(await db().assignmentEvent.count({ where: { conversationId: { in: held }, reason: "channel_changed_hands", toUserId: khoa.id } })).toBe(2);
    // Her shared page passes to the admin who deactivated her; its rule still answers it.
    expect(await channelOf(shared)).toMatchObject({ connectedById: admin.id, chatMode: "shared" });
    expect(await db().ruleSource.findUnique({ where: { channelId: shared } })).not.toBeNull();
    expect((await channelEvents()).filter((event) => event.kind === "handed_over").sort((a, b) => a.channelId.localeCompare(b.channelId))).toEqual(
      [
        { channelId: onlyMe, kind: "handed_over", actorUserId: admin.id, ownerUserId: lan.id, detail: "Khoa" },
        { channelId: shared, kind: "handed_over", actorUserId: admin.id, ownerUserId: lan.id, detail: admin.name },
      ].sort((a, b) => a.channelId.localeCompare(b.channelId)),
    );
    expect(await db().conversation.count({ where: { assigneeId: lan.id, state: "assigned" } })).toBe(0);
    expect(await holderOf(await receiveNewConversation(onlyMe))).toMatchObject({ assigneeId: khoa.id });
  });

  it("an “only me” page handed to a rule becomes its shared source, owned by the acting admin; her conversations follow the rule's policy", async () => {
    const { onlyMe, held } = await lansPages();
    const care = await ruleFor("Chăm sóc", [ha], { oldConversationPolicy: "distribute_all" });

    expect(await deactivate(admin, lan.id, [{ channelId: onlyMe, to: "rule", ruleId: care.id }])).toEqual({ status: 200, body: { ok: true } });
    expect(await db().user.findUniqueOrThrow({ where: { id: lan.id } })).toMatchObject({ active: false });
    expect(await channelOf(onlyMe)).toMatchObject({ connectedById: admin.id, chatMode: "shared", ruleRequestedById: null });
    expect(await db().ruleSource.findUnique({ where: { channelId: onlyMe } })).toMatchObject({ ruleId: care.id });
    for (const conversationId of held) expect(await holderOf(conversationId)).toMatchObject({ state: "assigned", assigneeId: ha.id, ruleId: care.id });
    expect(await db().assignmentEvent.count({ where: { conversationId: { in: held }, kind: "orphaned", reason: "member_deactivated" } })).toBe(2);
    expect(await channelEvents()).toContainEqual({ channelId: onlyMe, kind: "handed_over", actorUserId: admin.id, ownerUserId: lan.id, detail: admin.name });
    expect(await holderOf(await receiveNewConversation(onlyMe))).toMatchObject({ state: "assigned", assigneeId: ha.id, ruleId: care.id });
  });
});
