// Every recorded-shape Messenger event, replayed twice and in shuffled order (also by parallel
// workers): the database ends with each message exactly once and the right statuses and reactions.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { facebookApp } from "@/lib/channels/facebook/facebook-app";
import { messageDtoSelect, toMessageDto } from "@/lib/inbox/inbox-dto";
import { drainWebhookQueue } from "@/lib/webhooks/process-webhook-queue";
import { receiveWebhookBatch } from "@/lib/inbox/receive-webhooks";
import type { MetaEmulator } from "@/emulators/meta/start-meta-emulator";
import { resetDatabase } from "../support/reset-database";
import { messengerFixture, messengerFixtureNames, shuffled } from "../support/messenger-fixtures";
import { postSignedWebhook, startWebhookServer, type WebhookServer } from "../support/webhook-http-server";
import { at, seedWebhookWorld, startProfileEmulator, type WebhookWorld } from "../support/webhook-world";

let emulator: MetaEmulator;
let server: WebhookServer;
let world: WebhookWorld;

beforeAll(async () => {
  emulator = await startProfileEmulator();
  server = await startWebhookServer();
});
afterAll(async () => {
  await server.close();
  await emulator.close();
});
beforeEach(async () => {
  await resetDatabase();
  world = await seedWebhookWorld(emulator);
});

const bodies = () => messengerFixtureNames.map((name) => messengerFixture(name, world.values));

const post = (rawBody: string) => postSignedWebhook(server.url, rawBody, facebookApp().appSecret);

const CUSTOMER_1_INBOUND = [
  "m_c1_text",
  "m_c1_image",
  "m_c1_video",
  "m_c1_audio",
  "m_c1_file",
  "m_c1_sticker",
  "m_c1_like",
  "m_c1_fallback",
  "m_c1_location",
  "m_c1_reel",
  "m_c1_quick",
  "m_c1_reply",
  "m_c1_postback",
  "postback:{{CUSTOMER_1}}:1764230424000",
  "m_c1_standby",
];

async function message(platformMessageId: string) {
  const row = await db().message.findUniqueOrThrow({
    where: { channelId_platformMessageId: { channelId: world.channelA.id, platformMessageId } },
    select: messageDtoSelect,
  });
  return toMessageDto(row);
}

async function expectFinalState() {
  // Every webhook row was processed, none failed.
  expect(await db().webhookEvent.count({ where: { OR: [{ processedAt: null }, { lastError: { not: null } }] } })).toBe(0);

  // Customer 1's thread on page A: each inbound message once, the page's replies and the Page Inbox echo.
  const inboundMids = CUSTOMER_1_INBOUND.map((mid) => mid.replace("{{CUSTOMER_1}}", world.customers.customer1.psid));
  const thread = await db().message.findMany({
    where: { conversationId: world.conversation1.id },
    select: { platformMessageId: true, direction: true },
  });
  expect(thread.filter((m) => m.direction === "inbound").map((m) => m.platformMessageId).sort()).toEqual([...inboundMids].sort());
  expect(thread.filter((m) => m.direction === "outbound")).toHaveLength(5);

  // Outbound statuses moved forward only; failed stays failed; the pending reply matched its echo.
  const statusOf = async (id: string) => (await db().message.findUniqueOrThrow({ where: { id } })).status;
  expect(await statusOf(world.outbound.sent1.id)).toBe("read");
  expect(await statusOf(world.outbound.sent2.id)).toBe("read");
  expect(await statusOf(world.outbound.failed.id)).toBe("failed");
  expect(await db().message.findUniqueOrThrow({ where: { id: world.outbound.pending.id } })).toMatchObject({
    status: "sent",
    platformMessageId: "m_out_3",
    senderKind: "agent",
  });
  expect(await message("m_page_inbox_1")).toMatchObject({
    direction: "outbound",
    senderKind: "page",
    sender: null,
    status: "sent",
    text: "Shop đã nhận đơn nha chị",
  });

  // Reactions: love then unlove → none; like then wow → wow; the unknown mid changed nothing.
  expect((await message("m_out_1")).reactions).toEqual([]);
  expect((await message("m_out_2")).reactions).toEqual([
    { actorPlatformId: world.customers.customer1.psid, reaction: "wow", emoji: "😮" },
  ]);
  expect(await db().messageReaction.count()).toBe(2);

  // Content of each kind of message.
  expect(await message("m_c1_text")).toMatchObject({ text: "Chào shop, áo này còn size M không ạ?", senderKind: "contact" });
  expect((await message("m_c1_image")).attachments.map((a) => a.type)).toEqual(["image", "image"]);
  expect((await message("m_c1_reel")).attachments).toEqual([{ type: "video", url: "https://www.facebook.com/reel/1234567890", title: "Mix đồ mùa đông" }]);
  expect((await message("m_c1_file")).attachments[0]).toMatchObject({ type: "file", name: "bang-gia.pdf" });
  expect((await message("m_c1_location")).attachments[0]).toMatchObject({ type: "location", title: "Vị trí của Lan" });
  expect((await message("m_c1_fallback")).attachments[0]).toMatchObject({ type: "fallback", title: "Áo thun cotton" });
  expect((await db().message.findFirstOrThrow({ where: { platformMessageId: "m_c1_like" } })).attachments).toEqual([
    expect.objectContaining({ type: "sticker", stickerId: "369239263222822" }),
  ]);
  expect(await message("m_c1_quick")).toMatchObject({ text: "Size M", quickReplyPayload: "SIZE_M" });
  expect(await message("m_c1_reply")).toMatchObject({ replyToPlatformMessageId: "m_c1_text" });
  expect(await message("m_c1_postback")).toMatchObject({ text: null, postback: { title: "Xem bảng giá", payload: "PRICE_LIST" } });

  // The conversation: unread = inbound messages, newest message wins the preview whatever the order.
  expect(await db().conversation.findUniqueOrThrow({ where: { id: world.conversation1.id } })).toMatchObject({
    unreadCount: CUSTOMER_1_INBOUND.length,
    lastInboundAt: at(26_000),
    lastMessageAt: at(50_000),
    lastMessagePreview: "Shop đã nhận đơn nha chị",
    state: "assigned",
  });

  // Overlapping multi-page batches: new conversations created once, routed, with the profile's name.
  const newConversation = (psid: string) =>
    db().conversation.findFirstOrThrow({
      where: { contact: { platformUserId: psid } },
      include: { contact: true, messages: { select: { platformMessageId: true } }, assignmentEvents: true },
    });
  const c2 = await newConversation(world.customers.customer2.psid);
  expect(c2).toMatchObject({ channelId: world.channelA.id, state: "assigned", assigneeId: world.adminId, unreadCount: 2 });
  expect(c2.messages.map((m) => m.platformMessageId).sort()).toEqual(["m_c2_1", "m_c2_2"]);
  expect(c2.assignmentEvents).toHaveLength(1);
  expect(c2.contact).toMatchObject({ name: world.customers.customer2.name, avatarUrl: expect.stringContaining(world.customers.customer2.psid) });
  const c3 = await newConversation(world.customers.customer3.psid);
  expect(c3).toMatchObject({ channelId: world.channelB.id, state: "unassigned", assigneeId: null, unreadCount: 1 });
  expect(c3.contact.name).toBe(world.customers.customer3.name);

  // Nothing from the unknown page, and nothing else.
  expect(await db().conversation.count()).toBe(3);
  expect(await db().contact.count()).toBe(3);
  expect(await db().message.count({ where: { platformMessageId: "m_x_1" } })).toBe(0);
  expect(await db().message.count()).toBe(4 + CUSTOMER_1_INBOUND.length + 1 + 3);
}

describe("replaying Messenger webhooks", () => {
  it.each([1, 2024])("stores each event once when every body arrives twice in shuffled order (seed %i)", async (seed) => {
    for (const body of shuffled([...bodies(), ...bodies()], seed)) expect(await post(body)).toBe(200);
    expect(await db().webhookEvent.count()).toBe(2 * messengerFixtureNames.length);
    await drainWebhookQueue();
    await expectFinalState();
  });

  it("stays correct when parallel workers process overlapping copies of every batch", async () => {
    for (const body of shuffled([...bodies(), ...bodies(), ...bodies()], 7)) expect(await post(body)).toBe(200);
    await Promise.all([1, 2, 3, 4].map(() => drainWebhookQueue({ batchSize: 2 })));
    await expectFinalState();
  });

  it("creates one conversation and one message when the same new-customer batch is processed concurrently", async () => {
    const body = messengerFixture("multi-page.json", world.values);
    await Promise.all(Array.from({ length: 6 }, () => receiveWebhookBatch("facebook", body)));
    const conversations = await db().conversation.findMany({
      where: { contact: { platformUserId: { in: [world.customers.customer2.psid, world.customers.customer3.psid] } } },
      include: { messages: true, assignmentEvents: true },
    });
    expect(conversations).toHaveLength(2);
    for (const conversation of conversations) {
      expect(conversation.messages).toHaveLength(1);
      expect(conversation.unreadCount).toBe(1);
    }
    expect(conversations.flatMap((c) => c.assignmentEvents)).toHaveLength(1);
  });
});
