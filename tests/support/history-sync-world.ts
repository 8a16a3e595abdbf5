// History sync's world for integration tests: the Meta emulator in-process with the history page
// "Cửa Hàng Lâu Năm" (as many threads as asked), the app's Graph and dialog URLs pointed at it, its
// webhooks delivered to our real ingestion (signature check, stored row, processed from the queue),
// the page connected through the wizard's own functions, and the job queue with the sync's worker.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "../../lib/db";
import { env } from "../../lib/env";
import type { SessionUser } from "../../lib/auth/session";
import { connectFacebookPage } from "../../lib/channels/facebook/connect-facebook-page";
import { ingestMessengerWebhook } from "../../lib/channels/facebook/webhook-ingest";
import { drainWebhookQueue } from "../../lib/webhooks/process-webhook-queue";
import { startJobQueue, stopJobQueue } from "../../lib/jobs/job-queue";
import { registerHistorySyncWorker } from "../../lib/history-sync/history-sync-worker";
import type { SyncTiming } from "../../lib/history-sync/sync-timing";
import { startMetaEmulator, type MetaEmulator } from "../../emulators/meta/start-meta-emulator";
import type { Thread } from "../../emulators/meta/world-types";
import { facebookWorld, signInWithFacebook } from "./facebook-connect";

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
  close(): Promise<void>;
}

/** Receives the emulator's webhooks the way the app's route does; processing is drainWebhookQueue(). */
async function startWebhookReceiver(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === "string") headers.set(name, value);
      const request = new Request("http://localhost/api/webhooks/facebook", {
        method: "POST",
        headers,
        body: Buffer.concat(chunks),
      });
      ingestMessengerWebhook(request).then(
        (status) => res.writeHead(status).end(),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

/** Starts the emulator and points the app at it; call before anything reads env(). */
export async function startHistoryWorld(historyThreads: number): Promise<HistoryWorld> {
  const receiver = await startWebhookReceiver();
  const emulator = await startMetaEmulator({
    appId: process.env.META_APP_ID ?? "",
    appSecret: process.env.META_APP_SECRET ?? "",
    historyThreads,
    webhookUrl: receiver.url,
    webhookRetryDelaysMs: [],
  });
  process.env.META_GRAPH_URL = emulator.url;
  process.env.META_DIALOG_URL = emulator.url;
  if (env().META_GRAPH_URL !== emulator.url) throw new Error("env() was read before the emulator started");
  return {
    emulator,
    close: async () => {
      await emulator.close();
      await new Promise<void>((resolve) => receiver.server.close(() => resolve()));
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

async function control(emulator: MetaEmulator, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${emulator.url}/_emulator/${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Emulator ${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

export function addFault(emulator: MetaEmulator, fault: Record<string, unknown>): Promise<unknown> {
  return control(emulator, "faults", fault);
}

export function invalidatePageToken(
  emulator: MetaEmulator,
  reason: "expired" | "password_changed",
): Promise<unknown> {
  return control(emulator, "tokens/invalidate", { pageId: historyPage(emulator).id, reason });
}

/** A customer writes on Messenger; the webhook reaches our ingestion and is processed. */
export async function customerWrites(
  emulator: MetaEmulator,
  who: { psid: string } | { firstName: string; lastName: string },
  text: string,
): Promise<string> {
  const pageId = historyPage(emulator).id;
  const body = "psid" in who ? { pageId, psid: who.psid, text } : { pageId, customer: who, text };
  const sent = (await control(emulator, "messages", body)) as { psid: string };
  await drainWebhookQueue();
  return sent.psid;
}

export async function syncRow(channelId: string) {
  return db().historySync.findUniqueOrThrow({ where: { channelId } });
}
