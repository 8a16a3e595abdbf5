// An agent's reply on Zalo end to end, with the Zalo emulator as Zalo: a reply that quotes the
// customer's message (stored, published, sent as quote_message_id), a customer's quote of our reply
// (stored with the message it quotes), and Zalo's refusals the emulator plays as faults (-224, -227,
// -232), each failing the reply once with the sentence the agent reads.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { sendFailureReasons } from "@/lib/channels/zalo/classify-send-error";
import { startJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { registerReplyDeliveryWorker } from "@/lib/inbox/reply-delivery-queue";
import { sendReply } from "@/lib/inbox/send-reply";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import { drainWebhookQueue } from "@/lib/webhooks/process-webhook-queue";
import { demoOaId, zaloControl } from "../support/zalo-app-emulator";
import { conversationWithCustomer, freshShopEachTest, zaloIngestForFile } from "../support/zalo-ingest";
import { replyQueueIdle } from "../support/reply-fixtures";
import { startRealtimeTestServer, type RealtimeTestServer } from "../support/realtime-test-server";

const zalo = zaloIngestForFile();
const shop = freshShopEachTest(zalo);
let realtime: RealtimeTestServer;

beforeAll(async () => {
  await registerReplyDeliveryWorker(await startJobQueue());
  realtime = await startRealtimeTestServer();
});
afterAll(async () => {
  await replyQueueIdle();
  await stopJobQueue();
  await realtime.close();
});

const oaMessages = (userId: string) => zalo.emulator.world.conversation(demoOaId(zalo.emulator), userId).filter((message) => message.src === 0);

async function settled(id: string, status: "sent" | "failed") {
  await vi.waitFor(async () => expect((await db().message.findUniqueOrThrow({ where: { id } })).status).toBe(status), { timeout: 15_000, interval: 50 });
  return db().message.findUniqueOrThrow({ where: { id } });
}

describe("quoting on Zalo", () => {
  it("sends the agent's quote of the customer's message as quote_message_id, stored and published with the quoted text", async () => {
    const { conversation } = await conversationWithCustomer(zalo, shop.admin, "Áo khoác còn màu be không shop?");
    const customerMessage = await db().message.findFirstOrThrow({ where: { conversationId: conversation.id, direction: "inbound" } });
    const socket = await realtime.connectAs(shop.admin);
    const published = new Promise<MessageDto>((resolve) =>
      socket.on("message:upsert", ({ message }: { message: MessageDto }) => message.direction === "outbound" && resolve(message)),
    );

    const reply = await sendReply(shop.admin, conversation.id, { clientMessageId: randomUUID(), text: "Dạ còn màu be ạ", quotedMessageId: customerMessage.id });
    const quoted = { id: customerMessage.id, direction: "inbound", text: "Áo khoác còn màu be không shop?", attachmentType: null };
    expect(reply).toMatchObject({ replyToPlatformMessageId: customerMessage.platformMessageId, quoted });
    expect(await published).toMatchObject({ id: reply.id, quoted });

    const sent = await settled(reply.id, "sent");
    expect(sent).toMatchObject({ quotedMessageId: customerMessage.id, replyToPlatformMessageId: customerMessage.platformMessageId });
    expect(oaMessages(conversation.contact.platformUserId)).toEqual([expect.objectContaining({ text: "Dạ còn màu be ạ", quoteMsgId: customerMessage.platformMessageId })]);
  });

  it("refuses to quote a reply Zalo does not have yet, storing nothing", async () => {
    const { conversation } = await conversationWithCustomer(zalo, shop.admin, "Shop ơi");
    const pending = await db().message.create({
      data: { conversationId: conversation.id, channelId: conversation.channelId, direction: "outbound", senderKind: "agent", text: "Chưa gửi", status: "pending" },
    });
    const refused = sendReply(shop.admin, conversation.id, { clientMessageId: randomUUID(), text: "Dạ", quotedMessageId: pending.id });
    await expect(refused).rejects.toMatchObject({ code: "invalid_input", params: { reason: "quoted_message_missing" } });
    expect(await db().message.count({ where: { conversationId: conversation.id, text: "Dạ" } })).toBe(0);
  });

  it("stores the customer's quote of our reply with the reply it quotes, and a quote of a message we never had as such", async () => {
    const { conversation } = await conversationWithCustomer(zalo, shop.admin, "Shop ơi");
    const reply = await sendReply(shop.admin, conversation.id, { clientMessageId: randomUUID(), text: "Dạ shop nghe ạ" });
    const sent = await settled(reply.id, "sent");
    const oaId = demoOaId(zalo.emulator);
    const userId = conversation.contact.platformUserId;
    await zaloControl(zalo.emulator, "messages", { oaId, userId, text: "Cho mình xem size", quoteMsgId: sent.platformMessageId });
    const older = zalo.emulator.world.conversation(oaId, userId).find((message) => message.src === 1);
    // A message older than the app's copy of the conversation: the emulator has it, we do not.
    await db().message.deleteMany({ where: { platformMessageId: older?.msgId } });
    await zaloControl(zalo.emulator, "messages", { oaId, userId, text: "Như mình hỏi lúc đầu", quoteMsgId: older?.msgId });
    await drainWebhookQueue();

    const customerQuotes = await db().message.findMany({ where: { conversationId: conversation.id, direction: "inbound" }, orderBy: { sentAt: "asc" } });
    expect(customerQuotes.map(({ text, quotedMessageId, replyToPlatformMessageId }) => ({ text, quotedMessageId, replyToPlatformMessageId }))).toEqual([
      { text: "Cho mình xem size", quotedMessageId: reply.id, replyToPlatformMessageId: sent.platformMessageId },
      { text: "Như mình hỏi lúc đầu", quotedMessageId: null, replyToPlatformMessageId: older?.msgId },
    ]);
  });
});

describe("Zalo's refusals the emulator plays as faults", () => {
  it.each([
    { kind: "oa_tier_too_low", code: -224, failureCode: "permission_missing", says: /gói OA không cho phép gửi tin này/ },
    { kind: "user_inactive", code: -227, failureCode: "user_unavailable", says: /lâu không hoạt động/ },
    { kind: "interaction_expired", code: -232, failureCode: "window_closed", says: /chưa tương tác với OA trong 7 ngày qua/ },
  ] as const)("$kind ($code): the reply fails once, with the agent's Vietnamese reason, and Zalo has nothing", async ({ kind, failureCode, says }) => {
    const { conversation } = await conversationWithCustomer(zalo, shop.admin, "Shop ơi");
    await zaloControl(zalo.emulator, "faults", { kind, match: { path: "/v3.0/oa/message/cs" } });

    const reply = await sendReply(shop.admin, conversation.id, { clientMessageId: randomUUID(), text: "Dạ shop chào chị" });
    const failed = await settled(reply.id, "failed");
    expect(failed).toMatchObject({ failureCode, failureReason: sendFailureReasons[failureCode], sendAttempts: 1 });
    expect(failed.failureReason).toMatch(says);
    expect(oaMessages(conversation.contact.platformUserId)).toEqual([]);
  });
});
