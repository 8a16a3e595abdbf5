// Stores one fetched page of threads and moves the sync on, all in one transaction: the threads, the
// counts, the cursor, and either the next page's job or — after the last page — the end of the sync
// with its policy ("Xử lý hội thoại cũ"). A crash before the commit leaves nothing; after it, the
// next job exists. The sync walks from the newest thread to the oldest, then once more from the top
// over threads active since it started ("catch-up"): a customer who writes during the walk moves
// their thread above the cursor, where the walk would never see it.
import { db, type Tx } from "@/lib/db";
import { logger } from "@/lib/logger";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConversationChange } from "@/lib/assignment/publish-assignment-changes";
import { importSyncedThread } from "@/lib/history-sync/import-synced-thread";
import { findChannelRule, loadHistoryPolicyPlan } from "@/lib/history-sync/load-history-policy-plan";
import { applyPolicyPlan } from "@/lib/history-sync/apply-policy-plan";
import { enqueueHistorySyncJob } from "@/lib/history-sync/history-sync-jobs";
import { skippedListSchema } from "@/lib/history-sync/history-sync-view";
import type { ParsedThread, SyncedThread } from "@/lib/history-sync/synced-thread";
import { positionWhere, SupersededError, type SyncPosition } from "@/lib/history-sync/sync-position";

/** Threads active this long before the sync started are read again too (clock differences with the platform). */
const CATCH_UP_MARGIN_MS = 5 * 60_000;
/** The summary keeps this many skipped threads; threadsSkipped counts them all. */
const SKIPPED_KEPT = 200;
/** A page holds up to 25 threads × 20 messages; the last one also applies the policy. */
const PAGE_TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;

export interface PageToStore {
  position: SyncPosition;
  channel: { id: string; workspaceId: string };
  /** The run's start: where catch-up begins. */
  startedAt: Date;
  /** HistorySync.skipped as stored. */
  skippedSoFar: unknown;
  threads: ParsedThread[];
  /** The platform's cursor of the following page; null on the last one. */
  after: string | null;
}

export type StoreOutcome =
  | { kind: "next_page" }
  | { kind: "done"; changes: ConversationChange[] }
  | { kind: "stale" };

interface PagePlan {
  toImport: SyncedThread[];
  /** Where the next job starts; null when this page ends the sync. */
  next: { cursor: string | null; catchUpSince: Date | null } | null;
}

function planPage(page: PageToStore): PagePlan {
  const valid = page.threads.flatMap((parsed) => (parsed.ok ? [parsed.thread] : []));
  const since = page.position.catchUpSince;
  if (since === null) {
    if (page.after !== null) return { toImport: valid, next: { cursor: page.after, catchUpSince: null } };
    return {
      toImport: valid,
      next: { cursor: null, catchUpSince: new Date(page.startedAt.getTime() - CATCH_UP_MARGIN_MS) },
    };
  }
  // Threads come newest first: the first one older than the catch-up point ends it.
  const recent = valid.filter((thread) => thread.updatedAt >= since);
  const reachedOlder = recent.length < valid.length;
  return {
    toImport: recent,
    next: reachedOlder || page.after === null ? null : { cursor: page.after, catchUpSince: since },
  };
}

function mergeSkipped(stored: unknown, threads: ParsedThread[]) {
  const list = skippedListSchema.parse(stored);
  const known = new Set(list.map((entry) => entry.threadId));
  let added = 0;
  for (const parsed of threads) {
    if (parsed.ok || known.has(parsed.threadId)) continue;
    known.add(parsed.threadId);
    added++;
    if (list.length < SKIPPED_KEPT) list.push({ threadId: parsed.threadId, reason: parsed.reason });
  }
  return { list, added };
}

async function finish(
  tx: Tx,
  page: PageToStore,
  counts: Prisma.HistorySyncUpdateManyMutationInput,
): Promise<ConversationChange[]> {
  const now = new Date();
  // Every conversation of the channel linked to a platform thread: the walk's count, less threads read
  // twice (catch-up), plus customers who first wrote during the sync.
  const threadsImported = await tx.conversation.count({
    where: { channelId: page.channel.id, platformThreadId: { not: null } },
  });
  const { plan } = await loadHistoryPolicyPlan(tx, page.channel.id, { lockRule: true, now });
  const awaitingConfirmation = plan.kind === "confirm";
  const { assigned, queued } = awaitingConfirmation ? { assigned: [], queued: [] } : await applyPolicyPlan(tx, plan, { actorUserId: null, now });
  const distributed = [...assigned, ...queued];
  const updated = await tx.historySync.updateMany({
    where: positionWhere(page.position),
    data: {
      ...counts,
      threadsImported,
      status: "done",
      finishedAt: now,
      cursor: null,
      catchUpSince: null,
      retryAt: null,
      lastError: null,
      pendingPolicy: awaitingConfirmation ? plan.policy : null,
      policyAppliedAt: awaitingConfirmation ? null : now,
      conversationsDistributed: distributed.length,
      conversationsQueued: queued.length,
    },
  });
  if (updated.count === 0) throw new SupersededError();
  return distributed.map((conversationId) => ({ conversationId }));
}

export async function storeSyncedPage(page: PageToStore): Promise<StoreOutcome> {
  for (const parsed of page.threads) {
    if (parsed.ok) continue;
    const { threadId, reason, detail } = parsed;
    logger.warn("History sync: thread skipped", { channelId: page.channel.id, threadId, reason, detail });
  }
  const { toImport, next } = planPage(page);
  const skipped = mergeSkipped(page.skippedSoFar, page.threads);
  const catchingUp = page.position.catchUpSince !== null;

  try {
    return await db().$transaction(async (tx) => {
      // Lock order (lock-rows.ts): the rule before any conversation, when this page ends the sync.
      if (!next) await findChannelRule(tx, page.channel.id, true);
      let messages = 0;
      for (const thread of toImport) messages += await importSyncedThread(tx, page.channel, thread);
      const counts = {
        // During catch-up threads are mostly read a second time; finish() counts them exactly.
        threadsImported: { increment: catchingUp ? 0 : toImport.length },
        messagesImported: { increment: messages },
        threadsSkipped: { increment: skipped.added },
        skipped: skipped.list,
      };
      if (!next) return { kind: "done", changes: await finish(tx, page, counts) } as const;

      const updated = await tx.historySync.updateMany({
        where: positionWhere(page.position),
        data: {
          ...counts,
          cursor: next.cursor,
          catchUpSince: next.catchUpSince,
          retryAt: null,
          lastError: null,
        },
      });
      if (updated.count === 0) throw new SupersededError();
      await enqueueHistorySyncJob(tx, { channelId: page.channel.id, run: page.position.run, failures: 0 });
      return { kind: "next_page" } as const;
    }, PAGE_TRANSACTION);
  } catch (error) {
    if (error instanceof SupersededError) return { kind: "stale" };
    throw error;
  }
}
