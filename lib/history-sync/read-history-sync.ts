// Reading a page's history sync (the card's GET): admins for the workspace's pages, staff for the
// pages they connected (channel-access-scope.ts); a page of another workspace is "not found", as if
// it did not exist.
import type { SessionUser } from "@/lib/auth/session";
import { findManagedChannel } from "@/lib/channels/channel-access-scope";
import { loadHistorySyncView } from "@/lib/history-sync/load-history-sync-view";
import type { HistorySyncView } from "@/lib/history-sync/history-sync-view";

/** Null when the page has never been synced. */
export async function readHistorySync(
  user: SessionUser,
  channelId: string,
): Promise<HistorySyncView | null> {
  await findManagedChannel(user, channelId);
  return loadHistorySyncView(channelId);
}
