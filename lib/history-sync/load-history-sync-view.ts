// Builds the card's view of a page's history sync (history-sync-view.ts) from the database.
import { z } from "zod";
import { db } from "@/lib/db";
import { loadHistoryPolicyPlan } from "@/lib/history-sync/load-history-policy-plan";
import { skippedListSchema, syncProblems, type HistorySyncView } from "@/lib/history-sync/history-sync-view";

/** The card lists this many skipped threads; the count covers them all. */
const SKIPPED_SHOWN = 20;

const problemSchema = z.enum(syncProblems).nullable().catch("internal");

export async function loadHistorySyncView(channelId: string): Promise<HistorySyncView | null> {
  const sync = await db().historySync.findUnique({ where: { channelId } });
  if (!sync) return null;

  let confirmation: HistorySyncView["confirmation"] = null;
  if (sync.status === "done" && sync.pendingPolicy) {
    // Counted now, from the page's current rule: the number the admin confirms is the number shared.
    const { plan, rule } = await loadHistoryPolicyPlan(db(), channelId, { lockRule: false, now: new Date() });
    if (plan.kind === "confirm" && rule) {
      confirmation = {
        policy: plan.policy,
        method: plan.method,
        ruleName: rule.name,
        shareCount: plan.shareCount,
      };
    }
  }
  return {
    channelId,
    status: sync.status,
    threadsImported: sync.threadsImported,
    messagesImported: sync.messagesImported,
    threadsSkipped: sync.threadsSkipped,
    skipped: skippedListSchema.parse(sync.skipped).slice(0, SKIPPED_SHOWN),
    estimatedTotal: sync.status === "done" ? sync.threadsImported + sync.threadsSkipped : null,
    problem: problemSchema.parse(sync.lastError),
    retryAt: sync.retryAt?.toISOString() ?? null,
    startedAt: sync.startedAt?.toISOString() ?? null,
    finishedAt: sync.finishedAt?.toISOString() ?? null,
    confirmation,
    distributed: sync.policyAppliedAt
      ? { count: sync.conversationsDistributed, queued: sync.conversationsQueued, at: sync.policyAppliedAt.toISOString() }
      : null,
  };
}
