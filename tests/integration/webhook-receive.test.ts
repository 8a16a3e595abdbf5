// Webhook events in the orders that matter: echoes racing the Send API answer, receipts before and
// after the message they cover, reopening, profile failures, and who hears about a new message.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { facebookApp } from "@/lib/channels/facebook/facebook-app";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { emitTo } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";
import { receiveWebhookBatch } from "@/lib/inbox/receive-webhooks";
import type { MetaEmulator } from "@/emulators/meta/start-meta-emulator";
import { resetDatabase } from "../support/reset-database";
import { messengerFixture } from "../support/messenger-fixtures";
import { startRealtimeTestServer, type RealtimeTestServer } from "../support/realtime-test-server";
import { FIXTURE_T0, seedWebhookWorld, startProfileEmulator, type WebhookWorld } from "../support/webhook-world";

let emulator: MetaEmulator;
let world: WebhookWorld;

beforeAll(async () => {
  emulator = await startProfileEmulator();
});
afterAll(async () => {
  await emulator.close();
});
beforeEach(async () => {
  await resetDatabase();
  world = await seedWebhookWorld(emulator);
});

const deliverFixture = (name: string) => receiveWebhookBatch("facebook", messengerFixture(name, world.values));
const deliver = (...events: unknown[]) =>
  receiveWebhookBatch("facebook", JSON.stringify({ object: "page", entry: [{ id: world.values.PAGE_A, time: FIXTURE_T0, messaging: events }] }));

const fromCustomer = (psid: string, offsetMs: number, fields: Record<string, unknown>) => ({
  sender: { id: psid },
  recipient: { id: world.values.PAGE_A },
  timestamp: FIXTURE_T0 + offsetMs,
  ...fields,
});
const customer1 = (offsetMs: number, fields: Record<string, unknown>) => fromCustomer(world.values.CUSTOMER_1 ?? "", offsetMs, fields);
const echo = (mid: string, offsetMs: number, extra: Record<string, unknown>) => ({
  sender: { id: world.values.PAGE_A },
  recipient: { id: world.values.CUSTOMER_1 },
  timestamp: FIXTURE_T0 + offsetMs,
  message: { mid, is_echo: true, app_id: facebookApp().appId, text: "Dạ có ạ", ...extra },
});
const delivery = (watermarkOffset: number, mids?: string[]) => customer1(watermarkOffset, { delivery: { watermark: FIXTURE_T0 + watermarkOffset, ...(mids ? { mids } : {}) } });
const read = (watermarkOffset: number) => customer1(watermarkOffset, { read: { watermark: FIXTURE_T0 + watermarkOffset } });

const stored = (id: string) => db().message.findUniqueOrThrow({ where: { id } });
const messageCount = () => db().message.count();

describe("echoes of the page's messages", () => {
  it("matches an echo that overtakes the Send API answer to the pending reply, once", async () => {
    const before = await messageCount();
    await deliverFixture("echo-ours.json");
    await deliverFixture("echo-ours.json");
    expect(await stored(world.outbound.pending.id)).toMatchObject({ status: "sent", platformMessageId: "m_out_3", senderKind: "agent" });
    expect(await messageCount()).toBe(before);
  });

  it("changes nothing when the echo comes after the Send API answer", async () => {
    await deliver(read(2_000));
    const before = await messageCount();
    await deliver(echo("m_out_1", 1_000, { metadata: world.outbound.sent1.id }));
    expect(await stored(world.outbound.sent1.id)).toMatchObject({ status: "read", platformMessageId: "m_out_1" });
    expect(await messageCount()).toBe(before);
  });

  it("turns a reply we had given up on into sent when its echo proves the customer got it", async () => {
    await deliver(echo("m_late", 1_600, { metadata: world.outbound.failed.id }));
    expect(await stored(world.outbound.failed.id)).toMatchObject({ status: "sent", platformMessageId: "m_late", failureReason: null, failureCode: null });
  });

  it("keeps a second copy of an already matched reply as another message by the same agent", async () => {
    await deliver(echo("m_copy", 2_100, { metadata: world.outbound.sent2.id }));
    const copy = await db().message.findFirstOrThrow({ where: { platformMessageId: "m_copy" } });
    expect(copy).toMatchObject({ direction: "outbound", senderKind: "agent", senderUserId: world.adminId, status: "sent" });
    expect(await stored(world.outbound.sent2.id)).toMatchObject({ platformMessageId: "m_out_2" });
  });

  it("stores an echo of our app that matches nothing as sent by the page, and a Page Inbox reply likewise", async () => {
    await deliver(echo("m_ours_unknown", 4_000, { metadata: "not-a-message-id" }));
    await deliverFixture("echo-page-inbox.json");
    const rows = await db().message.findMany({ where: { platformMessageId: { in: ["m_ours_unknown", "m_page_inbox_1"] } } });
    expect(rows.map((row) => [row.senderKind, row.status, row.senderUserId])).toEqual([
      ["page", "sent", null],
      ["page", "sent", null],
    ]);
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: world.conversation1.id } });
    // A page message is not unread and does not move the customer's reply window.
    expect(conversation).toMatchObject({ unreadCount: 0, lastInboundAt: null, lastMessagePreview: "Shop đã nhận đơn nha chị" });
  });
});

describe("delivery and read receipts", () => {
  it("leave a pending reply alone until its echo makes it sent; the next receipt then moves it", async () => {
    await deliver(delivery(3_500));
    expect((await stored(world.outbound.pending.id)).status).toBe("pending");
    expect((await stored(world.outbound.sent2.id)).status).toBe("delivered");
    await deliverFixture("echo-ours.json");
    expect((await stored(world.outbound.pending.id)).status).toBe("sent");
    await deliver(delivery(3_600));
    expect((await stored(world.outbound.pending.id)).status).toBe("delivered");
    await deliver(read(3_700));
    expect((await stored(world.outbound.pending.id)).status).toBe("read");
  });

  it("never move a status backward, and never touch a failed reply", async () => {
    await deliverFixture("read-newer.json");
    await deliverFixture("delivery-mids.json");
    await deliverFixture("delivery-watermark.json");
    await deliverFixture("read-older.json");
    expect((await stored(world.outbound.sent1.id)).status).toBe("read");
    expect((await stored(world.outbound.sent2.id)).status).toBe("read");
    expect((await stored(world.outbound.failed.id)).status).toBe("failed");
  });

  it("move only the listed mids when the watermark covers nothing", async () => {
    await deliver(delivery(0, ["m_out_2"]));
    expect((await stored(world.outbound.sent1.id)).status).toBe("sent");
    expect((await stored(world.outbound.sent2.id)).status).toBe("delivered");
  });
});

describe("conversations", () => {
  it("reopens a closed conversation for its assignee when the customer writes again", async () => {
    await db().conversation.update({ where: { id: world.conversation1.id }, data: { state: "closed" } });
    await deliverFixture("text.json");
    expect(await db().conversation.findUniqueOrThrow({ where: { id: world.conversation1.id } })).toMatchObject({
      state: "assigned",
      assigneeId: world.adminId,
      unreadCount: 1,
    });
  });

  it("routes a closed conversation nobody holds again, like a new one", async () => {
    await db().conversation.update({ where: { id: world.conversation1.id }, data: { state: "closed", assigneeId: null } });
    await deliverFixture("text.json");
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: world.conversation1.id }, include: { assignmentEvents: true } });
    expect(conversation).toMatchObject({ state: "assigned", assigneeId: world.adminId });
    expect(conversation.assignmentEvents).toHaveLength(1);
  });

  it("routes synced history nobody took when its customer writes again", async () => {
    await db().conversation.update({ where: { id: world.conversation1.id }, data: { state: "unassigned", assigneeId: null, origin: "synced" } });
    await deliverFixture("text.json");
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: world.conversation1.id }, include: { assignmentEvents: true } });
    expect(conversation).toMatchObject({ state: "assigned", assigneeId: world.adminId, unreadCount: 1 });
    expect(conversation.assignmentEvents.map((event) => event.kind)).toEqual(["assigned"]);
  });

  it("says once, not per message, why a conversation nobody can take keeps waiting", async () => {
    await db().conversation.update({ where: { id: world.conversation1.id }, data: { state: "unassigned", assigneeId: null } });
    await db().user.update({ where: { id: world.adminId }, data: { active: false } });
    await deliver(customer1(10_000, { message: { mid: "m_wait_1", text: "Shop ơi" } }));
    await deliver(customer1(11_000, { message: { mid: "m_wait_2", text: "Còn hàng không ạ?" } }));
    const conversation = await db().conversation.findUniqueOrThrow({ where: { id: world.conversation1.id }, include: { assignmentEvents: true, messages: true } });
    expect(conversation).toMatchObject({ state: "unassigned", assigneeId: null, unreadCount: 2 });
    expect(conversation.messages.filter((message) => message.platformMessageId?.startsWith("m_wait_"))).toHaveLength(2);
    expect(conversation.assignmentEvents.map((event) => [event.kind, event.reason])).toEqual([["orphaned", "connecting_admin_inactive"]]);
  });

  it("reads a known customer's week-old profile again with their next message, and a fresh one not at all", async () => {
    const contactId = world.conversation1.contactId;
    const weekOld = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    await db().contact.update({ where: { id: contactId }, data: { name: "Tên cũ", profileFetchedAt: weekOld } });
    await deliver(customer1(10_000, { message: { mid: "m_after_a_week", text: "Shop còn hàng không?" } }));
    const refreshed = await db().contact.findUniqueOrThrow({ where: { id: contactId } });
    expect(refreshed.name).toBe(world.customers.customer1.name);
    expect(refreshed.profileFetchedAt!.getTime()).toBeGreaterThan(weekOld.getTime());

    await db().contact.update({ where: { id: contactId }, data: { name: "Tên shop đặt" } });
    await deliver(customer1(20_000, { message: { mid: "m_next_day", text: "Alo shop" } }));
    expect(await db().contact.findUniqueOrThrow({ where: { id: contactId } })).toMatchObject({ name: "Tên shop đặt" });
    expect(await db().message.count({ where: { platformMessageId: { in: ["m_after_a_week", "m_next_day"] }, conversationId: world.conversation1.id } })).toBe(2);
    expect(await db().conversation.findUniqueOrThrow({ where: { id: world.conversation1.id } })).toMatchObject({
      lastMessagePreview: "Alo shop",
      state: "assigned",
      assigneeId: world.adminId,
    });
  });

  it("keeps the preview of the newest message when an older one arrives late", async () => {
    await deliverFixture("reply-to.json");
    await deliverFixture("text.json");
    expect(await db().conversation.findUniqueOrThrow({ where: { id: world.conversation1.id } })).toMatchObject({
      lastMessagePreview: "Cái này nè shop",
      unreadCount: 2,
    });
  });

  it("stores the message without a name when the profile cannot be read, and flags a revoked token", async () => {
    const token = decryptSecret(world.channelA.accessTokenEnc);
    await fetch(`${emulator.url}/_emulator/tokens/invalidate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, reason: "password_changed" }),
    });
    await deliverFixture("multi-page.json");
    const contact = await db().contact.findFirstOrThrow({ where: { platformUserId: world.values.CUSTOMER_2 }, include: { conversations: { include: { messages: true } } } });
    expect(contact).toMatchObject({ name: null, profileFetchedAt: null });
    expect(contact.conversations[0]?.messages).toHaveLength(1);
    expect(await db().channel.findUniqueOrThrow({ where: { id: world.channelA.id } })).toMatchObject({
      status: "needs_reconnect",
      statusReason: "password_changed",
    });
    // The page waits for reconnection but its customers' messages keep arriving.
    await deliver(fromCustomer(world.values.CUSTOMER_2 ?? "", 30_000, { message: { mid: "m_c2_after", text: "Alo?" } }));
    expect(await db().message.count({ where: { platformMessageId: "m_c2_after" } })).toBe(1);
  });

  it("skips a disconnected page's events", async () => {
    await db().channel.update({ where: { id: world.channelA.id }, data: { status: "disconnected" } });
    const outcome = await deliverFixture("text.json");
    expect(outcome).toEqual({ stored: 0, skipped: 1 });
    expect(await db().message.count({ where: { platformMessageId: "m_c1_text" } })).toBe(0);
  });
});

describe("realtime", () => {
  let realtime: RealtimeTestServer;
  beforeAll(async () => {
    realtime = await startRealtimeTestServer();
  });
  afterAll(() => realtime.close());

  it("tells the admin about the new message after commit, and an unrelated agent nothing", async () => {
    const agent = await db().user.create({
      data: { workspaceId: world.workspaceId, email: "ha@hoamai.vn", name: "Hà", role: "agent", passwordHash: "unused" },
    });
    const adminSocket = await realtime.connectAs({ id: world.adminId, role: "admin", workspaceId: world.workspaceId });
    const agentSocket = await realtime.connectAs({ id: agent.id, role: "agent", workspaceId: world.workspaceId });
    const agentEvents: string[] = [];
    agentSocket.onAny((event: string) => agentEvents.push(event));

    const message = new Promise<{ message: { platformMessageId: string | null } }>((resolve) => adminSocket.on("message:upsert", resolve));
    const conversation = new Promise<{ conversation: { unreadCount: number } }>((resolve) => adminSocket.on("conversation:upsert", resolve));
    await deliverFixture("text.json");
    expect((await message).message.platformMessageId).toBe("m_c1_text");
    expect((await conversation).conversation.unreadCount).toBe(1);

    // Events on one socket arrive in order: once the ping is in, nothing else was sent before it.
    const ping = new Promise((resolve) => agentSocket.on("system:ping", resolve));
    emitTo([rooms.user(agent.id)], "system:ping", { at: new Date().toISOString() });
    await ping;
    expect(agentEvents).toEqual(["system:ping"]);
  });
});
