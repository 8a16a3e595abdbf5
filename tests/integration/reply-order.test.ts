// Issue 13: a conversation's replies reach the customer in the order they were written, even when
// several delivery workers (of one process or of several) take their jobs in another order at once,
// and each is sent exactly once.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { facebookApp } from "@/lib/channels/facebook/facebook-app";
import { deliverReply } from "@/lib/inbox/deliver-reply";
import { receiveWebhookBatch } from "@/lib/inbox/receive-webhooks";
import { resetDatabase } from "../support/reset-database";
import { addFault } from "../support/app-emulator";
import { customerInbox, replyScene, startTestEmulator, type ReplyScene } from "../support/reply-fixtures";

const emulator = await startTestEmulator();
let scene: ReplyScene;

beforeEach(async () => {
  await resetDatabase();
  emulator.resetWorld();
  scene = await replyScene(emulator);
});
afterAll(() => emulator.close());

/** Replies stored as the composer stores them (pending), one after the other; their ids in that order. */
async function pendingReplies(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const reply = await db().message.create({
      data: {
        conversationId: scene.conversationId,
        channelId: scene.channelId,
        direction: "outbound",
        senderKind: "agent",
        senderUserId: scene.agent.id,
        status: "pending",
        text: `Trả lời ${index + 1}`,
        createdAt: new Date(Date.UTC(2026, 11, 3, 10, 0, index)),
      },
      select: { id: true },
    });
    ids.push(reply.id);
  }
  return ids;
}

describe("reply order across delivery workers", () => {
  it("sends the oldest pending reply first, whichever job a worker took, each exactly once", async () => {
    const ids = await pendingReplies(4);
    // Each send stalls a little, so the workers truly overlap.
    await addFault(emulator, { kind: "slow", delayMs: 200, match: { path: "/messages" } });

    // Four workers take the jobs newest first, all at once.
    const outcomes = await Promise.all([...ids].reverse().map((id) => deliverReply(id, { finalAttempt: false })));

    expect(customerInbox(emulator, scene).map((message) => message.text)).toEqual(["Trả lời 1", "Trả lời 2", "Trả lời 3", "Trả lời 4"]);
    // The newest job found every earlier reply pending and sent them first; the others found theirs sent.
    expect(outcomes).toEqual(["sent", "skipped", "skipped", "skipped"]);
    const stored = await db().message.findMany({ where: { id: { in: ids } }, select: { status: true } });
    expect(stored.map((row) => row.status)).toEqual(["sent", "sent", "sent", "sent"]);
  });
});

describe("a send cut off by the death of its process", () => {
  /** What a process left behind when it died during the reply's send: the send counted and under way. */
  const cutOff = (id: string, secondsAgo: number) =>
    db().message.update({ where: { id }, data: { sendAttempts: 1, sendStartedAt: new Date(Date.now() - secondsAgo * 1000) } });

  /** Messenger's echo of a send that reached the customer, carrying our id in `metadata`. */
  const echoOf = (messageId: string, mid: string) =>
    receiveWebhookBatch(
      "facebook",
      JSON.stringify({
        object: "page",
        entry: [{ id: scene.pageId, time: Date.now(), messaging: [{ sender: { id: scene.pageId }, recipient: { id: scene.psid }, timestamp: Date.now(), message: { mid, is_echo: true, app_id: facebookApp().appId, text: "Trả lời 1", metadata: messageId } }] }],
      }),
    );

  it("is not sent again while its echo may still come, and neither is a later reply; the echo settles it", async () => {
    const [first, second] = (await pendingReplies(2)) as [string, string];
    await cutOff(first, 2);

    expect(await deliverReply(second, { finalAttempt: false })).toBe("retry");
    expect(await deliverReply(first, { finalAttempt: false })).toBe("retry");
    expect(customerInbox(emulator, scene)).toEqual([]);

    await echoOf(first, "m_sent_before_the_crash");
    expect(await db().message.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ status: "sent", platformMessageId: "m_sent_before_the_crash", sendAttempts: 1, sendStartedAt: null });
    expect(await deliverReply(second, { finalAttempt: false })).toBe("sent");
    expect(customerInbox(emulator, scene).map((message) => message.text)).toEqual(["Trả lời 2"]);
  });

  it("is sent again, before the later reply, once no echo came in time", async () => {
    const [first, second] = (await pendingReplies(2)) as [string, string];
    await cutOff(first, 31);

    expect(await deliverReply(second, { finalAttempt: false })).toBe("sent");
    expect(customerInbox(emulator, scene).map((message) => message.text)).toEqual(["Trả lời 1", "Trả lời 2"]);
    expect(await db().message.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ status: "sent", sendAttempts: 2, sendStartedAt: null });
  });
});
