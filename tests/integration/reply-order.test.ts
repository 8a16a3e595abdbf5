// Issue 13: a conversation's replies reach the customer in the order they were written, even when
// several delivery workers (of one process or of several) take their jobs in another order at once,
// and each is sent exactly once.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deliverReply } from "@/lib/inbox/deliver-reply";
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
