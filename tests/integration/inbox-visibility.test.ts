// Who sees what in the inbox read APIs: each tab per role, the "only me" switch for admins, other
// workspaces, the badge counts, and 404 for a conversation the user may not see.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listConversations } from "@/lib/inbox/list-conversations";
import { getConversation } from "@/lib/inbox/get-conversation";
import { listMessages } from "@/lib/inbox/list-messages";
import { conversationCounts } from "@/lib/inbox/conversation-counts";
import { listInboxChannels } from "@/lib/inbox/list-inbox-channels";
import { conversationTabs, summaryInTab, type ConversationTab } from "@/lib/inbox/conversation-tabs";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace } from "../support/assignment-fixtures";
import { addConversation, addMessages, createRule } from "../support/inbox-fixtures";

let adminA: SessionUser;
let adminB: SessionUser;
let ha: SessionUser;
let minh: SessionUser;
let lan: SessionUser;
let c: Record<string, string>;
let channels: Record<string, string>;

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

beforeEach(async () => {
  await resetDatabase();
  const { workspaceId, admin } = await createWorkspace("Shop");
  adminA = admin;
  [adminB] = (await createStaff(workspaceId, 1, { role: "admin", prefix: "admin-b" })) as [SessionUser];
  [ha, minh, lan] = (await createStaff(workspaceId, 3, { prefix: "agent" })) as [SessionUser, SessionUser, SessionUser];
  channels = {
    hoaMai: await createChannel(workspaceId, adminA.id, { name: "Shop Hoa Mai", chatMode: "shared" }),
    myPham: await createChannel(workspaceId, adminA.id, { name: "Mỹ Phẩm", chatMode: "shared" }),
    riengB: await createChannel(workspaceId, adminB.id, { name: "Trang riêng của B", chatMode: "only_me" }),
  };
  const selfClaim = await createRule(workspaceId, { name: "Tự nhận", method: "self_claim", channelIds: [channels.hoaMai!], members: [ha, minh] });
  const lanRule = await createRule(workspaceId, { name: "Của Lan", method: "self_claim", channelIds: [channels.myPham!], members: [lan] });
  c = {
    haOwn: await addConversation({ channelId: channels.hoaMai!, customer: "Nguyễn Văn An", lastMessageAt: minutesAgo(1), assignee: ha, ruleId: selfClaim, unreadCount: 2 }),
    queueHa: await addConversation({ channelId: channels.hoaMai!, customer: "Trần Đức Bình", lastMessageAt: minutesAgo(2), state: "awaiting_claim", ruleId: selfClaim, unreadCount: 1 }),
    lanOwn: await addConversation({ channelId: channels.myPham!, customer: "Lê Thị Cúc", lastMessageAt: minutesAgo(3), assignee: lan, ruleId: lanRule }),
    queueLan: await addConversation({ channelId: channels.myPham!, customer: "Phạm Thu Dung", lastMessageAt: minutesAgo(4), state: "awaiting_claim", ruleId: lanRule }),
    synced: await addConversation({ channelId: channels.hoaMai!, customer: "Hoàng Minh Em", lastMessageAt: minutesAgo(5), origin: "synced" }),
    onlyMeB: await addConversation({ channelId: channels.riengB!, customer: "Vũ Gia Hân", lastMessageAt: minutesAgo(6), assignee: adminB, unreadCount: 4 }),
    orphan: await addConversation({ channelId: channels.myPham!, customer: "Đỗ Quang Khải", lastMessageAt: minutesAgo(7), unreadCount: 1 }),
    adminOwn: await addConversation({ channelId: channels.hoaMai!, customer: "Bùi Lan Hương", lastMessageAt: minutesAgo(8), assignee: adminA }),
  };
  const other = await createWorkspace("Other shop");
  const otherChannel = await createChannel(other.workspaceId, other.admin.id, { name: "Trang khác" });
  c.stranger = await addConversation({ channelId: otherChannel, customer: "Nguyễn Khác", lastMessageAt: minutesAgo(0), assignee: other.admin });
});

async function tabIds(user: SessionUser, tab: ConversationTab): Promise<string[]> {
  return (await listConversations(user, { tab })).conversations.map((conversation) => conversation.id);
}

describe("conversation list per role and tab", () => {
  it("an agent sees their own conversations and only their rules' queue", async () => {
    expect(await tabIds(ha, "mine")).toEqual([c.haOwn]);
    expect(await tabIds(ha, "queue")).toEqual([c.queueHa]);
    expect(await tabIds(minh, "mine")).toEqual([]);
    expect(await tabIds(minh, "queue")).toEqual([c.queueHa]);
    expect(await tabIds(lan, "mine")).toEqual([c.lanOwn]);
    expect(await tabIds(lan, "queue")).toEqual([c.queueLan]);
  });

  it("refuses the admin tabs to agents", async () => {
    await expect(listConversations(ha, { tab: "all" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listConversations(ha, { tab: "old" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an admin sees every queue, everything, and the conversations nobody takes care of", async () => {
    expect(await tabIds(adminA, "mine")).toEqual([c.adminOwn]);
    expect(await tabIds(adminA, "queue")).toEqual([c.queueHa, c.queueLan]);
    expect(await tabIds(adminA, "all")).toEqual([c.haOwn, c.queueHa, c.lanOwn, c.queueLan, c.synced, c.onlyMeB, c.orphan, c.adminOwn]);
    expect(await tabIds(adminA, "old")).toEqual([c.synced, c.orphan]);
  });

  it("hides another admin's 'only me' page when the workspace says so", async () => {
    await db().workspace.update({ where: { id: adminA.workspaceId }, data: { adminsSeeOnlyMeChannels: false } });
    expect(await tabIds(adminA, "all")).not.toContain(c.onlyMeB);
    expect(await tabIds(adminB, "all")).toContain(c.onlyMeB);
    expect(await tabIds(adminB, "mine")).toEqual([c.onlyMeB]);
    expect(await tabIds(adminA, "mine")).toEqual([c.adminOwn]);
    await expect(getConversation(adminA, c.onlyMeB!)).rejects.toMatchObject({ code: "not_found" });
    expect((await listInboxChannels(adminA)).map((channel) => channel.name)).toEqual(["Mỹ Phẩm", "Shop Hoa Mai"]);
  });

  it("places live updates by the same tab rule as the server (summaryInTab)", async () => {
    const everything = (await listConversations(adminA, { tab: "all" })).conversations;
    for (const tab of conversationTabs) {
      expect(everything.filter((summary) => summaryInTab(summary, adminA.id, tab)).map((summary) => summary.id)).toEqual(await tabIds(adminA, tab));
    }
  });

  it("filters by page", async () => {
    const page = await listConversations(adminA, { tab: "all", channelId: channels.myPham });
    expect(page.conversations.map((conversation) => conversation.id)).toEqual([c.lanOwn, c.queueLan, c.orphan]);
    expect(await listInboxChannels(ha)).toEqual([expect.objectContaining({ id: channels.hoaMai, name: "Shop Hoa Mai" })]);
  });

  it("counts the waiting conversations of the queue, and the unread ones of the other tabs", async () => {
    expect(await conversationCounts(ha)).toEqual({ mine: 1, queue: 1 });
    expect(await conversationCounts(lan)).toEqual({ mine: 0, queue: 1 });
    expect(await conversationCounts(adminA)).toEqual({ mine: 0, queue: 2, all: 4, old: 1 });
  });
});

describe("one conversation", () => {
  it("is 404 for anyone who may not see it, in every read API", async () => {
    for (const [user, id] of [
      [ha, c.lanOwn],
      [lan, c.queueHa],
      [lan, c.haOwn],
      [adminA, c.stranger],
      [ha, "does-not-exist"],
    ] as const) {
      await expect(getConversation(user, id!)).rejects.toMatchObject({ code: "not_found" });
      await expect(listMessages(user, id!, {})).rejects.toMatchObject({ code: "not_found" });
    }
    // A fellow member of its self-claim rule is told who holds it instead (issue 9, item 7).
    await expect(getConversation(minh, c.haOwn!)).rejects.toMatchObject({ code: "conflict", params: { reason: "claimed", name: ha.name } });
  });

  it("says what the viewer may do: reply, claim, or take over", async () => {
    expect((await getConversation(ha, c.haOwn!)).viewer).toEqual({ reply: "assignee", canClaim: false });
    expect((await getConversation(minh, c.queueHa!)).viewer).toEqual({ reply: null, canClaim: true });
    expect((await getConversation(adminA, c.haOwn!)).viewer).toEqual({ reply: "take_over", canClaim: false });
    expect((await getConversation(adminA, c.queueHa!)).viewer).toEqual({ reply: "take_over", canClaim: false });
  });

  it("returns the summary with page, rule and reply window", async () => {
    const detail = await getConversation(ha, c.queueHa!);
    expect(detail.conversation).toMatchObject({ id: c.queueHa, state: "awaiting_claim", contact: { name: "Trần Đức Bình" }, channel: { name: "Shop Hoa Mai" } });
    expect(detail.conversation.lastInboundAt).toEqual(expect.any(String));
    expect(detail.channel).toEqual({ id: channels.hoaMai, name: "Shop Hoa Mai", status: "connected", statusReason: null });
    expect(detail.rule).toMatchObject({ name: "Tự nhận", method: "self_claim" });
  });

  it("lists the messages of a visible conversation", async () => {
    const ids = await addMessages(c.queueHa!, 3, { start: minutesAgo(30) });
    const page = await listMessages(minh, c.queueHa!, {});
    expect(page.messages.map((message) => message.id)).toEqual(ids);
    expect(page.nextCursor).toBeNull();
  });
});
