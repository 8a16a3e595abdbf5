// History sync of "Cửa Hàng Lâu Năm" (500 threads in the Meta emulator) through the real job queue:
// every thread once even when the worker stops midway, a lost job's copy runs, and customers write
// during the sync. Rate limits, a dead token and malformed threads: history-sync-faults.test.ts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HISTORY_SYNC_QUEUE } from "@/lib/history-sync/history-sync-jobs";
import { startHistorySync } from "@/lib/history-sync/start-history-sync";
import { addFault } from "../support/app-emulator";
import {
  connectHistoryPage,
  customerWrites,
  expectEveryThreadOnce,
  historyThreads,
  startHistoryWorld,
  startSyncWorkers,
  stopSyncWorkers,
  syncRow,
  waitForSyncStatus,
  waitForThreadsImported,
} from "../support/history-sync-world";

const THREADS = 500;

const LONG = 120_000;

const world = await startHistoryWorld(THREADS);

describe("importing a page's Messenger history", () => {
  it(
    "imports 500 threads once although the worker stops midway, a lost job's copy runs, and customers write meanwhile",
    async () => {
      const channelId = await connectHistoryPage(world.emulator, world.admin);
      expect(await startHistorySync(channelId)).toBe(true);
      expect(await startHistorySync(channelId)).toBe(false);

      await waitForThreadsImported(channelId, 50);
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

      await waitForThreadsImported(channelId, 100);
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

      const done = await waitForSyncStatus(channelId, ["done"]);
      expect(done).toMatchObject({
        threadsImported: THREADS + 1,
        threadsSkipped: 0,
        cursor: null,
        catchUpSince: null,
        lastError: null,
      });
      await expectEveryThreadOnce(world.emulator, channelId);
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
        await db().conversation.count({ where: { channelId, assigneeId: world.admin.id, state: "assigned" } }),
      ).toBe(THREADS + 1);
      expect(done.pendingPolicy).toBeNull();
    },
    LONG,
  );

});
