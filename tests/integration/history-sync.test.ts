// History sync of "Cửa Hàng Lâu Năm" (500 threads in the Meta emulator) through the real job queue:
// every thread once even when the worker stops midway and customers write during the sync, rate
// limits and 5xx only slow it, a dead token pauses it until the page is reconnected, and a malformed
// thread is skipped and reported.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/session";
import type { SyncStatus } from "@/lib/generated/prisma/enums";
import { HISTORY_SYNC_QUEUE } from "@/lib/history-sync/history-sync-jobs";
import { readHistorySync } from "@/lib/history-sync/read-history-sync";
import { requestHistorySync } from "@/lib/history-sync/request-history-sync";
import { resumeHistorySync, startHistorySync } from "@/lib/history-sync/start-history-sync";
import { READABLE_MESSAGES } from "../../emulators/meta/conversation-nodes";
import { createAdmin } from "../support/facebook-connect";
import { createStaff } from "../support/assignment-fixtures";
import { addFault, invalidatePageTokens } from "../support/app-emulator";
import {
  connectHistoryPage,
  customerWrites,
  historyPage,
  historyThreads,
  historyWorldHooks,
  startHistoryWorld,
  startSyncWorkers,
  stopSyncWorkers,
  syncRow,
} from "../support/history-sync-world";

const THREADS = 500;
const LONG = 120_000;

const world = await startHistoryWorld(THREADS);
let admin: SessionUser;
historyWorldHooks(world);
beforeEach(async () => {
  admin = await createAdmin("Lâu Năm", "admin@launam.vn");
});

async function waitForStatus(channelId: string, statuses: SyncStatus[]) {
  await vi.waitFor(async () => expect(statuses).toContain((await syncRow(channelId)).status), {
    timeout: 90_000,
    interval: 50,
  });
  return syncRow(channelId);
}

async function waitForImported(channelId: string, atLeast: number) {
  await vi.waitFor(
    async () => expect((await syncRow(channelId)).threadsImported).toBeGreaterThanOrEqual(atLeast),
    { timeout: 90_000, interval: 20 },
  );
}

/** Every thread of the page is one conversation holding (at least) the messages Graph can detail, nothing foreign. */
async function expectEveryThreadOnce(channelId: string) {
  const threads = historyThreads(world.emulator);
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

describe("importing a page's Messenger history", () => {
  it(
    "imports 500 threads once although the worker stops midway, a lost job's copy runs, and customers write meanwhile",
    async () => {
      const channelId = await connectHistoryPage(world.emulator, admin);
      expect(await startHistorySync(channelId)).toBe(true);
      expect(await startHistorySync(channelId)).toBe(false);

      await waitForImported(channelId, 50);
      // Slow Graph answers keep the sync busy while customers write: one already imported, one deep in
      // the history (their thread jumps above the cursor), and one who never wrote before.
      await addFault(world.emulator, {
        kind: "slow",
        delayMs: 600,
        times: 2,
        match: { path: "/conversations" },
      });
      const threads = historyThreads(world.emulator);
      const early = threads[0];
      const deep = threads[450];
      const later = threads[480];
      if (!early || !deep || !later) throw new Error("The emulator seeded fewer threads than asked");
      await customerWrites(world.emulator, early, "Shop ơi đơn của em tới đâu rồi?");
      await customerWrites(world.emulator, deep, "Shop còn mẫu này không ạ?");
      const newcomer = await customerWrites(
        world.emulator,
        { firstName: "Mới", lastName: "Khách" },
        "Chào shop",
      );

      await waitForImported(channelId, 100);
      await stopSyncWorkers();
      const stopped = await syncRow(channelId);
      expect(stopped.status).toBe("running");
      expect(stopped.threadsImported).toBeLessThan(THREADS);
      expect(stopped.cursor).not.toBeNull();

      // While no worker runs, another customer deep in the history writes.
      await customerWrites(world.emulator, later, "Cho em hỏi giá ship");
      const boss = await startSyncWorkers();
      // pg-boss retries a job whose process died: the copy finds the sync moved on, or races the chain for one page.
      await boss.send(HISTORY_SYNC_QUEUE, { channelId, run: stopped.run, failures: 0 });

      const done = await waitForStatus(channelId, ["done"]);
      expect(done).toMatchObject({
        threadsImported: THREADS + 1,
        threadsSkipped: 0,
        cursor: null,
        catchUpSince: null,
        lastError: null,
      });
      await expectEveryThreadOnce(channelId);
      expect(await db().message.count({ where: { channelId } })).toBeGreaterThanOrEqual(
        done.messagesImported,
      );

      // Live conversations stay live; imported history counts as read; the four live messages are unread.
      const conversations = await db().conversation.findMany({
        where: { channelId },
        select: { origin: true, unreadCount: true, contact: { select: { platformUserId: true } } },
      });
      const live = conversations
        .filter((conversation) => conversation.origin === "live")
        .map((conversation) => conversation.contact.platformUserId);
      expect(live.sort()).toEqual([deep.psid, later.psid, newcomer].sort());
      expect(conversations.reduce((sum, conversation) => sum + conversation.unreadCount, 0)).toBe(4);
      // An "only me" page: everything went to the admin who connected it.
      expect(
        await db().conversation.count({ where: { channelId, assigneeId: admin.id, state: "assigned" } }),
      ).toBe(THREADS + 1);
      expect(done.pendingPolicy).toBeNull();
    },
    LONG,
  );

  it(
    "slows down on Graph's rate limits (613, 4, 32, 17) and 5xx without failing",
    async () => {
      const channelId = await connectHistoryPage(world.emulator, admin);
      for (const code of [613, 4, 32, 17])
        await addFault(world.emulator, { kind: "rate_limit", code, match: { path: "/conversations" } });
      await addFault(world.emulator, { kind: "server_error", match: { path: "/conversations" } });
      await startHistorySync(channelId);

      const done = await waitForStatus(channelId, ["done", "failed", "paused"]);
      expect(done).toMatchObject({
        status: "done",
        threadsImported: THREADS,
        lastError: null,
        retryAt: null,
      });
      expect(world.emulator.world.faults).toEqual([]);
      await expectEveryThreadOnce(channelId);
      // Each failure was retried by a new job carrying the count of consecutive failures (the backoff).
      const retries = await db().$queryRaw<{ failures: number }[]>`
      SELECT (data->>'failures')::int AS failures FROM pgboss.job WHERE name = ${HISTORY_SYNC_QUEUE} AND data->>'channelId' = ${channelId}
      UNION ALL
      SELECT (data->>'failures')::int FROM pgboss.archive WHERE name = ${HISTORY_SYNC_QUEUE} AND data->>'channelId' = ${channelId}`;
      expect(retries.map((job) => job.failures).sort()).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
    },
    LONG,
  );

  it(
    "pauses when the token dies mid-sync and resumes from its cursor after reconnecting",
    async () => {
      const channelId = await connectHistoryPage(world.emulator, admin);
      // A shared page in no rule: nothing touches the imported conversations after the sync.
      await db().channel.update({ where: { id: channelId }, data: { chatMode: "shared" } });
      await startHistorySync(channelId);
      await waitForImported(channelId, 100);
      await invalidatePageTokens(world.emulator, historyPage(world.emulator).id, "password_changed");

      const paused = await waitForStatus(channelId, ["paused"]);
      expect(paused).toMatchObject({ lastError: "needs_reconnect" });
      expect(paused.cursor).not.toBeNull();
      expect(await db().channel.findUniqueOrThrow({ where: { id: channelId } })).toMatchObject({
        status: "needs_reconnect",
        statusReason: "password_changed",
      });
      expect(await readHistorySync(admin, channelId)).toMatchObject({
        status: "paused",
        problem: "needs_reconnect",
        threadsImported: paused.threadsImported,
      });
      await expect(requestHistorySync(admin, channelId)).rejects.toMatchObject({
        code: "conflict",
        params: { reason: "channel_not_connected" },
      });
      const before = await db().conversation.findMany({
        where: { channelId },
        select: { id: true, updatedAt: true },
      });

      // "Kết nối lại" in the wizard resumes the sync; asking again changes nothing.
      await connectHistoryPage(world.emulator, admin);
      expect(await resumeHistorySync(channelId)).toBe(false);
      const done = await waitForStatus(channelId, ["done"]);
      expect(done.threadsImported).toBe(THREADS);
      await expectEveryThreadOnce(channelId);
      // Threads stored before the pause were not read again: their rows were not touched.
      const after = new Map(
        (
          await db().conversation.findMany({ where: { channelId }, select: { id: true, updatedAt: true } })
        ).map((c) => [c.id, c.updatedAt]),
      );
      for (const conversation of before) expect(after.get(conversation.id)).toEqual(conversation.updatedAt);
      expect(done.messagesImported).toBe(await db().message.count({ where: { channelId } }));
    },
    LONG,
  );

  it(
    "skips malformed threads, reports them, and imports the rest",
    async () => {
      const pageId = historyPage(world.emulator).id;
      const [, noCustomer, noId] = historyThreads(world.emulator).slice(100);
      if (!noCustomer || !noId) throw new Error("The emulator seeded fewer threads than asked");
      const missingCustomer = noCustomer.psid;
      noCustomer.psid = pageId;
      noId.id = "";
      const channelId = await connectHistoryPage(world.emulator, admin);
      await startHistorySync(channelId);

      const done = await waitForStatus(channelId, ["done"]);
      expect(done).toMatchObject({ threadsImported: THREADS - 2, threadsSkipped: 2 });
      const view = await readHistorySync(admin, channelId);
      expect(view?.skipped).toEqual(
        expect.arrayContaining([
          { threadId: noCustomer.id, reason: "no_customer" },
          { threadId: "(no id)", reason: "malformed" },
        ]),
      );
      expect(view).toMatchObject({ status: "done", estimatedTotal: THREADS, threadsSkipped: 2 });
      expect(
        await db().contact.count({
          where: { channelId, platformUserId: { in: [missingCustomer, noId.psid] } },
        }),
      ).toBe(0);
      expect(await db().conversation.count({ where: { channelId } })).toBe(THREADS - 2);
    },
    LONG,
  );

  it(
    "starts over on request once done, and keeps agents and other workspaces out",
    async () => {
      const channelId = await connectHistoryPage(world.emulator, admin);
      const [agent] = await createStaff(admin.workspaceId, 1);
      const stranger = await createAdmin("Khác", "admin@khac.vn");
      if (!agent) throw new Error("no agent");
      await expect(readHistorySync(agent, channelId)).rejects.toMatchObject({ code: "forbidden" });
      await expect(requestHistorySync(stranger, channelId)).rejects.toMatchObject({ code: "not_found" });
      expect(await readHistorySync(admin, channelId)).toBeNull();

      expect(["queued", "running"]).toContain((await requestHistorySync(admin, channelId))?.status);
      const first = await waitForStatus(channelId, ["done"]);
      // Slow pages keep the new run busy while the admin presses again: nothing more starts. Three of
      // them, so the run is still busy even if a straggling request of the first run takes one.
      await addFault(world.emulator, { kind: "slow", delayMs: 1000, match: { path: "/conversations" }, times: 3 });
      expect(["queued", "running"]).toContain((await requestHistorySync(admin, channelId))?.status);
      expect(["queued", "running"]).toContain((await requestHistorySync(admin, channelId))?.status);
      const second = await waitForStatus(channelId, ["done"]);
      expect(second.run).toBe(first.run + 1);
      expect(second.threadsImported).toBe(THREADS);
      expect(second.messagesImported).toBe(0);
      await expectEveryThreadOnce(channelId);
    },
    LONG,
  );
});
