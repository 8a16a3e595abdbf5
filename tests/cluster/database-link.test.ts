// Two app processes on a PostgreSQL this file owns (an embedded one, not the machine's shared
// server, whose other sessions it must not touch) lose their link to it: first the realtime
// adapters' LISTEN sessions are terminated while 50 messages arrive, and a client that catches up
// as the browser does (on the server's "realtime:resync") holds all 50 once, in order; then the
// server is stopped for a few seconds and started again: each adapter listens again, an event
// emitted by one process reaches a socket on the other again, and every webhook acknowledged
// before, during or after the outage is stored exactly once.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/server/embedded-database";
import { runMigrations } from "@/lib/server/run-migrations";
import { db, disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { signWebhookBody } from "@/lib/channels/facebook/webhook-signature";
import type { MetaEmulator } from "@/emulators/meta/start-meta-emulator";
import { openClusterSocket, recorder, startTestCluster, type TestCluster } from "../support/cluster-harness";
import { seedWebhookWorld, startProfileEmulator, type WebhookWorld } from "../support/webhook-world";
import { connected, sessionCookie } from "../support/socket-client";
import { addConversation } from "../support/inbox-fixtures";
import { runConcurrently } from "../support/assignment-fixtures";
import type { MessageDto } from "@/lib/inbox/inbox-dto";
import type { MessagePage } from "@/lib/inbox/list-messages";
import pg from "pg";

const DATABASE_PORT = Number(process.env.CLUSTER_TEST_DATABASE_PORT ?? 3268);
const dataDir = mkdtempSync(path.join(os.tmpdir(), "chat-owned-db-"));
// PostgreSQL runs as its own user when the tests run as root: it must be able to enter the folder.
chmodSync(dataDir, 0o755);
const startDatabase = () => startEmbeddedDatabase({ dataDir, port: DATABASE_PORT, password: "owned-by-the-test", log: () => {} });

let database: EmbeddedDatabase;
let emulator: MetaEmulator;
let world: WebhookWorld;
let cluster: TestCluster;
let socket: Socket | undefined;

beforeAll(async () => {
  database = await startDatabase();
  // Before anything reads env(): every module and process of this file uses the owned database.
  process.env.DATABASE_URL = database.url;
  await runMigrations(database.url);
  emulator = await startProfileEmulator();
  world = await seedWebhookWorld(emulator);
  cluster = await startTestCluster(2);
});

afterAll(async () => {
  socket?.disconnect();
  await cluster?.stop();
  await emulator?.close();
  await disconnectDb();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const message = (index: number) =>
  JSON.stringify({
    object: "page",
    entry: [{ id: world.values.PAGE_A, time: Date.now(), messaging: [{ sender: { id: world.values.CUSTOMER_2 }, recipient: { id: world.values.PAGE_A }, timestamp: Date.now(), message: { mid: `m_restart_${index}`, text: `Tin ${index}` } }] }],
  });

/** Posts until the process acknowledges it (200), as Facebook retries. */
async function deliver(processIndex: number, body: string): Promise<void> {
  for (;;) {
    const response = await fetch(`${cluster.appUrl(processIndex)}/api/webhooks/facebook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(env().META_APP_SECRET ?? "", body) },
      body,
    }).catch(() => null);
    if (response?.status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function everyProcessReady(): Promise<void> {
  for (const index of [0, 1]) {
    while (!(await fetch(`${cluster.appUrl(index)}/api/ready`).then((response) => response.ok, () => false))) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/** The admin switches availability on process B: an event emitted by B's own request, heard on A only through the adapter. */
async function switchAvailabilityOnB(cookie: string, availability: "available" | "away"): Promise<void> {
  const response = await fetch(`${cluster.appUrl(1)}/api/account/availability`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: new URL(env().APP_URL).origin },
    body: JSON.stringify({ availability }),
  });
  expect(response.status).toBe(200);
}

const availabilityIs = (availability: string) => (name: string, payload: unknown) =>
  name === "availability:changed" && (payload as { availability: string }).availability === availability;

it("the adapters' LISTEN sessions killed while 50 messages arrive: after the resync the client's thread holds all 50 once, in order", async () => {
  const admin = { id: world.adminId, role: "admin" as const, workspaceId: world.workspaceId };
  const adminCookie = await sessionCookie(admin);
  const psid = "2700000000000050";
  const conversationId = await addConversation({ channelId: world.channelA.id, customer: "Đỗ Minh", psid, assignee: { ...admin, email: "admin@hoamai.vn", name: "Chủ shop" }, lastMessageAt: new Date() });

  // The client on process A: live messages, and on "realtime:resync" the thread read again, as the inbox does.
  const client = openClusterSocket(cluster.appUrl(0), adminCookie);
  const thread = new Map<string, MessageDto>();
  let resyncs = 0;
  client.on("message:upsert", ({ message }: { message: MessageDto }) => {
    if (message.conversationId === conversationId) thread.set(message.id, message);
  });
  client.on("realtime:resync", async () => {
    resyncs++;
    let before: string | null = "";
    while (before !== null) {
      const query: string = before ? `?before=${encodeURIComponent(before)}` : "";
      const page = (await (await fetch(`${cluster.appUrl(0)}/api/conversations/${conversationId}/messages${query}`, { headers: { cookie: adminCookie } })).json()) as MessagePage;
      for (const message of page.messages) thread.set(message.id, message);
      before = page.nextCursor;
    }
  });
  await connected(client);

  const base = Date.now();
  const bodies = Array.from({ length: 50 }, (_, index) =>
    JSON.stringify({
      object: "page",
      entry: [{ id: world.values.PAGE_A, time: base + index, messaging: [{ sender: { id: psid }, recipient: { id: world.values.PAGE_A }, timestamp: base + index, message: { mid: `m_listen_${index}`, text: `Tin ${index}` } }] }],
    }),
  );
  const terminator = new pg.Client({ connectionString: database.url });
  await terminator.connect();
  let sent = 0;
  await runConcurrently(50, 5, async (index) => {
    if (++sent === 10) {
      const { rowCount } = await terminator.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'socket.io-adapter-%' AND query LIKE 'LISTEN %'`);
      expect(rowCount).toBeGreaterThanOrEqual(2);
    }
    await deliver(1, bodies[index] as string);
  });
  await terminator.end();

  while (thread.size < 50 || resyncs === 0) await new Promise((resolve) => setTimeout(resolve, 250));
  const inOrder = [...thread.values()].sort((a, b) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id)).map((message) => message.text);
  expect(inOrder).toEqual(Array.from({ length: 50 }, (_, index) => `Tin ${index}`));
  client.disconnect();
});

it("after a restart of PostgreSQL the adapter listens again, events cross processes again, and nothing acknowledged is lost", async () => {
  const adminCookie = await sessionCookie({ id: world.adminId, role: "admin", workspaceId: world.workspaceId });
  socket = openClusterSocket(cluster.appUrl(0), adminCookie);
  const onA = recorder(await connected(socket));

  await deliver(1, message(0));
  await switchAvailabilityOnB(adminCookie, "away");
  await onA.until(availabilityIs("away"));

  // Down for a few seconds while customers keep writing through process B.
  await disconnectDb();
  await database.stop();
  const duringOutage = Promise.all([1, 2, 3, 4, 5].map((index) => deliver(1, message(index))));
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  database = await startDatabase();

  await duringOutage;
  await everyProcessReady();
  await deliver(1, message(6));
  await switchAvailabilityOnB(adminCookie, "available");
  await onA.until(availabilityIs("available"));

  while ((await db().webhookEvent.count({ where: { processedAt: null } })) > 0) await new Promise((resolve) => setTimeout(resolve, 250));
  const stored = await db().message.findMany({ where: { platformMessageId: { startsWith: "m_restart_" } }, select: { platformMessageId: true } });
  expect(stored.map((row) => row.platformMessageId).sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((index) => `m_restart_${index}`));
});
