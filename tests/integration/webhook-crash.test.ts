// Crash test: a burst of signed webhooks into a server process that is SIGKILLed mid-burst — while
// its processor is inside a transaction — then restarted. Every acknowledged (200) event must end up
// in the database exactly once; Facebook's retries of the unacknowledged ones add no duplicates.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import pg from "pg";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { facebookApp } from "@/lib/channels/facebook/facebook-app";
import { signWebhookBody } from "@/lib/channels/facebook/webhook-signature";
import type { MetaEmulator } from "@/emulators/meta/start-meta-emulator";
import { resetDatabase } from "../support/reset-database";
import { FIXTURE_T0, seedWebhookWorld, startProfileEmulator, type WebhookWorld } from "../support/webhook-world";

const BODIES = 240;
const KILL_AFTER_ACKS = 80;
const CONCURRENCY = 12;
const SERVER_SCRIPT = path.resolve(import.meta.dirname, "../support/webhook-server-process.ts");

let emulator: MetaEmulator;
let world: WebhookWorld;
const children: ChildProcess[] = [];

beforeAll(async () => {
  emulator = await startProfileEmulator();
  await resetDatabase();
  world = await seedWebhookWorld(emulator);
});
afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});
afterAll(async () => {
  await emulator.close();
});

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  // `node --import tsx`, not the tsx CLI: the CLI runs the script in a grandchild that a SIGKILL of
  // the CLI would leave running.
  const child = spawn(process.execPath, ["--import", "tsx", SERVER_SCRIPT], {
    env: { ...process.env, DEMO_MODE: "false", NODE_ENV: "production", LOG_LEVEL: "error" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const port = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`webhook server exited early (${code})`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
  });
  return { child, url: `http://127.0.0.1:${port}/api/webhooks/facebook` };
}

/** Body i: two new messages and, overlapping the previous body, a copy of one of its messages. */
function webhookBody(i: number): string {
  const psid = i % 2 === 0 ? world.values.CUSTOMER_1 : world.values.CUSTOMER_2;
  const event = (mid: string, offset: number) => ({
    sender: { id: psid },
    recipient: { id: world.values.PAGE_A },
    timestamp: FIXTURE_T0 + offset,
    message: { mid, text: `Tin nhắn ${mid}` },
  });
  const events = [event(`m_crash_${i}_a`, i * 10), event(`m_crash_${i}_b`, i * 10 + 1)];
  if (i > 0) events.push({ ...event(`m_crash_${i - 1}_a`, (i - 1) * 10), sender: { id: i % 2 === 0 ? world.values.CUSTOMER_2 : world.values.CUSTOMER_1 } });
  return JSON.stringify({ object: "page", entry: [{ id: world.values.PAGE_A, time: FIXTURE_T0, messaging: events }] });
}

async function send(url: string, i: number): Promise<boolean> {
  const body = webhookBody(i);
  try {
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-hub-signature-256": signWebhookBody(facebookApp().appSecret, body) },
    });
    return response.status === 200;
  } catch {
    return false; // the connection died with the server: not acknowledged
  }
}

/** Sends bodies with a few in flight at a time, as Facebook does across pages; `stop` ends the burst early. */
async function burst(url: string, indexes: number[], onAck: (i: number) => void, stop: () => boolean): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < indexes.length && !stop()) {
        const i = indexes[next++] as number;
        if (await send(url, i)) onAck(i);
      }
    }),
  );
}

it("keeps every acknowledged event exactly once across a SIGKILL and restart", async () => {
  // Holding a SHARE lock on Message stalls the first server's processor inside its transactions
  // (every stored event inserts a message), while acknowledging keeps working: the kill then lands
  // between storing and processing, deterministically.
  const blocker = new pg.Client({ connectionString: env().DATABASE_URL });
  await blocker.connect();
  const acked = new Set<number>();
  try {
    await blocker.query(`BEGIN; LOCK TABLE "Message" IN SHARE MODE`);
    const first = await startServer();
    await burst(first.url, [...Array(BODIES).keys()], (i) => {
      acked.add(i);
      if (acked.size === KILL_AFTER_ACKS) first.child.kill("SIGKILL");
    }, () => first.child.signalCode !== null);
    await exited(first.child);

    // Everything acknowledged was stored before its 200, and none of it was processed yet.
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(await db().webhookEvent.count({ where: { processedAt: null } })).toBe(await db().webhookEvent.count());
    expect(await db().webhookEvent.count()).toBeGreaterThanOrEqual(acked.size);
  } finally {
    await blocker.query("ROLLBACK");
    await blocker.end();
  }

  // Restart; Facebook retries everything that was not acknowledged, and re-sends a few that were.
  const second = await startServer();
  const retried = [...Array(BODIES).keys()].filter((i) => !acked.has(i));
  const resentAcked = [...acked].slice(0, 10);
  const secondAcks = new Set<number>();
  await burst(second.url, [...retried, ...resentAcked], (i) => secondAcks.add(i), () => false);
  expect(secondAcks.size).toBe(retried.length + resentAcked.length);

  await waitUntilProcessed();
  second.child.kill("SIGTERM");
  await exited(second.child);

  const rows = await db().message.findMany({
    where: { platformMessageId: { startsWith: "m_crash_" } },
    select: { platformMessageId: true },
  });
  const mids = rows.map((row) => row.platformMessageId);
  const expected = [...Array(BODIES).keys()].flatMap((i) => [`m_crash_${i}_a`, `m_crash_${i}_b`]);
  expect(mids.length).toBe(new Set(mids).size);
  expect(new Set(mids)).toEqual(new Set(expected));
  const unread = await db().conversation.aggregate({ _sum: { unreadCount: true }, where: { channelId: world.channelA.id } });
  expect(unread._sum.unreadCount).toBe(expected.length);
  expect(await db().webhookEvent.count({ where: { lastError: { not: null } } })).toBe(0);
});

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/** The restarted server drains the queue in the background; bounded so a stuck queue fails the test. */
async function waitUntilProcessed(): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if ((await db().webhookEvent.count({ where: { processedAt: null } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("The restarted server did not process the stored webhooks");
}
