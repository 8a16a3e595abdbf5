// Why a failed Conversations API read stops or delays a history sync, as a historySync.problems code
// (docs/platforms/facebook.md, "Graph error codes"). Pure.
import type { GraphError } from "@/lib/channels/facebook/graph-client";
import type { SyncProblem } from "@/lib/history-sync/history-sync-view";

const RATE_LIMIT_CODES = new Set([4, 17, 32, 341, 613]);

export function syncProblemOf(error: GraphError): SyncProblem {
  if (RATE_LIMIT_CODES.has(error.code)) return "rate_limited";
  if (error.failure === "bad_reply") return "bad_reply";
  if (error.transient) return "platform_unavailable";
  if (error.code === 10 || (error.code >= 200 && error.code <= 299)) return "permission_missing";
  return "platform_refused";
}
