// What the page's card shows about its history sync — progress, problems, skipped threads and the
// policy waiting for confirmation — as one shape for the API and the `history-sync:progress` event.
// No database here: the browser and the realtime contracts import it.
import { z } from "zod";

/** Why a sync waits, retries or stopped (historySync.problems.*). */
export const syncProblems = [
  "rate_limited",
  "platform_unavailable",
  "bad_reply",
  "permission_missing",
  "platform_refused",
  "needs_reconnect",
  "channel_disconnected",
  "internal",
] as const;
export type SyncProblem = (typeof syncProblems)[number];

export const skippedThreadSchema = z.object({ threadId: z.string(), reason: z.string() });
export const skippedListSchema = z.array(skippedThreadSchema).catch([]);

export const historySyncViewSchema = z.object({
  channelId: z.string(),
  status: z.enum(["queued", "running", "paused", "done", "failed"]),
  threadsImported: z.number().int(),
  messagesImported: z.number().int(),
  threadsSkipped: z.number().int(),
  skipped: z.array(skippedThreadSchema),
  /** The platform need not say how many threads a channel has: known once the sync has read them all. */
  estimatedTotal: z.number().int().nullable(),
  problem: z.enum(syncProblems).nullable(),
  retryAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** The rule's distribute policy, waiting for an admin's "Xác nhận chia". */
  confirmation: z
    .object({
      policy: z.enum(["distribute_available", "distribute_all"]),
      method: z.enum(["round_robin", "self_claim", "least_loaded"]),
      ruleName: z.string(),
      shareCount: z.number().int(),
    })
    .nullable(),
  /** Set once the policy has been applied: how many were handed out, and how many of them wait in "Chờ nhận". */
  distributed: z.object({ count: z.number().int(), queued: z.number().int(), at: z.string() }).nullable(),
});
export type HistorySyncView = z.infer<typeof historySyncViewSchema>;
