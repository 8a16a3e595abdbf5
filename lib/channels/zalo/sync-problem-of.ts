// Why a failed history read stops or delays an OA's sync, as a historySync.problems code. Pure.
import type { SyncProblem } from "@/lib/history-sync/history-sync-view";
import { RATE_LIMIT_CODE, type ZaloError } from "@/lib/channels/zalo/zalo-client";

export function syncProblemOf(error: ZaloError): SyncProblem {
  if (error.code === RATE_LIMIT_CODE) return "rate_limited";
  if (error.failure === "bad_reply") return "bad_reply";
  if (error.transient) return "platform_unavailable";
  return "platform_refused";
}
