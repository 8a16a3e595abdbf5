// History import of a Zalo OA with 300 conversations ("Giày Dép Lâu Năm" in the Zalo emulator) through
// the real job queue: listrecentchat pages of 10 and each user's conversation; the worker killed
// halfway and a lost job's copy running after the restart, Zalo's rate limit (-32) on the way; each
// conversation is imported once, with Zalo's own message ids.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import { providerOf } from "@/lib/channels/registry";
import { HISTORY_SYNC_QUEUE } from "@/lib/history-sync/history-sync-jobs";
import { startHistorySync } from "@/lib/history-sync/start-history-sync";
import { stopJobQueue } from "@/lib/jobs/job-queue";
import type { SyncStatus } from "@/lib/generated/prisma/enums";
import { createAdmin } from "../support/facebook-connect";
import { resetDatabase } from "../support/reset-database";
import { startSyncWorkers, stopSyncWorkers, syncRow } from "../support/history-sync-world";
import { startWebhookServer } from "../support/webhook-http-server";
import { grantOa, startZaloAppEmulator, zaloControl } from "../support/zalo-app-emulator";

const CONVERSATIONS = 300;
/** As many messages per conversation as the import reads. */
const MESSAGES_PER_THREAD = 20;
const LONG = 120_000;

const receiver = await startWebhookServer(0, "zalo");
const emulator = await startZaloAppEmulator({ webhookUrl: receiver.url, seed: { historyConversations: CONVERSATIONS } });
let admin: SessionUser;

beforeEach(async () => {
  emulator.resetWorld();
  await resetDatabase();
  await startSyncWorkers();
  admin = await createAdmin("Giày Dép Lâu Năm", "admin@launam.vn");
});
afterEach(async () => {
  await stopJobQueue();
  await db().$executeRaw`DELETE FROM pgboss.job WHERE name = ${HISTORY_SYNC_QUEUE}`;
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

const historyOa = () => {
  const oa = emulator.world.oas.find((candidate) => candidate.name === "Giày Dép Lâu Năm");
  if (!oa) throw new Error("The Zalo emulator has no history OA");
  return oa;
};

async function connectHistoryOa(): Promise<string> {
  const provider = providerOf("zalo");
  const { dialogUrl } = await provider.connection.startAuthorization(admin, { rerequest: false });
  await provider.connection.completeAuthorization(admin, await grantOa(emulator, dialogUrl, historyOa().id));
  return (await provider.connection.connect(admin, historyOa().id)).channelId;
}

async function waitFor(channelId: string, done: (row: Awaited<ReturnType<typeof syncRow>>) => boolean) {
  await vi.waitFor(async () => expect(done(await syncRow(channelId))).toBe(true), { timeout: 90_000, interval: 30 });
  return syncRow(channelId);
}
const statusIn = (statuses: SyncStatus[]) => (row: { status: SyncStatus }) => statuses.includes(row.status);

describe("importing a Zalo OA's history", () => {
  it(
    "imports 300 conversations once although the worker is killed halfway and Zalo rate-limits",
    async () => {
      const channelId = await connectHistoryOa();
      await zaloControl(emulator, "faults", { kind: "rate_limit", times: 2, match: { path: "/v2.0/oa/listrecentchat" } });
      expect(await startHistorySync(channelId)).toBe(true);

      await waitFor(channelId, (row) => row.threadsImported >= CONVERSATIONS / 2);
      await stopSyncWorkers();
      const stopped = await syncRow(channelId);
      expect(stopped.status).toBe("running");
      expect(stopped.threadsImported).toBeLessThan(CONVERSATIONS);
      expect(stopped.cursor).not.toBeNull();

      const boss = await startSyncWorkers();
      // pg-boss retries a job whose process died: the copy finds the sync moved on, or races the chain for one page.
      await boss.send(HISTORY_SYNC_QUEUE, { channelId, run: stopped.run, failures: 0 });
      const done = await waitFor(channelId, statusIn(["done", "failed", "paused"]));
      expect(done).toMatchObject({ status: "done", threadsImported: CONVERSATIONS, threadsSkipped: 0, lastError: null, cursor: null });
      expect(emulator.world.faults).toEqual([]);

      const oaId = historyOa().id;
      const users = emulator.world.usersOf(oaId);
      expect(users).toHaveLength(CONVERSATIONS);
      const conversations = await db().conversation.findMany({
        where: { channelId },
        select: { platformThreadId: true, contact: { select: { platformUserId: true } }, messages: { select: { platformMessageId: true } } },
      });
      expect(conversations).toHaveLength(CONVERSATIONS);
      expect(await db().contact.count({ where: { channelId } })).toBe(CONVERSATIONS);
      const byUser = new Map(conversations.map((conversation) => [conversation.contact.platformUserId, conversation]));
      for (const user of users) {
        const conversation = byUser.get(user.userId);
        expect(conversation?.platformThreadId).toBe(user.userId);
        const zaloIds = emulator.world.conversation(oaId, user.userId).map((message) => message.msgId);
        const stored = (conversation?.messages ?? []).map((message) => message.platformMessageId);
        expect(new Set(stored).size).toBe(stored.length);
        expect(stored.sort()).toEqual(zaloIds.slice(-MESSAGES_PER_THREAD).sort());
      }
    },
    LONG,
  );
});
