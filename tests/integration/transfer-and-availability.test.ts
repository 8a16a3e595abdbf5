// "Chuyển cho…" between two agents' live sockets, and "Sẵn sàng nhận chat" kept from the inbox tabs
// of real Socket.io clients, on real PostgreSQL.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import type { ServerEventPayload } from "@/lib/realtime/events";
import { createRule } from "@/lib/assignment/save-rule";
import { transferConversation } from "@/lib/assignment/reassign-conversation";
import { listAssignmentHistory } from "@/lib/assignment/list-assignment-history";
import { sendReply } from "@/lib/inbox/send-reply";
import { markAbsentAway } from "@/lib/availability/mark-absent-away";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace, receiveNewConversation } from "../support/assignment-fixtures";
import { realtimeTestServerHooks, type RealtimeTestServer } from "../support/realtime-test-server";

let realtime: RealtimeTestServer;
let admin: SessionUser;
let workspaceId: string;
let ha: SessionUser;
let minh: SessionUser;
let outsider: SessionUser;
let channelId: string;

realtimeTestServerHooks((server) => (realtime = server));
beforeEach(async () => {
  await resetDatabase();
  ({ admin, workspaceId } = await createWorkspace());
  [ha, minh, outsider] = (await createStaff(workspaceId, 3)) as [SessionUser, SessionUser, SessionUser];
  channelId = await createChannel(workspaceId, admin.id);
  await createRule(admin, {
    name: "Bán hàng",
    sourceChannelIds: [channelId],
    memberEmails: [ha.email, minh.email],
    method: "round_robin",
    oldConversationPolicy: "keep_unassigned",
    moveSources: false,
  });
});

describe("Chuyển cho…", () => {
  it("moves the conversation to the colleague live, with the note, and the sender can no longer write", async () => {
    const id = await receiveNewConversation(channelId);
    const [haSocket, minhSocket] = await Promise.all([realtime.connectAs(ha), realtime.connectAs(minh)]);
    const removed = new Promise<ServerEventPayload<"conversation:removed">>((resolve) => haSocket.on("conversation:removed", resolve));
    const arrived = new Promise<ServerEventPayload<"conversation:upsert">>((resolve) => minhSocket.on("conversation:upsert", resolve));

    await transferConversation(ha, id, minh.id, "Khách hỏi size, em nghỉ ca");

    expect((await arrived).conversation).toMatchObject({ id, assignee: { id: minh.id } });
    expect(await removed).toMatchObject({ conversationId: id, reason: "reassigned", byName: minh.name });
    await expect(sendReply(ha, id, { clientMessageId: randomUUID(), text: "Dạ" })).rejects.toMatchObject({ code: "not_found" });
    const history = await listAssignmentHistory(minh, id);
    expect(history.events[0]).toMatchObject({ kind: "transferred", note: "Khách hỏi size, em nghỉ ca", from: { id: ha.id }, to: { id: minh.id } });
  });

  it("refuses a receiver outside the rule or locked, and an agent passing on a colleague's conversation; nothing changes", async () => {
    const id = await receiveNewConversation(channelId);
    await expect(transferConversation(ha, id, outsider.id, null)).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { userId: ["not_rule_member"] } });
    await db().user.update({ where: { id: minh.id }, data: { active: false } });
    await expect(transferConversation(ha, id, minh.id, null)).rejects.toMatchObject({ fieldErrors: { userId: ["not_rule_member"] } });
    await db().user.update({ where: { id: minh.id }, data: { active: true } });
    await expect(transferConversation(minh, id, minh.id, null)).rejects.toMatchObject({ code: "not_found" });
    expect(await db().conversation.findUniqueOrThrow({ where: { id } })).toMatchObject({ assigneeId: ha.id, state: "assigned" });
    expect(await db().assignmentEvent.count({ where: { conversationId: id } })).toBe(1);
  });
});

describe("Sẵn sàng nhận chat with several inbox tabs", () => {
  const longAgo = new Date(Date.now() - 60 * 60_000);
  const pretendLongAbsent = () => db().user.update({ where: { id: ha.id }, data: { lastInboxSeenAt: longAgo, availabilityChangedAt: longAgo } });
  const availability = async () => (await db().user.findUniqueOrThrow({ where: { id: ha.id } })).availability;
  const openTabs = () => db().inboxTab.count({ where: { userId: ha.id } });

  it("keeps the agent available while one of two tabs stays open, and turns her away once none has been open for the configured time", async () => {
    const [first, second] = await Promise.all([realtime.connectAs(ha), realtime.connectAs(ha)]);
    await Promise.all([first.emitWithAck("inbox:open"), second.emitWithAck("inbox:open")]);
    expect(await openTabs()).toBe(2);

    first.close();
    await expect.poll(openTabs).toBe(1);
    await pretendLongAbsent();
    expect(await markAbsentAway(15)).toEqual([]);
    expect(await availability()).toBe("available");

    // The heartbeat keeps the remaining tab fresh; closing it starts the count from now.
    await second.emitWithAck("inbox:open");
    second.close();
    await expect.poll(openTabs).toBe(0);
    expect(await markAbsentAway(15)).toEqual([]);
    await pretendLongAbsent();
    expect(await markAbsentAway(15)).toEqual([ha.id]);
    expect(await availability()).toBe("away");
  });

  it("does not count a tab whose heartbeat stopped (its process died)", async () => {
    await db().inboxTab.create({ data: { id: "dead-socket", userId: ha.id, lastSeenAt: longAgo } });
    await pretendLongAbsent();
    expect(await markAbsentAway(15)).toEqual([ha.id]);
    expect(await openTabs()).toBe(0);
  });
});
