// "Xác nhận chia": an admin confirms sharing the synced conversations by the rule's policy after
// seeing how many will be shared. The count they saw must still be right — the reply window moves
// and rules change — otherwise nothing happens and they are shown the new number (409). Confirming
// twice is harmless: once applied, there is nothing pending.
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { assertAdmin } from "@/lib/assignment/assert-admin";
import { publishAssignmentChanges } from "@/lib/assignment/publish-assignment-changes";
import { applyPolicyPlan } from "@/lib/history-sync/apply-policy-plan";
import { findManagedChannel } from "@/lib/channels/channel-access-scope";
import { findChannelRule, loadHistoryPolicyPlan } from "@/lib/history-sync/load-history-policy-plan";
import { loadHistorySyncView } from "@/lib/history-sync/load-history-sync-view";
import { publishHistorySyncProgress } from "@/lib/history-sync/publish-history-sync-progress";
import type { HistorySyncView } from "@/lib/history-sync/history-sync-view";

export const confirmPolicySchema = z.object({
  /** The number of conversations the admin was shown. */
  shareCount: z.number().int().min(0),
});
export type ConfirmPolicyInput = z.infer<typeof confirmPolicySchema>;

/** Round-robin over hundreds of conversations takes a while under the rule's lock. */
const CONFIRM_TRANSACTION = { maxWait: 10_000, timeout: 120_000 } as const;

export async function confirmHistoryPolicy(
  admin: SessionUser,
  channelId: string,
  input: ConfirmPolicyInput,
): Promise<HistorySyncView | null> {
  assertAdmin(admin);
  await findManagedChannel(admin, channelId);

  const distributed = await db().$transaction(async (tx) => {
    // Rule first, then the sync row: the same order as the sync's own last page.
    await findChannelRule(tx, channelId, true);
    const [sync] = await tx.$queryRaw<{ id: string; pendingPolicy: string | null; status: string }[]>`
      SELECT id, "pendingPolicy"::text AS "pendingPolicy", status::text AS status
      FROM "HistorySync" WHERE "channelId" = ${channelId} FOR UPDATE`;
    if (!sync || sync.status !== "done" || sync.pendingPolicy === null) return null;

    const now = new Date();
    const { plan } = await loadHistoryPolicyPlan(tx, channelId, { lockRule: true, now });
    if (plan.kind !== "confirm" || plan.shareCount !== input.shareCount) {
      const count = plan.kind === "confirm" ? plan.shareCount : 0;
      throw new AppError("conflict", "The number of conversations to share has changed.", {
        reason: "share_count_changed",
        count,
      });
    }
    const { assigned, queued } = await applyPolicyPlan(tx, plan, { actorUserId: admin.id, now });
    await tx.historySync.update({
      where: { id: sync.id },
      data: { pendingPolicy: null, policyAppliedAt: now, conversationsDistributed: assigned.length + queued.length, conversationsQueued: queued.length },
    });
    return [...assigned, ...queued];
  }, CONFIRM_TRANSACTION);

  if (distributed) {
    await publishAssignmentChanges(distributed.map((conversationId) => ({ conversationId })));
    await publishHistorySyncProgress(channelId);
  }
  return loadHistorySyncView(channelId);
}
