// History sync's world for integration tests: the Meta emulator in-process with the history page
// "Cửa Hàng Lâu Năm" (as many threads as asked), the app's Graph and dialog URLs pointed at it, its
// webhooks delivered to our real ingestion (signature check, stored row, processed from the queue),
// the page connected through the wizard's own functions, and the job queue with the sync's worker.
import { afterAll, afterEach, beforeEach, expect, vi } from "vitest";
import type { SyncStatus } from "../../lib/generated/prisma/enums";
import { READABLE_MESSAGES } from "../../emulators/meta/conversation-nodes";
import { db } from "../../lib/db";
import type { SessionUser } from "../../lib/auth/session";
import { connectFacebookPage } from "../../lib/channels/facebook/connect-facebook-page";
import { drainWebhookQueue } from "../../lib/webhooks/process-webhook-queue";
import { startJobQueue, stopJobQueue } from "../../lib/jobs/job-queue";
import { registerHistorySyncWorker } from "../../lib/history-sync/history-sync-worker";
import { HISTORY_SYNC_QUEUE } from "../../lib/history-sync/history-sync-jobs";
import type { SyncTiming } from "../../lib/history-sync/sync-timing";
import type { MetaEmulator } from "../../emulators/meta/start-meta-emulator";
import type { Thread } from "../../emulators/meta/world-types";
import { emulatorControl, startAppEmulator } from "./app-emulator";
import { createAdmin, facebookWorld, signInWithFacebook } from "./facebook-connect";
import { resetDatabase } from "./reset-database";
import { startWebhookServer } from "./webhook-http-server";

const DAY = 24 * 3600 * 1000;

/** Fast enough for tests, with the same doubling as production. */
export const TEST_SYNC_TIMING: SyncTiming = {
  minPageIntervalMs: 0,
  backoffBaseMs: 40,
  backoffCapMs: 320,
  maxConsecutiveFailures: 12,
};

export interface HistoryWorld {
  emulator: MetaEmulator;
  /** The history page's admin, signed up anew before each test. */
  readonly admin: SessionUser;
}

/**
 * The world of a history sync test file: the emulator as the app's Facebook, its webhooks received
 * by the app's own webhook endpoint (processing them is drainWebhookQueue()); call before anything
 * reads env(). Each test gets the emulator's seeded world, an empty database holding the page's
 * admin, and its own sync workers. After it, the workers stop (waiting for the job in hand) and the
 * queue is emptied: a page transaction or retry still running from one test would otherwise hold
 * locks on the tables the next test's TRUNCATE takes, and deadlock it.
 */
export async function startHistoryWorld(historyThreads: number): Promise<HistoryWorld> {
  const receiver = await startWebhookServer();
  const emulator = await startAppEmulator({ historyThreads, webhookUrl: receiver.url, webhookRetryDelaysMs: [] });
  let admin: SessionUser | undefined;
  beforeEach(async () => {
    emulator.resetWorld();
    await resetDatabase();
    admin = await createAdmin("Lâu Năm", "admin@launam.vn");
    await startSyncWorkers();
  });
  afterEach(async () => {
    await stopJobQueue();
    await db().$executeRaw`DELETE FROM pgboss.job WHERE name = ${HISTORY_SYNC_QUEUE}`;
  });
  afterAll(async () => {
    await emulator.close();
    await receiver.close();
  });
  return {
    emulator,
    get admin() {
      if (!admin) throw new Error("The admin is signed up before each test, not before the file's tests run");
      return admin;
    },
  };
}

export function historyPage(emulator: MetaEmulator) {
  return facebookWorld(emulator).lauNam;
}

/** Facebook Login as the page's admin, then "Kết nối fanpage này": the wizard's own steps. */
export async function connectHistoryPage(emulator: MetaEmulator, admin: SessionUser): Promise<string> {
  const fb = facebookWorld(emulator);
  const login = await signInWithFacebook(emulator, admin, fb.an.id);
  if (login.outcome !== "authorized") throw new Error("Facebook Login did not authorize");
  const { channelId } = await connectFacebookPage(admin, fb.lauNam.id);
  return channelId;
}

export async function startSyncWorkers(timing: SyncTiming = TEST_SYNC_TIMING) {
  const boss = await startJobQueue();
  await registerHistorySyncWorker(boss, timing);
  return boss;
}

export { stopJobQueue as stopSyncWorkers };

/** The emulator's threads of the history page, newest activity first (the Conversations API's order). */
export function historyThreads(emulator: MetaEmulator): Thread[] {
  const pageId = historyPage(emulator).id;
  const last = (thread: Thread) => thread.messages.at(-1)?.createdAt ?? 0;
  return emulator.world.threads
    .filter((thread) => thread.pageId === pageId)
    .sort((a, b) => last(b) - last(a) || a.id.localeCompare(b.id));
}

/** Threads whose customer wrote within Messenger's reply window for human agents (7 days). */
export function answerablePsids(emulator: MetaEmulator, now = Date.now()): Set<string> {
  const psids = historyThreads(emulator)
    .filter((thread) => {
      const lastInbound = thread.messages.findLast((message) => message.direction === "in");
      return lastInbound !== undefined && now - lastInbound.createdAt <= 7 * DAY;
    })
    .map((thread) => thread.psid);
  return new Set(psids);
}

/** A customer writes on Messenger; the webhook reaches our ingestion and is processed. */
export async function customerWrites(
  emulator: MetaEmulator,
  who: { psid: string } | { firstName: string; lastName: string },
  text: string,
): Promise<string> {
  const pageId = historyPage(emulator).id;
  const body = "psid" in who ? { pageId, psid: who.psid, text } : { pageId, customer: who, text };
  const sent = await emulatorControl<{ psid: string }>(emulator, "messages", body);
  await drainWebhookQueue();
  return sent.psid;
}

export async function syncRow(channelId: string) {
  return db().historySync.findUniqueOrThrow({ where: { channelId } });
}

/** The sync's row once its status is one of `statuses`. */
export async function waitForSyncStatus(channelId: string, statuses: SyncStatus[]) {
  await vi.waitFor(async () => expect(statuses).toContain((await syncRow(channelId)).status), {
    timeout: 90_000,
    interval: 50,
  });
  return syncRow(channelId);
}

export async function waitForThreadsImported(channelId: string, atLeast: number) {
  await vi.waitFor(
    async () => expect((await syncRow(channelId)).threadsImported).toBeGreaterThanOrEqual(atLeast),
    { timeout: 90_000, interval: 20 },
  );
}

/** Every thread of the page is one conversation holding (at least) the messages Graph can detail, nothing foreign. */
export async function expectEveryThreadOnce(emulator: MetaEmulator, channelId: string) {
  const threads = historyThreads(emulator);
  const conversations = await db().conversation.findMany({
    where: { channelId },
    select: {
      platformThreadId: true,
      contact: { select: { platformUserId: true } },
      messages: { select: { platformMessageId: true } },
    },
  });
  expect(conversations).toHaveLength(threads.length);
  expect(await db().contact.count({ where: { channelId } })).toBe(threads.length);
  const byPsid = new Map(
    conversations.map((conversation) => [conversation.contact.platformUserId, conversation]),
  );
  for (const thread of threads) {
    const conversation = byPsid.get(thread.psid);
    expect(conversation?.platformThreadId).toBe(thread.id);
    const stored = new Set(conversation?.messages.map((message) => message.platformMessageId));
    const readable = thread.messages.slice(-READABLE_MESSAGES).map((message) => message.mid);
    for (const mid of readable) expect(stored.has(mid)).toBe(true);
    const known = new Set(thread.messages.map((message) => message.mid));
    for (const mid of stored) expect(known.has(mid ?? "")).toBe(true);
  }
}
