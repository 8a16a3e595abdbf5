// Two Socket.io servers sharing one adapter, as two app processes do: what is published on A reaches
// the right clients on B (and only them), in one packet per batch; ending a session on A closes its
// sockets on B; and B, cut off from the others for a moment, tells its clients to catch up.
import { connect as connectTcp } from "node:net";
import pg from "pg";
import type { Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { emitTo } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";
import { disconnectSockets } from "@/lib/realtime/disconnect-sockets";
import { openRealtimeAdapter, type RealtimeAdapter } from "@/lib/realtime/realtime-adapter";
import { OTHER_PROCESSES_MAX_AGE_MS } from "@/lib/cluster/other-processes-probe";
import { publishMessages } from "@/lib/inbox/publish-changes";
import { listConversations } from "@/lib/inbox/list-conversations";
import { listMessages } from "@/lib/inbox/list-messages";
import { listChangedConversations } from "@/lib/inbox/list-changed-conversations";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import { db } from "@/lib/db";
import { applyLiveMessage, mergeNewestPage, upsertMessage } from "@/components/inbox/thread-messages";
import type { SessionUser } from "@/lib/auth/session-token";
import { resetDatabase } from "../support/reset-database";
import { createChannel, createStaff, createWorkspace } from "../support/assignment-fixtures";
import { addConversation, addMessages } from "../support/inbox-fixtures";
import { startRealtimeTestServer, type RealtimeTestServer } from "../support/realtime-test-server";

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

function redisAnswers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  const socket = connectTcp({ host: hostname, port: Number(port || 6379) });
  return new Promise<boolean>((resolve) => {
    socket.once("connect", () => resolve(true));
    socket.once("error", () => resolve(false));
  }).finally(() => socket.destroy());
}
const redisReachable = await redisAnswers(REDIS_URL);
if (!redisReachable) console.warn(`Redis is unreachable at ${REDIS_URL}: the redis-streams adapter's tests are skipped.`);

/** Everything a client socket hears, in order. */
function recorder(socket: Socket) {
  const heard: Array<{ event: string; payload: unknown }> = [];
  const waiters: Array<() => void> = [];
  socket.onAny((event: string, payload: unknown) => {
    heard.push({ event, payload });
    waiters.forEach((check) => check());
  });
  return {
    heard,
    /** Resolves once something heard satisfies `test`. */
    until(test: (entry: { event: string; payload: unknown }) => boolean): Promise<void> {
      return new Promise((resolve) => {
        const check = () => heard.some(test) && resolve();
        waiters.push(check);
        check();
      });
    },
  };
}

/** Ends the adapters' LISTEN sessions (both A's and B's: they share this database); returns how many. */
async function terminateListenSessions(): Promise<number | null> {
  const admin = new pg.Client({ connectionString: env().DATABASE_URL });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND application_name LIKE 'socket.io-adapter-%' AND query LIKE 'LISTEN %'`,
    );
    return rowCount;
  } finally {
    await admin.end();
  }
}

/** A customer's message stored as receiving it would: the message, and its conversation's preview and time. */
async function customerWrote(conversationId: string, text: string, sentAt: Date): Promise<string> {
  const conversation = await db().conversation.update({ where: { id: conversationId }, data: { lastMessagePreview: text, lastMessageAt: sentAt }, select: { channelId: true } });
  const message = await db().message.create({
    data: { conversationId, channelId: conversation.channelId, direction: "inbound", senderKind: "contact", status: "delivered", text, sentAt },
    select: { id: true },
  });
  return message.id;
}

const pingAt = (at: string) => (entry: { event: string; payload: unknown }) => entry.event === "system:ping" && (entry.payload as { at: string }).at === at;

describe.each([
  { kind: "postgres", redisUrl: undefined },
  { kind: "redis-streams", redisUrl: redisReachable ? REDIS_URL : undefined },
] as const)("$kind adapter between two processes", ({ kind, redisUrl }) => {
  const skip = kind === "redis-streams" && !redisUrl;
  let adapters: RealtimeAdapter[];
  let serverA: RealtimeTestServer;
  let serverB: RealtimeTestServer;
  let assignee: SessionUser;
  let bystander: SessionUser;
  let conversationId: string;

  beforeAll(async () => {
    if (skip) return;
    adapters = await Promise.all([0, 1].map(() => openRealtimeAdapter({ databaseUrl: env().DATABASE_URL, redisUrl, poolMax: 2 })));
    serverA = await startRealtimeTestServer({ adapter: adapters[0] });
    serverB = await startRealtimeTestServer({ adapter: adapters[1], install: false });
  });
  afterAll(async () => {
    if (skip) return;
    await serverA.close();
    await serverB.close();
    await Promise.all(adapters.map((adapter) => adapter.close()));
  });
  beforeEach(async ({ skip: skipTest }) => {
    if (skip) skipTest(`Redis is unreachable at ${REDIS_URL}`);
    await resetDatabase();
    const { workspaceId, admin } = await createWorkspace();
    [assignee, bystander] = (await createStaff(workspaceId, 2)) as [SessionUser, SessionUser];
    const channelId = await createChannel(workspaceId, admin.id);
    conversationId = await addConversation({ channelId, customer: "Chị Lan", lastMessageAt: new Date(), assignee });
  });
  afterEach(() => {
    if (skip) return;
    serverA.disconnectAll();
    serverB.disconnectAll();
  });

  it("a batch published on A reaches the conversation's audience on B, in order, and nobody else", async () => {
    const onB = recorder(await serverB.connectAs(assignee));
    const bystanderOnB = recorder(await serverB.connectAs(bystander));
    const messageIds = await addMessages(conversationId, 3, { start: new Date("2026-12-03T09:00:00Z") });

    await publishMessages({ messageIds });
    await onB.until((entry) => entry.event === "conversation:upsert");
    expect(onB.heard.map(({ event, payload }) => (event === "message:upsert" ? (payload as { message: { id: string } }).message.id : event))).toEqual([
      ...messageIds,
      "conversation:upsert",
    ]);

    // Packets from one process arrive in order, so once this ping is heard the batch would have been too.
    emitTo([rooms.user(bystander.id)], "system:ping", { at: "after-batch" });
    await bystanderOnB.until(pingAt("after-batch"));
    expect(bystanderOnB.heard.map(({ event }) => event)).toEqual(["system:ping"]);
  });

  it("ending a session on A closes its sockets on B", async () => {
    const socket = await serverB.connectAs(assignee);
    const closed = new Promise((resolve) => socket.on("disconnect", resolve));
    disconnectSockets({ userId: assignee.id });
    await expect(closed).resolves.toBe("io server disconnect");
  });

  it.runIf(kind === "postgres")("sends a whole batch as one NOTIFY, a big one through the attachments table", async () => {
    const listener = new pg.Client({ connectionString: env().DATABASE_URL });
    await listener.connect();
    const packets: Array<{ type: number; attachmentId?: string }> = [];
    let markerSeen: () => void = () => {};
    const marker = new Promise<void>((resolve) => (markerSeen = resolve));
    listener.on("notification", ({ payload = "" }) => {
      const packet = JSON.parse(payload) as { type: number; attachmentId?: string };
      // Heartbeats (1, 2) come and go on their own; the rest are what publishing sent.
      if (packet.type > 2) packets.push(packet);
      if (payload.includes("after-batch")) markerSeen();
    });
    await listener.query(`LISTEN "socket.io#/"`);
    try {
      const onB = recorder(await serverB.connectAs(assignee));
      // Thirty messages and their conversation: well over NOTIFY's 8,000 bytes.
      const messageIds = await addMessages(conversationId, 30, { start: new Date("2026-12-03T09:00:00Z") });
      await publishMessages({ messageIds });
      await onB.until((entry) => entry.event === "conversation:upsert");
      expect(onB.heard.filter(({ event }) => event === "message:upsert")).toHaveLength(30);
      // NOTIFYs reach a listener in commit order: the marker comes after every packet of the batch.
      emitTo([rooms.user(assignee.id)], "system:ping", { at: "after-batch" });
      await marker;
      expect(packets).toHaveLength(2);
      expect(packets[0]?.attachmentId).toEqual(expect.any(String));
    } finally {
      await listener.end();
    }
  });

  it.runIf(kind === "postgres")("B's LISTEN session killed: B listens again and tells its clients to catch up", async () => {
    const onB = recorder(await serverB.connectAs(assignee));
    expect(await terminateListenSessions()).toBe(2);
    await onB.until((entry) => entry.event === "realtime:resync");
    expect(await adapters[1]?.isLinked()).toBe(true);

    emitTo([rooms.user(assignee.id)], "system:ping", { at: "relinked" });
    await onB.until(pingAt("relinked"));
  });

  it.runIf(kind === "postgres")("messages published while B's LISTEN session is down: B's client catches up to all of them, once, in order", async () => {
    const socket = await serverB.connectAs(assignee);
    const onB = recorder(socket);
    // The browser's state before the cut: the list's first page and the open thread's newest page.
    const [listed] = (await listConversations(assignee, { tab: "mine" })).conversations;
    const thread = await listMessages(assignee, conversationId, {});
    let shown = thread.messages;
    // Live events are merged as the thread merges them (by id: a copy never shows twice).
    socket.on("message:upsert", ({ message }: { message: MessageDto }) => (shown = applyLiveMessage(shown, thread.nextCursor !== null, message)));

    await terminateListenSessions();
    for (let index = 1; index <= 50; index++) {
      const messageId = await customerWrote(conversationId, `Tin ${index}`, new Date(Date.UTC(2026, 11, 3, 9, 0, index)));
      await publishMessages({ messageIds: [messageId] });
    }
    await onB.until((entry) => entry.event === "realtime:resync");

    // The catch-up the browser runs (use-conversation-list.ts, use-thread.ts, older pages on scroll).
    const changes = await listChangedConversations(assignee, { since: listed?.updatedAt });
    expect(changes).toMatchObject({ complete: true, conversations: [{ id: conversationId, lastMessagePreview: "Tin 50" }] });
    expect((await listChangedConversations(bystander, { since: listed?.updatedAt })).conversations).toEqual([]);
    const newest = await listMessages(assignee, conversationId, {});
    const merged = mergeNewestPage(shown, thread.nextCursor, newest.messages, newest.nextCursor);
    shown = merged.messages;
    for (let older = merged.olderCursor; older; ) {
      const page = await listMessages(assignee, conversationId, { before: older });
      shown = page.messages.reduce(upsertMessage, shown);
      older = page.nextCursor;
    }
    expect(shown.map((message) => message.text)).toEqual(Array.from({ length: 50 }, (_, index) => `Tin ${index + 1}`));
  });
});

describe("postgres adapter of a process alone", () => {
  let assignee: SessionUser;

  beforeEach(async () => {
    await resetDatabase();
    const { workspaceId } = await createWorkspace();
    [assignee] = (await createStaff(workspaceId, 1)) as [SessionUser];
  });

  it("sends no packets while no other process's adapter exists, and reaches a process that starts later", async () => {
    const observer = new pg.Client({ connectionString: env().DATABASE_URL, application_name: "test-observer" });
    await observer.connect();
    let packets = 0;
    observer.on("notification", ({ payload = "" }) => {
      // Heartbeats (1, 2) come and go on their own; the rest are what publishing sent.
      if ((JSON.parse(payload) as { type: number }).type > 2) packets++;
    });
    await observer.query(`LISTEN "socket.io#/"`);
    const adapterA = await openRealtimeAdapter({ databaseUrl: env().DATABASE_URL, poolMax: 2 });
    const serverA = await startRealtimeTestServer({ adapter: adapterA });
    let adapterB: RealtimeAdapter | undefined;
    let serverB: RealtimeTestServer | undefined;
    try {
      await adapterA.visibleToOthers();
      const onA = recorder(await serverA.connectAs(assignee));
      // The first batch goes out before A has ever counted the others; the count follows.
      emitTo([rooms.user(assignee.id)], "system:ping", { at: "counting" });
      await onA.until(pingAt("counting"));
      await new Promise((resolve) => setTimeout(resolve, OTHER_PROCESSES_MAX_AGE_MS / 2));
      const before = packets;
      for (const at of ["alone-1", "alone-2", "alone-3"]) emitTo([rooms.user(assignee.id)], "system:ping", { at });
      await onA.until(pingAt("alone-3"));
      // A packet A sent would have been committed by now, and reaches the observer before this
      // round trip through the database ends.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await observer.query("SELECT 1");
      expect(packets).toBe(before);

      adapterB = await openRealtimeAdapter({ databaseUrl: env().DATABASE_URL, poolMax: 2 });
      serverB = await startRealtimeTestServer({ adapter: adapterB, install: false });
      // As a starting process does before it takes sockets (start-server.ts).
      await adapterB.visibleToOthers();
      const onB = recorder(await serverB.connectAs(assignee));
      emitTo([rooms.user(assignee.id)], "system:ping", { at: "two-processes" });
      await onB.until(pingAt("two-processes"));
    } finally {
      await serverB?.close();
      await serverA.close();
      await Promise.all([adapterA.close(), adapterB?.close()]);
      await observer.end();
    }
  });
});
