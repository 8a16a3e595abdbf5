// Who may reply (only the assignee; an admin takes over, and the previous assignee is told at once),
// and the indicators the assignee's activity sends to the customer (typing, seen).
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { sendReply } from "@/lib/inbox/send-reply";
import { reportTyping } from "@/lib/inbox/report-typing";
import { markConversationSeen } from "@/lib/inbox/mark-conversation-seen";
import { createChannel, createWorkspace, receiveNewConversation } from "../support/assignment-fixtures";
import { customerInbox, replySceneHooks, sendApiCalls, startTestEmulator, type ReplyScene } from "../support/reply-fixtures";
import { realtimeTestServerHooks, type RealtimeTestServer } from "../support/realtime-test-server";

const emulator = await startTestEmulator();
let scene: ReplyScene;
let realtime: RealtimeTestServer;
replySceneHooks(emulator, (fresh) => (scene = fresh));

realtimeTestServerHooks((server) => (realtime = server));

const reply = (user: SessionUser, conversationId = scene.conversationId) =>
  sendReply(user, conversationId, { clientMessageId: randomUUID(), text: "Dạ shop nghe ạ" });

describe("who may reply", () => {
  it("refuses an agent who is not the assignee (they cannot even see it: 404), storing and sending nothing", async () => {
    await expect(reply(scene.otherAgent)).rejects.toMatchObject({ code: "not_found" });
    await db().conversation.update({ where: { id: scene.conversationId }, data: { assigneeId: scene.otherAgent.id } });
    await expect(reply(scene.agent)).rejects.toMatchObject({ code: "not_found" });
    expect(await db().message.count()).toBe(0);
    expect(sendApiCalls(emulator, scene)).toHaveLength(0);
  });

  it("asks a rule member to claim a waiting self-claim conversation before replying (403)", async () => {
    const rule = await db().assignmentRule.create({
      data: {
        workspaceId: scene.admin.workspaceId,
        name: "Nhận chat",
        method: "self_claim",
        members: { create: [{ userId: scene.agent.id, position: 0 }] },
      },
    });
    await db().conversation.update({ where: { id: scene.conversationId }, data: { assigneeId: null, state: "awaiting_claim", ruleId: rule.id } });
    await expect(reply(scene.agent)).rejects.toMatchObject({ status: 403, params: { reason: "claim_first" } });
    expect(await db().message.count()).toBe(0);
  });

  it("lets an admin take over: reassigned, recorded, and the previous assignee is told who took it", async () => {
    const agentSocket = await realtime.connectAs(scene.agent);
    const removed = new Promise((resolve) => agentSocket.on("conversation:removed", resolve));

    const message = await reply(scene.admin);
    expect(message.sender).toEqual({ id: scene.admin.id, name: scene.admin.name });
    await expect(removed).resolves.toEqual({ conversationId: scene.conversationId, reason: "reassigned", byName: scene.admin.name });
    expect(await db().conversation.findUniqueOrThrow({ where: { id: scene.conversationId } })).toMatchObject({
      assigneeId: scene.admin.id,
      state: "assigned",
    });
    expect(await db().assignmentEvent.findMany({ where: { conversationId: scene.conversationId } })).toEqual([
      expect.objectContaining({ kind: "taken_over", fromUserId: scene.agent.id, toUserId: scene.admin.id, actorUserId: scene.admin.id, reason: "admin_replied" }),
    ]);
    await vi.waitFor(() => expect(customerInbox(emulator, scene)).toHaveLength(1), { timeout: 10_000 });
    await expect(reply(scene.agent)).rejects.toMatchObject({ code: "not_found" });
  });

  it("keeps replies of another workspace's conversation out of reach (404)", async () => {
    const { admin: stranger } = await createWorkspace("Other");
    await expect(reply(stranger)).rejects.toMatchObject({ status: 404 });
  });
});

describe("typing and seen", () => {
  it("shows the assignee's typing to the customer, at most once per few seconds, and to other viewers", async () => {
    const adminSocket = await realtime.connectAs(scene.admin);
    const typing = new Promise((resolve) => adminSocket.on("typing", resolve));
    await reportTyping(scene.agent, scene.conversationId, true);
    await reportTyping(scene.agent, scene.conversationId, true);
    await reportTyping(scene.agent, scene.conversationId, false);
    await expect(typing).resolves.toEqual({ conversationId: scene.conversationId, userId: scene.agent.id, name: scene.agent.name });
    expect(sendApiCalls(emulator, scene).map((call) => call.senderAction)).toEqual(["typing_on", "typing_off"]);
  });

  it("does not show an admin's typing to the customer before they take over", async () => {
    await reportTyping(scene.admin, scene.conversationId, true);
    expect(sendApiCalls(emulator, scene)).toHaveLength(0);
  });

  it("marks the conversation seen for the assignee: unread to zero, and 'Seen' on Messenger", async () => {
    await markConversationSeen(scene.admin, scene.conversationId);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: scene.conversationId } })).unreadCount).toBe(1);

    await markConversationSeen(scene.agent, scene.conversationId);
    expect((await db().conversation.findUniqueOrThrow({ where: { id: scene.conversationId } })).unreadCount).toBe(0);
    expect(sendApiCalls(emulator, scene).map((call) => call.senderAction)).toEqual(["mark_seen"]);
    expect(emulator.world.threadOf(scene.pageId, scene.psid)?.pageSeenWatermark).toBeGreaterThan(0);

    await markConversationSeen(scene.agent, scene.conversationId);
    expect(sendApiCalls(emulator, scene)).toHaveLength(1);
  });

  it("logs a failed indicator instead of failing the agent's request", async () => {
    const channelId = await createChannel(scene.admin.workspaceId, scene.admin.id, { chatMode: "only_me" });
    const conversationId = await receiveNewConversation(channelId);
    await db().conversation.update({ where: { id: conversationId }, data: { unreadCount: 2 } });
    await expect(markConversationSeen(scene.admin, conversationId)).resolves.toBeUndefined();
    expect((await db().conversation.findUniqueOrThrow({ where: { id: conversationId } })).unreadCount).toBe(0);
  });
});
