// Private notes ("Ghi chú nội bộ"): stored in the thread for colleagues only, never sent to the
// customer, never counted as a reply (the conversation row stays exactly as it was), with @mentions
// of colleagues who may see the conversation, who are told on their own socket.
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session-token";
import { addNote } from "@/lib/notes/add-note";
import { listMentionable } from "@/lib/notes/list-mentionable";
import { NOTE_MAX_LENGTH } from "@/lib/notes/note-limits";
import { listMessages } from "@/lib/inbox/list-messages";
import { markConversationSeen } from "@/lib/inbox/mark-conversation-seen";
import { sendReply } from "@/lib/inbox/send-reply";
import { SEND_REPLY_QUEUE } from "@/lib/inbox/reply-delivery-queue";
import { emitTo } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";
import { customerInbox, replyQueueIdle, replySceneHooks, sendApiCalls, startTestEmulator, type ReplyScene } from "../support/reply-fixtures";
import { realtimeTestServerHooks, type RealtimeTestServer } from "../support/realtime-test-server";

const emulator = await startTestEmulator();
let scene: ReplyScene;
let realtime: RealtimeTestServer;
replySceneHooks(emulator, (fresh) => (scene = fresh));

realtimeTestServerHooks((server) => (realtime = server));

const note = (user: SessionUser, text: string, mentionedUserIds: string[] = [], clientMessageId: string = randomUUID()) =>
  addNote(user, scene.conversationId, { clientMessageId, text, mentionedUserIds });

const conversationRow = () => db().conversation.findUniqueOrThrow({ where: { id: scene.conversationId } });

/** Every event a user's socket hears, in order. */
async function listen(user: SessionUser): Promise<{ socket: Socket; events: { event: string; payload: unknown }[] }> {
  const socket = await realtime.connectAs(user);
  const events: { event: string; payload: unknown }[] = [];
  socket.onAny((event: string, payload: unknown) => events.push({ event, payload }));
  return { socket, events };
}

/** Resolves once every listed socket heard a ping sent after everything published so far (events arrive in order). */
async function drained(...listeners: { socket: Socket }[]): Promise<void> {
  const at = new Date().toISOString();
  const heard = listeners.map(({ socket }) => new Promise<void>((resolve) => socket.on("system:ping", (payload: { at: string }) => payload.at === at && resolve())));
  const users = await db().user.findMany({ where: { workspaceId: scene.admin.workspaceId }, select: { id: true } });
  emitTo(users.map((user) => rooms.user(user.id)), "system:ping", { at });
  await Promise.all(heard);
}

describe("a private note", () => {
  it("is stored in the thread but leaves the conversation row exactly as it was: no preview, unread, timer or reply count change", async () => {
    const waitingSince = new Date(Date.now() - 10 * 60 * 1000);
    await db().conversation.update({ where: { id: scene.conversationId }, data: { awaitingReplySince: waitingSince } });
    const before = await conversationRow();

    const stored = await note(scene.agent, "Khách quen, đã mua 3 lần. Ưu tiên giao nhanh.");

    expect(stored).toMatchObject({ direction: "note", senderKind: "agent", sender: { id: scene.agent.id }, status: "sent", text: "Khách quen, đã mua 3 lần. Ưu tiên giao nhanh.", mentions: [] });
    expect(await conversationRow()).toEqual(before);
    expect(before).toMatchObject({ awaitingReplySince: waitingSince, unreadCount: 1, repliesSinceInbound: 0 });
    const page = await listMessages(scene.agent, scene.conversationId, {});
    expect(page.messages.map((message) => [message.direction, message.text])).toEqual([["note", "Khách quen, đã mua 3 lần. Ưu tiên giao nhanh."]]);
  });

  it("is never queued for delivery nor sent to the customer, while a reply after it is", async () => {
    await note(scene.agent, "Không gửi cho khách");
    const [queued] = await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM pgboss.job WHERE name = ${SEND_REPLY_QUEUE}`;
    expect(queued?.count).toBe(0n);
    expect(sendApiCalls(emulator, scene)).toEqual([]);

    const reply = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Dạ còn size M ạ" });
    await replyQueueIdle();
    expect(customerInbox(emulator, scene).map((message) => message.text)).toEqual(["Dạ còn size M ạ"]);
    // The reply alone is counted: one reply since the customer wrote, its text the preview.
    expect(await conversationRow()).toMatchObject({ repliesSinceInbound: 1, lastMessagePreview: "Dạ còn size M ạ", awaitingReplySince: null });
    expect((await db().message.findUniqueOrThrow({ where: { id: reply.id } })).status).toBe("sent");
  });

  it("reaches whoever may see the conversation, and nobody else, without a conversation event", async () => {
    const [agent, admin, other] = await Promise.all([listen(scene.agent), listen(scene.admin), listen(scene.otherAgent)]);

    const stored = await note(scene.agent, "Đã gọi xác nhận đơn");
    await drained(agent, admin, other);

    for (const viewer of [agent, admin]) {
      expect(viewer.events.filter((item) => item.event !== "system:ping")).toEqual([{ event: "message:upsert", payload: { message: stored } }]);
    }
    expect(other.events.filter((item) => item.event !== "system:ping")).toEqual([]);
  });

  it("may be written by any viewer, on a closed conversation too; an agent who cannot see it gets 404 and stores nothing", async () => {
    await db().conversation.update({ where: { id: scene.conversationId }, data: { state: "closed" } });
    const before = await conversationRow();

    await expect(note(scene.admin, "Khách đã nhận hàng")).resolves.toMatchObject({ direction: "note", sender: { id: scene.admin.id } });
    await expect(note(scene.otherAgent, "Tôi không thấy hội thoại này")).rejects.toMatchObject({ code: "not_found", status: 404 });
    await expect(listMentionable(scene.otherAgent, scene.conversationId)).rejects.toMatchObject({ status: 404 });

    expect(await db().message.findMany({ select: { text: true } })).toEqual([{ text: "Khách đã nhận hàng" }]);
    expect(await conversationRow()).toEqual(before);
  });

  it("is refused when empty or longer than the limit, the limit named", async () => {
    await expect(note(scene.agent, "   ")).rejects.toMatchObject({ code: "invalid_input", params: { reason: "empty_note" } });
    const error = await note(scene.agent, "a".repeat(NOTE_MAX_LENGTH + 1)).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "invalid_input", params: { reason: "note_too_long", limit: 2000, length: 2001 } });
    expect((error as Error).message).toContain("2000");
    await expect(note(scene.agent, "a".repeat(NOTE_MAX_LENGTH))).resolves.toMatchObject({ direction: "note" });
    expect(await db().message.count()).toBe(1);
  });

  it("returns the same note for a resubmitted clientMessageId, even concurrently, and stores it once", async () => {
    const clientMessageId = randomUUID();
    const [first, second] = await Promise.all([
      note(scene.agent, "Nhắc khách chuyển khoản", [scene.admin.id], clientMessageId),
      note(scene.agent, "Nhắc khách chuyển khoản", [scene.admin.id], clientMessageId),
    ]);
    const third = await note(scene.agent, "Nhắc khách chuyển khoản", [scene.admin.id], clientMessageId);
    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    expect(await db().message.count()).toBe(1);
    expect(await db().noteMention.count()).toBe(1);
    // The id of a reply is not the id of a note.
    const reply = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Dạ" });
    await expect(note(scene.agent, "x", [], reply.clientMessageId!)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("mentions in a note", () => {
  it("offers the colleagues who may see the conversation, without the writer", async () => {
    expect(await listMentionable(scene.agent, scene.conversationId)).toEqual([{ id: scene.admin.id, name: scene.admin.name }]);
    expect(await listMentionable(scene.admin, scene.conversationId)).toEqual([{ id: scene.agent.id, name: scene.agent.name }]);
  });

  it("refuses the whole note, naming who cannot see the conversation, when a mentioned colleague cannot", async () => {
    const error = await note(scene.agent, `@${scene.admin.name} @${scene.otherAgent.name} xem giúp`, [scene.admin.id, scene.otherAgent.id]).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "invalid_input", params: { reason: "mention_not_visible", names: scene.otherAgent.name } });
    expect((error as Error).message).toContain(scene.otherAgent.name);
    expect(await db().message.count()).toBe(0);
    expect(await db().noteMention.count()).toBe(0);
  });

  it("refuses a mention of someone from another workspace or a locked account", async () => {
    const locked = await db().user.update({ where: { id: scene.otherAgent.id }, data: { active: false, role: "admin" }, select: { id: true } });
    await expect(note(scene.agent, "@khóa", [locked.id])).rejects.toMatchObject({ params: { reason: "mention_not_visible" } });
    await expect(note(scene.agent, "@lạ", ["someone-else-entirely"])).rejects.toMatchObject({ params: { reason: "mention_not_visible", names: "" } });
    expect(await db().message.count()).toBe(0);
  });

  it("stores the mention and tells the mentioned colleague alone, who sees it marked once they open the conversation", async () => {
    const [agent, admin, other] = await Promise.all([listen(scene.agent), listen(scene.admin), listen(scene.otherAgent)]);

    const stored = await note(scene.agent, `@${scene.admin.name} khách hỏi giá sỉ, anh xem giúp`, [scene.admin.id]);
    await drained(agent, admin, other);

    expect(stored.mentions).toEqual([{ id: scene.admin.id, name: scene.admin.name }]);
    expect(await db().noteMention.findMany({ select: { messageId: true, userId: true, seenAt: true } })).toEqual([{ messageId: stored.id, userId: scene.admin.id, seenAt: null }]);
    const mentioned = (listener: { events: { event: string; payload: unknown }[] }) => listener.events.filter((item) => item.event === "note:mentioned").map((item) => item.payload);
    expect(mentioned(admin)).toEqual([
      {
        conversationId: scene.conversationId,
        messageId: stored.id,
        author: { id: scene.agent.id, name: scene.agent.name },
        customerName: "Phạm Lan",
        excerpt: `@${scene.admin.name} khách hỏi giá sỉ, anh xem giúp`,
      },
    ]);
    expect(mentioned(agent)).toEqual([]);
    expect(mentioned(other)).toEqual([]);

    await markConversationSeen(scene.admin, scene.conversationId);
    expect((await db().noteMention.findFirstOrThrow()).seenAt).toBeInstanceOf(Date);
    // The admin is not the assignee: opening the thread left the customer's unread messages alone.
    expect((await conversationRow()).unreadCount).toBe(1);
  });
});
