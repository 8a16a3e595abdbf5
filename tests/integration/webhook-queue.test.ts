// The WebhookEvent outbox: a failing row is retried with backoff without holding up the others, gives
// up after MAX_ATTEMPTS, and the processor (in-process, or in its worker thread as the server runs
// it) picks up new and leftover rows by itself.
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { facebookApp } from "@/lib/channels/facebook/facebook-app";
import { storeWebhookEvent } from "@/lib/webhooks/store-webhook-event";
import { announceWebhookStored, PROCESSOR_LEAD_KEY } from "@/lib/webhooks/webhook-stored-notice";
import { processorLeadsHere } from "@/lib/webhooks/webhook-queue-signal";
import { OTHER_PROCESSES_MAX_AGE_MS } from "@/lib/cluster/other-processes-probe";
import { drainWebhookQueue, MAX_ATTEMPTS } from "@/lib/webhooks/process-webhook-queue";
import { receiveWebhooks } from "@/lib/inbox/receive-webhooks";
import { pruneWebhookEvents } from "@/lib/webhooks/prune-webhook-events";
import { startWebhookProcessor, stopWebhookProcessor } from "@/lib/webhooks/webhook-processor";
import { startWebhookWorker, stopWebhookWorker } from "@/lib/webhooks/start-webhook-worker";
import type { MetaEmulator } from "@/emulators/meta/start-meta-emulator";
import { resetDatabase } from "../support/reset-database";
import { postSignedWebhook, startWebhookServer } from "../support/webhook-http-server";
import { startRealtimeTestServer } from "../support/realtime-test-server";
import { createSalesRule, createStaff } from "../support/assignment-fixtures";
import { at, FIXTURE_T0, seedWebhookWorld, startProfileEmulator, type WebhookWorld } from "../support/webhook-world";

let emulator: MetaEmulator;
let world: WebhookWorld;

beforeAll(async () => {
  emulator = await startProfileEmulator();
  // Stands in for an unforeseen failure while storing one particular event (a bug, a constraint).
  await db().$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_poison_message() RETURNS trigger AS $$
    BEGIN
      IF NEW.text = 'poison' THEN RAISE EXCEPTION 'poisoned message'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db().$executeRawUnsafe(
    `CREATE TRIGGER test_poison_message BEFORE INSERT ON "Message" FOR EACH ROW EXECUTE FUNCTION test_poison_message()`,
  );
});
afterAll(async () => {
  await db().$executeRawUnsafe(`DROP TRIGGER test_poison_message ON "Message"`);
  await emulator.close();
});
beforeEach(async () => {
  await resetDatabase();
  world = await seedWebhookWorld(emulator);
});

const messageBody = (pageId: string, customerId: string, mid: string, text: string, offsetMs = 0) =>
  JSON.stringify({
    object: "page",
    entry: [
      {
        id: pageId,
        time: FIXTURE_T0 + offsetMs,
        messaging: [{ sender: { id: customerId }, recipient: { id: pageId }, timestamp: FIXTURE_T0 + offsetMs, message: { mid, text } }],
      },
    ],
  });
const body = (mid: string, text: string) => messageBody(world.values.PAGE_A, world.values.CUSTOMER_1, mid, text);
const storedMids = async () =>
  (await db().message.findMany({ where: { direction: "inbound" }, select: { platformMessageId: true } })).map((m) => m.platformMessageId).sort();
/** Customers 2 and 3 write for the first time since their conversations were assigned, as customer 1 does. */
async function makeKnownCustomers() {
  const known = async (channel: { id: string }, customer: { psid: string; name: string }) => {
    const contact = await db().contact.create({
      data: { channelId: channel.id, platformUserId: customer.psid, name: customer.name, profileFetchedAt: new Date() },
    });
    return db().conversation.create({
      data: {
        workspaceId: world.workspaceId,
        channelId: channel.id,
        contactId: contact.id,
        assigneeId: world.adminId,
        state: "assigned",
        lastMessageAt: at(3_000),
        lastMessagePreview: "Dạ vâng ạ",
      },
    });
  };
  return [await known(world.channelA, world.customers.customer2), await known(world.channelB, world.customers.customer3)] as const;
}

/** Makes every queued row look older, so its next retry is due now. */
const ageQueue = () => db().$executeRaw`UPDATE "WebhookEvent" SET "receivedAt" = "receivedAt" - interval '30 days'`;

describe("webhook queue", () => {
  it("retries a failing row with backoff without blocking the rows after it, then gives up", async () => {
    await storeWebhookEvent("facebook", body("m_before", "trước"));
    await storeWebhookEvent("facebook", body("m_poison", "poison"));
    await storeWebhookEvent("facebook", body("m_after", "sau"));
    await drainWebhookQueue();

    expect(await storedMids()).toEqual(["m_after", "m_before"]);
    const poison = await db().webhookEvent.findFirstOrThrow({ where: { rawBody: { contains: "m_poison" } } });
    expect(poison).toMatchObject({ attempts: 1, processedAt: null, lastError: expect.stringContaining("poisoned message") });

    // Not due yet: the first retry waits 5 s after receipt.
    await drainWebhookQueue();
    expect((await db().webhookEvent.findUniqueOrThrow({ where: { id: poison.id } })).attempts).toBe(1);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await ageQueue();
      await drainWebhookQueue();
    }
    expect(await db().webhookEvent.findUniqueOrThrow({ where: { id: poison.id } })).toMatchObject({
      attempts: MAX_ATTEMPTS,
      processedAt: expect.any(Date),
      lastError: expect.stringContaining("poisoned message"),
    });
    await ageQueue();
    await drainWebhookQueue();
    expect((await db().webhookEvent.findUniqueOrThrow({ where: { id: poison.id } })).attempts).toBe(MAX_ATTEMPTS);
  });

  it("issue 11: stores the first messages of a batch's known customers together, each once, and a poisoned one fails alone", async () => {
    const [second, third] = await makeKnownCustomers();
    const { PAGE_A, PAGE_B, CUSTOMER_1, CUSTOMER_2, CUSTOMER_3 } = world.values;
    await storeWebhookEvent("facebook", messageBody(PAGE_A, CUSTOMER_1, "m_c1_a", "Còn size L không shop?", 10_000));
    await storeWebhookEvent("facebook", messageBody(PAGE_A, CUSTOMER_2, "m_c2_a", "poison", 10_000));
    await storeWebhookEvent("facebook", messageBody(PAGE_B, CUSTOMER_3, "m_c3_a", "Giá bao nhiêu ạ?", 10_000));
    await storeWebhookEvent("facebook", messageBody(PAGE_A, CUSTOMER_1, "m_c1_b", "Mình lấy 2 cái", 11_000));
    // The same delivery again (a retry): stored once.
    await storeWebhookEvent("facebook", messageBody(PAGE_B, CUSTOMER_3, "m_c3_a", "Giá bao nhiêu ạ?", 10_000));
    await drainWebhookQueue();

    expect(await storedMids()).toEqual(["m_c1_a", "m_c1_b", "m_c3_a"]);
    const conversations = await db().conversation.findMany({
      where: { id: { in: [world.conversation1.id, second.id, third.id] } },
      select: { id: true, unreadCount: true, lastMessagePreview: true, lastMessageAt: true },
    });
    const byId = new Map(conversations.map((conversation) => [conversation.id, conversation]));
    expect(byId.get(world.conversation1.id)).toMatchObject({ unreadCount: 2, lastMessagePreview: "Mình lấy 2 cái", lastMessageAt: at(11_000) });
    expect(byId.get(third.id)).toMatchObject({ unreadCount: 1, lastMessagePreview: "Giá bao nhiêu ạ?", lastMessageAt: at(10_000) });
    expect(byId.get(second.id)).toMatchObject({ unreadCount: 0, lastMessagePreview: "Dạ vâng ạ" });
    const poison = await db().webhookEvent.findFirstOrThrow({ where: { rawBody: { contains: "m_c2_a" } } });
    expect(poison).toMatchObject({ attempts: 1, processedAt: null, lastError: expect.stringContaining("poisoned message") });
  });

  it("issue 11: two processors storing the same customers' messages in opposite orders store each once", async () => {
    await makeKnownCustomers();
    const { PAGE_A, PAGE_B, CUSTOMER_1, CUSTOMER_2, CUSTOMER_3 } = world.values;
    const customers = [
      [PAGE_A, CUSTOMER_1],
      [PAGE_A, CUSTOMER_2],
      [PAGE_B, CUSTOMER_3],
    ] as const;
    for (let round = 0; round < 5; round++) {
      const webhooks = customers.map(([page, customer], index) => ({
        id: BigInt(round * 10 + index),
        platform: "facebook" as const,
        rawBody: messageBody(page, customer, `m_${round}_${index}`, `Tin ${round}`, 20_000 + round),
      }));
      await Promise.all([receiveWebhooks(webhooks), receiveWebhooks([...webhooks].reverse()), receiveWebhooks(webhooks.slice(1))]);
    }
    expect(await storedMids()).toHaveLength(15);
    const unread = await db().conversation.findMany({ where: { state: "assigned" }, select: { unreadCount: true, lastMessagePreview: true } });
    expect(unread).toEqual(Array.from({ length: 3 }, () => ({ unreadCount: 5, lastMessagePreview: "Tin 4" })));
  });

  it("issue 18: a batch's first messages open their conversations together, routed as one by one: the cap, the queue, only me", async () => {
    const admin = await db().user.findUniqueOrThrow({ where: { id: world.adminId }, select: { id: true, email: true, name: true, role: true, workspaceId: true } });
    const members = await createStaff(world.workspaceId, 3);
    const rule = await createSalesRule(admin, [world.channelB.id], members, { maxOpenPerAgent: 3 });
    const { PAGE_A, PAGE_B } = world.values;
    const newOnB = Array.from({ length: 11 }, (_, i) => emulator.world.addCustomer(PAGE_B, `Khách ${i}`, "Mới"));
    const newOnA = emulator.world.addCustomer(PAGE_A, "Lan", "Trần");
    // A known customer with a fresh profile and no conversation yet on page B (no profile read).
    const knownOnB = await db().contact.create({ data: { channelId: world.channelB.id, platformUserId: "2588888888888888", name: "Chị Hà", profileFetchedAt: new Date() } });
    const writers = [...newOnB.map((c) => [PAGE_B, c.psid] as const), [PAGE_B, knownOnB.platformUserId] as const, [PAGE_A, newOnA.psid] as const];
    for (const [index, [page, psid]] of writers.entries()) {
      await storeWebhookEvent("facebook", messageBody(page, psid, `m_first_${index}`, `Xin chào ${index}`, 10_000 + index));
    }
    await drainWebhookQueue();

    const conversations = await db().conversation.findMany({
      where: { contact: { platformUserId: { in: writers.map(([, psid]) => psid) } } },
      select: {
        channelId: true, state: true, assigneeId: true, ruleId: true, unreadCount: true, lastMessagePreview: true, awaitingReplySince: true,
        contact: { select: { platformUserId: true, name: true } },
        _count: { select: { messages: true } },
        assignmentEvents: { select: { kind: true, toUserId: true, reason: true } },
      },
    });
    expect(conversations).toHaveLength(13);
    for (const conversation of conversations) {
      expect(conversation).toMatchObject({ unreadCount: 1, _count: { messages: 1 }, awaitingReplySince: expect.any(Date) });
      expect(conversation.lastMessagePreview).toMatch(/^Xin chào \d+$/);
    }
    // Profiles were read from the platform for the new customers; the known one kept hers.
    const names = new Map(conversations.map((c) => [c.contact.platformUserId, c.contact.name]));
    expect(names.get(newOnB[0]!.psid)).toBe(newOnB[0]!.name);
    expect(names.get(newOnA.psid)).toBe(newOnA.name);
    expect(names.get(knownOnB.platformUserId)).toBe("Chị Hà");

    const onB = conversations.filter((c) => c.channelId === world.channelB.id);
    const assigned = onB.filter((c) => c.state === "assigned");
    // Three members with a cap of three: nine in turn, three each; the other three wait in "Chờ nhận", saying why.
    expect(assigned).toHaveLength(9);
    expect(members.map((member) => assigned.filter((c) => c.assigneeId === member.id).length)).toEqual([3, 3, 3]);
    for (const c of assigned) expect(c.assignmentEvents).toEqual([{ kind: "assigned", toUserId: c.assigneeId, reason: "round_robin" }]);
    const waiting = onB.filter((c) => c.state !== "assigned");
    expect(waiting).toHaveLength(3);
    for (const c of waiting) {
      expect(c).toMatchObject({ state: "awaiting_claim", assigneeId: null, ruleId: rule.id });
      expect(c.assignmentEvents).toEqual([{ kind: "orphaned", toUserId: null, reason: "nobody_available" }]);
    }
    const onA = conversations.find((c) => c.channelId === world.channelA.id);
    expect(onA).toMatchObject({ state: "assigned", assigneeId: world.adminId, assignmentEvents: [{ kind: "assigned", toUserId: world.adminId, reason: "only_me_channel" }] });
    expect((await db().assignmentRule.findUniqueOrThrow({ where: { id: rule.id } })).roundRobinCursor).toBe(2);
  });

  it("issue 18: 240 first messages, each delivered twice, through three processors at once: one conversation and message each, spread within one", async () => {
    const admin = await db().user.findUniqueOrThrow({ where: { id: world.adminId }, select: { id: true, email: true, name: true, role: true, workspaceId: true } });
    const members = await createStaff(world.workspaceId, 7);
    await createSalesRule(admin, [world.channelB.id], members);
    const customers = Array.from({ length: 240 }, (_, i) => emulator.world.addCustomer(world.values.PAGE_B, `Khách ${i}`, "Đông"));
    for (const copy of [0, 1]) {
      for (const [index, customer] of customers.entries()) {
        // The second copies arrive in another order, so that batches overlap differently.
        const n = copy === 0 ? index : (index * 7) % customers.length;
        await storeWebhookEvent("facebook", messageBody(world.values.PAGE_B, customers[n]!.psid, `m_burst_${n}`, `Tin ${n}`, 20_000 + n));
      }
    }
    await Promise.all([drainWebhookQueue({ batchSize: 40 }), drainWebhookQueue({ batchSize: 40 }), drainWebhookQueue({ batchSize: 40 })]);

    const conversations = await db().conversation.findMany({
      where: { channelId: world.channelB.id },
      select: { id: true, assigneeId: true, state: true, _count: { select: { messages: true, assignmentEvents: true } }, assignmentEvents: { select: { toUserId: true } } },
    });
    expect(conversations).toHaveLength(240);
    expect(await db().contact.count({ where: { channelId: world.channelB.id } })).toBe(240);
    const perMember = members.map((member) => conversations.filter((c) => c.assigneeId === member.id).length);
    expect(perMember.reduce((sum, n) => sum + n, 0)).toBe(240);
    expect(Math.max(...perMember) - Math.min(...perMember)).toBeLessThanOrEqual(1);
    for (const c of conversations) {
      expect(c._count).toEqual({ messages: 1, assignmentEvents: 1 });
      expect(c.assignmentEvents[0]!.toUserId).toBe(c.assigneeId);
    }
    expect(await db().webhookEvent.count({ where: { processedAt: null } })).toBe(0);
  }, 60_000);

  it("marks a body it cannot use as processed with the reason, without retrying", async () => {
    await storeWebhookEvent("facebook", JSON.stringify({ object: "instagram", entry: [] }));
    await drainWebhookQueue();
    expect(await db().webhookEvent.findFirstOrThrow()).toMatchObject({
      attempts: 0,
      processedAt: expect.any(Date),
      lastError: 'object "instagram" is not handled',
    });
  });

  it("processes rows left from before a restart as soon as the processor starts, and new ones when woken", async () => {
    await storeWebhookEvent("facebook", body("m_left_over", "còn sót"));
    // A long sweep interval: only the start-up pass and the wake-up signal can explain the results.
    startWebhookProcessor({ sweepIntervalMs: 60 * 60 * 1000 });
    try {
      await waitFor(async () => (await storedMids()).includes("m_left_over"));
      const server = await startWebhookServer();
      expect(await postSignedWebhook(server.url, body("m_new", "mới"), facebookApp().appSecret)).toBe(200);
      await server.close();
      await waitFor(async () => (await storedMids()).includes("m_new"));
    } finally {
      await stopWebhookProcessor();
    }
    expect(await db().webhookEvent.count({ where: { processedAt: null } })).toBe(0);
  });

  it("issue 13: wakes on a webhook another process stored, through the NOTIFY sent after its commit", async () => {
    startWebhookProcessor({ sweepIntervalMs: 60 * 60 * 1000 });
    try {
      await waitFor(async () => {
        const [session] = await db().$queryRaw<{ listening: boolean }[]>`
          SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
                         AND application_name = 'webhook-stored-listener' AND query LIKE 'LISTEN %') AS listening`;
        return session?.listening === true;
      });
      // What another process's storeWebhookEvent does, without this process's direct wake-up.
      await db().$executeRaw`INSERT INTO "WebhookEvent" (platform, "rawBody") VALUES ('facebook', ${body("m_elsewhere", "từ tiến trình khác")})`;
      announceWebhookStored();
      await waitFor(async () => (await storedMids()).includes("m_elsewhere"));
    } finally {
      await stopWebhookProcessor();
    }
  });

  it("issue 13: one processor leads; the leader sends no NOTIFY, a standby announces what it stores and takes over when the leader goes", async () => {
    const notifications = await observeNotifications("webhook_stored");
    // Another process's webhook session, as its worker opens it: listening, and holding the lead.
    let otherLeader: pg.Client | undefined;
    startWebhookProcessor({ sweepIntervalMs: 60 * 60 * 1000 });
    try {
      await waitFor(async () => (await webhookListeners()) === 1);
      await waitFor(async () => processorLeadsHere());
      const before = notifications.heard;
      for (const mid of ["m_leader_1", "m_leader_2", "m_leader_3"]) await storeWebhookEvent("facebook", body(mid, "tiến trình dẫn"));
      await waitFor(async () => (await storedMids()).includes("m_leader_3"));
      expect(notifications.heard).toBe(before);
      await stopWebhookProcessor();

      otherLeader = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "webhook-stored-listener" });
      await otherLeader.connect();
      await otherLeader.query(`LISTEN webhook_stored; SELECT pg_advisory_lock(${PROCESSOR_LEAD_KEY})`);
      // The leader is never counted as behind here: helping is the next test's.
      startWebhookProcessor({ sweepIntervalMs: 60 * 60 * 1000, behindMs: 60 * 60 * 1000 });
      await waitFor(async () => (await webhookListeners()) === 2);
      // The listener count may still say "alone" from before: once it is out of date, what this
      // standby stores is announced to the leader, and the standby claims none of it.
      let sent = 0;
      await waitFor(async () => {
        await storeWebhookEvent("facebook", body(`m_standby_${sent++}`, "tiến trình chờ"));
        return notifications.heard > before;
      });
      expect(processorLeadsHere()).toBe(false);
      expect(await db().webhookEvent.count({ where: { processedAt: null } })).toBe(sent);

      // The leader's session ends (its process stopped or died): the standby leads within a second
      // or so and processes everything that waited.
      await otherLeader.end();
      otherLeader = undefined;
      await waitFor(async () => (await db().webhookEvent.count({ where: { processedAt: null } })) === 0);
      expect(processorLeadsHere()).toBe(true);
      expect(await storedMids()).toEqual(expect.arrayContaining([...Array(sent).keys()].map((index) => `m_standby_${index}`)));
    } finally {
      await otherLeader?.end();
      await notifications.stop();
      await stopWebhookProcessor();
    }
  });

  it("issue 13: a standby helps while the leader is behind: webhooks waiting over a second for their first try", async () => {
    const otherLeader = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "webhook-stored-listener" });
    await otherLeader.connect();
    await otherLeader.query(`LISTEN webhook_stored; SELECT pg_advisory_lock(${PROCESSOR_LEAD_KEY})`);
    // The leader holds the lead but processes nothing: what it leaves waits, older and older.
    for (const mid of ["m_late_1", "m_late_2"]) {
      await db().$executeRaw`INSERT INTO "WebhookEvent" (platform, "rawBody", "receivedAt")
        VALUES ('facebook', ${body(mid, "chờ lâu")}, (now() AT TIME ZONE 'UTC') - interval '10 seconds')`;
    }
    startWebhookProcessor({ sweepIntervalMs: 60 * 60 * 1000 });
    try {
      await waitFor(async () => (await db().webhookEvent.count({ where: { processedAt: null } })) === 0);
      expect(processorLeadsHere()).toBe(false);
      expect(await storedMids()).toEqual(expect.arrayContaining(["m_late_1", "m_late_2"]));
    } finally {
      await stopWebhookProcessor();
      await otherLeader.end();
    }
  });

  it("processes in the worker thread and relays its realtime events to the main thread's sockets", async () => {
    const realtime = await startRealtimeTestServer();
    startWebhookWorker();
    try {
      const admin = await realtime.connectAs({ id: world.adminId, role: "admin", workspaceId: world.workspaceId });
      const message = new Promise<{ message: { platformMessageId: string | null } }>((resolve) => admin.on("message:upsert", resolve));
      const server = await startWebhookServer();
      expect(await postSignedWebhook(server.url, body("m_worker", "từ luồng riêng"), facebookApp().appSecret)).toBe(200);
      await server.close();
      expect((await message).message.platformMessageId).toBe("m_worker");
    } finally {
      await stopWebhookWorker();
      await realtime.close();
    }
    expect(await storedMids()).toEqual(["m_worker"]);
  });

  it("prunes processed rows after a week and given-up rows after a month, never queued ones", async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 60 * 60 * 1000);
    await db().webhookEvent.createMany({
      data: [
        { platform: "facebook", rawBody: "old-done", processedAt: daysAgo(8) },
        { platform: "facebook", rawBody: "recent-done", processedAt: daysAgo(2) },
        { platform: "facebook", rawBody: "old-failed", processedAt: daysAgo(8), attempts: MAX_ATTEMPTS, lastError: "x" },
        { platform: "facebook", rawBody: "ancient-failed", processedAt: daysAgo(31), attempts: MAX_ATTEMPTS, lastError: "x" },
        { platform: "facebook", rawBody: "queued", receivedAt: daysAgo(40) },
      ],
    });
    expect(await pruneWebhookEvents()).toBe(2);
    const left = await db().webhookEvent.findMany({ select: { rawBody: true }, orderBy: { id: "asc" } });
    expect(left.map((row) => row.rawBody)).toEqual(["recent-done", "old-failed", "queued"]);
  });
});

/** How many webhook workers (this test's processor, other processes') LISTEN in this database. */
async function webhookListeners(): Promise<number> {
  const [row] = await db().$queryRaw<{ listeners: number }[]>`
    SELECT count(*)::int AS listeners FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = 'webhook-stored-listener' AND query LIKE 'LISTEN %'`;
  return row?.listeners ?? 0;
}

/** Counts the NOTIFYs on `channel`, from a session that does not count as a webhook worker. */
async function observeNotifications(channel: string): Promise<{ heard: number; stop: () => Promise<void> }> {
  const observer = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "test-observer" });
  const observed = { heard: 0, stop: () => observer.end() };
  observer.on("notification", () => observed.heard++);
  await observer.connect();
  await observer.query(`LISTEN ${channel}`);
  return observed;
}

/** Waits for the background processor (bounded, so a broken wake-up fails instead of hanging). */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("The webhook processor did not process the row");
}
