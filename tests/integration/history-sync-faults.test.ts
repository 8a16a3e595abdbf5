// History sync of "Cửa Hàng Lâu Năm" when things go wrong, through the real job queue: rate limits
// and 5xx only slow it, a dead token pauses it until the page is reconnected, a malformed thread is
// skipped and reported, and a finished sync starts over only on an admin's request. 200 threads: a
// few pages of Graph's answers are all these need (the 500-thread import: history-sync.test.ts).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HISTORY_SYNC_QUEUE } from "@/lib/history-sync/history-sync-jobs";
import { readHistorySync } from "@/lib/history-sync/read-history-sync";
import { requestHistorySync } from "@/lib/history-sync/request-history-sync";
import { resumeHistorySync, startHistorySync } from "@/lib/history-sync/start-history-sync";
import { createAdmin } from "../support/facebook-connect";
import { createStaff } from "../support/assignment-fixtures";
import { addFault, invalidatePageTokens } from "../support/app-emulator";
import {
  connectHistoryPage,
  expectEveryThreadOnce,
  historyPage,
  historyThreads,
  startHistoryWorld,
  waitForSyncStatus,
  waitForThreadsImported,
} from "../support/history-sync-world";

const THREADS = 200;

const LONG = 120_000;

const world = await startHistoryWorld(THREADS);

describe("importing a page's Messenger history when things go wrong", () => {
  it(
    "slows down on Graph's rate limits (613, 4, 32, 17) and 5xx without failing",
    async () => {
      const channelId = await connectHistoryPage(world.emulator, world.admin);
      for (const code of [613, 4, 32, 17])
        await addFault(world.emulator, { kind: "rate_limit", code, match: { path: "/conversations" } });
      await addFault(world.emulator, { kind: "server_error", match: { path: "/conversations" } });
      await startHistorySync(channelId);

      const done = await waitForSyncStatus(channelId, ["done", "failed", "paused"]);
      expect(done).toMatchObject({
        status: "done",
        threadsImported: THREADS,
        lastError: null,
        retryAt: null,
      });
      expect(world.emulator.world.faults).toEqual([]);
      await expectEveryThreadOnce(world.emulator, channelId);
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
      const channelId = await connectHistoryPage(world.emulator, world.admin);
      // A shared page in no rule: nothing touches the imported conversations after the sync.
      await db().channel.update({ where: { id: channelId }, data: { chatMode: "shared" } });
      await startHistorySync(channelId);
      await waitForThreadsImported(channelId, 50);
      await invalidatePageTokens(world.emulator, historyPage(world.emulator).id, "password_changed");

      const paused = await waitForSyncStatus(channelId, ["paused"]);
      expect(paused).toMatchObject({ lastError: "needs_reconnect" });
      expect(paused.cursor).not.toBeNull();
      expect(await db().channel.findUniqueOrThrow({ where: { id: channelId } })).toMatchObject({
        status: "needs_reconnect",
        statusReason: "password_changed",
      });
      expect(await readHistorySync(world.admin, channelId)).toMatchObject({
        status: "paused",
        problem: "needs_reconnect",
        threadsImported: paused.threadsImported,
      });
      await expect(requestHistorySync(world.admin, channelId)).rejects.toMatchObject({
        code: "conflict",
        params: { reason: "channel_not_connected" },
      });
      const before = await db().conversation.findMany({
        where: { channelId },
        select: { id: true, updatedAt: true },
      });

      // "Kết nối lại" in the wizard resumes the sync; asking again changes nothing.
      await connectHistoryPage(world.emulator, world.admin);
      expect(await resumeHistorySync(channelId)).toBe(false);
      const done = await waitForSyncStatus(channelId, ["done"]);
      expect(done.threadsImported).toBe(THREADS);
      await expectEveryThreadOnce(world.emulator, channelId);
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
      const channelId = await connectHistoryPage(world.emulator, world.admin);
      await startHistorySync(channelId);

      const done = await waitForSyncStatus(channelId, ["done"]);
      expect(done).toMatchObject({ threadsImported: THREADS - 2, threadsSkipped: 2 });
      const view = await readHistorySync(world.admin, channelId);
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
      const channelId = await connectHistoryPage(world.emulator, world.admin);
      const [agent] = await createStaff(world.admin.workspaceId, 1);
      const stranger = await createAdmin("Khác", "admin@khac.vn");
      if (!agent) throw new Error("no agent");
      await expect(readHistorySync(agent, channelId)).rejects.toMatchObject({ code: "forbidden" });
      await expect(requestHistorySync(stranger, channelId)).rejects.toMatchObject({ code: "not_found" });
      expect(await readHistorySync(world.admin, channelId)).toBeNull();

      expect(["queued", "running"]).toContain((await requestHistorySync(world.admin, channelId))?.status);
      const first = await waitForSyncStatus(channelId, ["done"]);
      // Slow pages keep the new run busy while the admin presses again: nothing more starts. Three of
      // them, so the run is still busy even if a straggling request of the first run takes one.
      await addFault(world.emulator, { kind: "slow", delayMs: 1000, match: { path: "/conversations" }, times: 3 });
      expect(["queued", "running"]).toContain((await requestHistorySync(world.admin, channelId))?.status);
      expect(["queued", "running"]).toContain((await requestHistorySync(world.admin, channelId))?.status);
      const second = await waitForSyncStatus(channelId, ["done"]);
      expect(second.run).toBe(first.run + 1);
      expect(second.threadsImported).toBe(THREADS);
      expect(second.messagesImported).toBe(0);
      await expectEveryThreadOnce(world.emulator, channelId);
    },
    LONG,
  );
});
