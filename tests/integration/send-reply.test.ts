// Replies through the Send API against the Meta emulator: stored first, sent exactly once, retried on
// transient failures, failed with a readable reason otherwise, and sent with the right window tag.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { sendReply } from "@/lib/inbox/send-reply";
import { retryReply } from "@/lib/inbox/retry-reply";
import { failExpiredWaitingReplies } from "@/lib/inbox/fail-expired-waiting-replies";
import { connectFacebookPage } from "@/lib/channels/facebook/connect-facebook-page";
import { resetDatabase } from "../support/reset-database";
import { signInWithFacebook } from "../support/facebook-connect";
import { addFault, invalidatePageTokens } from "../support/app-emulator";
import {
  customerInbox,
  replyQueueIdle,
  replyScene,
  replySceneHooks,
  sendApiCalls,
  startTestEmulator,
  type ReplyScene,
} from "../support/reply-fixtures";

const emulator = await startTestEmulator();
let scene: ReplyScene;
replySceneHooks(emulator, (fresh) => (scene = fresh));

/** The page's admin logs in with Facebook again and presses "Kết nối fanpage này" on the page. */
async function reconnectThroughWizard({ admin, pageId }: ReplyScene) {
  const pageAdmin = emulator.world.roles.find((role) => role.pageId === pageId && role.tasks.includes("MANAGE"));
  await signInWithFacebook(emulator, admin, pageAdmin!.userId);
  expect(await connectFacebookPage(admin, pageId)).toMatchObject({ needsChatMode: false });
}

const storedMessage = (id: string) => db().message.findUniqueOrThrow({ where: { id } });

async function settled(id: string, status: "sent" | "failed") {
  await vi.waitFor(async () => expect((await storedMessage(id)).status).toBe(status), { timeout: 25_000, interval: 50 });
  return storedMessage(id);
}

describe("sending a reply", () => {
  it("reaches the customer's Messenger thread exactly once, as RESPONSE inside 24 h", async () => {
    const message = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Dạ còn size M ạ" });
    expect(message).toMatchObject({ direction: "outbound", senderKind: "agent", sender: { id: scene.agent.id }, text: "Dạ còn size M ạ" });

    const sent = await settled(message.id, "sent");
    const inbox = customerInbox(emulator, scene);
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ text: "Dạ còn size M ạ", mid: sent.platformMessageId, metadata: message.id });
    expect(sendApiCalls(emulator, scene)).toEqual([expect.objectContaining({ messagingType: "RESPONSE", mid: sent.platformMessageId })]);
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: scene.conversationId } });
    expect(conversation).toMatchObject({ lastMessagePreview: "Dạ còn size M ạ", unreadCount: 0 });
  });

  it("sends an attachment by its URL", async () => {
    const url = "https://shop.example/api/uploads/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const message = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), attachments: [{ type: "image", url }] });
    await settled(message.id, "sent");
    expect(customerInbox(emulator, scene)[0]?.attachments).toEqual([{ type: "image", url }]);
  });

  it("returns the same message for a resubmitted clientMessageId, even concurrently, and sends once", async () => {
    const input = { clientMessageId: randomUUID(), text: "Chị chờ em xíu nha" };
    const [first, second] = await Promise.all([
      sendReply(scene.agent, scene.conversationId, input),
      sendReply(scene.agent, scene.conversationId, input),
    ]);
    const third = await sendReply(scene.agent, scene.conversationId, input);
    expect(second.id).toBe(first.id);
    expect(third.id).toBe(first.id);
    await settled(first.id, "sent");
    expect(await db().message.count({ where: { direction: "outbound" } })).toBe(1);
    expect(customerInbox(emulator, scene)).toHaveLength(1);
  });

  it("stores the reply as pending before Facebook answers", async () => {
    await addFault(emulator, { kind: "slow", delayMs: 1500, match: { path: "/messages" } });
    const message = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Em kiểm tra kho ạ" });
    expect((await storedMessage(message.id)).status).toBe("pending");
    expect(customerInbox(emulator, scene)).toHaveLength(0);
    await settled(message.id, "sent");
    expect(customerInbox(emulator, scene)).toHaveLength(1);
  });

  it("retries after a transient 5xx and then sends once", async () => {
    await addFault(emulator, { kind: "server_error", match: { path: "/messages" } });
    const message = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Dạ em gửi lại ạ" });
    const sent = await settled(message.id, "sent");
    expect(sent.sendAttempts).toBe(2);
    expect(customerInbox(emulator, scene)).toHaveLength(1);
  });

  it("waits (Chờ kết nối lại) when the token is dead, asks for the page to be reconnected, and goes out once it is", async () => {
    await invalidatePageTokens(emulator, scene.pageId, "password_changed");
    const message = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Dạ" });
    await replyQueueIdle();
    expect(await storedMessage(message.id)).toMatchObject({ status: "pending", failureCode: null, sendAttempts: 1 });
    expect(await db().channel.findUniqueOrThrow({ where: { id: scene.channelId } })).toMatchObject({
      status: "needs_reconnect",
      statusReason: "password_changed",
    });
    expect(customerInbox(emulator, scene)).toHaveLength(0);

    await reconnectThroughWizard(scene);
    const sent = await settled(message.id, "sent");
    expect(sent).toMatchObject({ failureCode: null, failureReason: null });
    expect(customerInbox(emulator, scene)).toEqual([expect.objectContaining({ text: "Dạ", mid: sent.platformMessageId })]);
  });

  it("fails a waiting reply with the window as the reason when the page is reconnected after the window closed", async () => {
    await invalidatePageTokens(emulator, scene.pageId, "expired");
    const message = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Dạ shop đây ạ" });
    await replyQueueIdle();
    expect((await storedMessage(message.id)).status).toBe("pending");

    await db().conversation.update({ where: { id: scene.conversationId }, data: { lastInboundAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) } });
    await reconnectThroughWizard(scene);
    const failed = await settled(message.id, "failed");
    expect(failed.failureCode).toBe("window_closed");
    expect(failed.failureReason).toMatch(/more than 7 days ago/);
    expect(customerInbox(emulator, scene)).toHaveLength(0);
  });

  it("fails a waiting reply with the window as the reason once the window has closed, before any reconnect", async () => {
    await invalidatePageTokens(emulator, scene.pageId, "expired");
    const message = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Dạ chị ơi" });
    await replyQueueIdle();
    expect(await failExpiredWaitingReplies()).toBe(0);
    expect((await storedMessage(message.id)).status).toBe("pending");

    await db().conversation.update({ where: { id: scene.conversationId }, data: { lastInboundAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) } });
    expect(await failExpiredWaitingReplies()).toBe(1);
    expect(await storedMessage(message.id)).toMatchObject({ status: "failed", failureCode: "window_closed" });
    expect(customerInbox(emulator, scene)).toHaveLength(0);
  });

  it("sends a failed reply again with the retry button", async () => {
    await addFault(emulator, { kind: "permission_missing", match: { path: "/messages" } });
    const message = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Dạ shop đây ạ" });
    expect(await settled(message.id, "failed")).toMatchObject({ failureCode: "permission_missing" });

    // Back in the queue; the woken worker may already have sent it by the time the answer is read.
    expect(["pending", "sent"]).toContain((await retryReply(scene.agent, message.id)).status);
    const sent = await settled(message.id, "sent");
    expect(sent).toMatchObject({ failureCode: null, failureReason: null });
    expect(customerInbox(emulator, scene)).toHaveLength(1);
    expect((await retryReply(scene.agent, message.id)).status).toBe("sent");
  });

  it("never moves a reply backward when its echo recorded it first", async () => {
    await addFault(emulator, { kind: "slow", delayMs: 1000, match: { path: "/messages" } });
    const message = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Cảm ơn chị" });
    // The Send API call is in flight (its attempt is counted just before it goes out)…
    await vi.waitFor(async () => expect((await storedMessage(message.id)).sendAttempts).toBe(1), { timeout: 10_000, interval: 20 });
    // …when the webhook records the echo that overtook its answer, then a read receipt.
    await db().message.update({ where: { id: message.id }, data: { status: "read", platformMessageId: "m_from_echo" } });
    await vi.waitFor(() => expect(customerInbox(emulator, scene)).toHaveLength(1), { timeout: 10_000, interval: 50 });
    await replyQueueIdle();
    expect((await storedMessage(message.id)).sendAttempts).toBe(1);
    expect(await storedMessage(message.id)).toMatchObject({ status: "read", platformMessageId: "m_from_echo" });
  });
});

describe("the reply window", () => {
  it("tags a reply to a 25-hour-old message with HUMAN_AGENT", async () => {
    await resetDatabase();
    emulator.resetWorld();
    scene = await replyScene(emulator, { customerWroteHoursAgo: 25 });
    const message = await sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Dạ xin lỗi chị em trả lời muộn" });
    await settled(message.id, "sent");
    expect(sendApiCalls(emulator, scene)).toEqual([expect.objectContaining({ messagingType: "MESSAGE_TAG", tag: "HUMAN_AGENT" })]);
  });

  it("refuses a reply 8 days after the customer's last message, with the explanation, and sends nothing", async () => {
    await db().conversation.update({ where: { id: scene.conversationId }, data: { lastInboundAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) } });
    const attempt = sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "Chị còn cần áo không?" });
    await expect(attempt).rejects.toMatchObject({ code: "conflict", params: { reason: "reply_window_closed" } });
    await expect(attempt).rejects.toThrow(/more than 7 days ago/);
    expect(await db().message.count()).toBe(0);
    expect(sendApiCalls(emulator, scene)).toHaveLength(0);
  });

  it("refuses a text longer than 2000 characters with the limit, storing nothing", async () => {
    const attempt = sendReply(scene.agent, scene.conversationId, { clientMessageId: randomUUID(), text: "á".repeat(2001) });
    await expect(attempt).rejects.toMatchObject({ code: "invalid_input", params: { limit: 2000 } });
    expect(await db().message.count()).toBe(0);
  });
});
