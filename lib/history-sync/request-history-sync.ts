// The page card's "Đồng bộ" / "Đồng bộ lại" / "Tiếp tục đồng bộ": starts the page's first sync,
// resumes a paused or failed one from where it stopped, or starts a finished one over. A running
// sync is left alone, so pressing twice does nothing more. Admins, and staff for the pages they connected.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/auth/session";
import { restartHistorySync, resumeHistorySync } from "@/lib/history-sync/start-history-sync";
import { findManagedChannel } from "@/lib/channels/channel-access-scope";
import { loadHistorySyncView } from "@/lib/history-sync/load-history-sync-view";
import type { HistorySyncView } from "@/lib/history-sync/history-sync-view";

export async function requestHistorySync(
  user: SessionUser,
  channelId: string,
): Promise<HistorySyncView | null> {
  const channel = await findManagedChannel(user, channelId);
  if (channel.status !== "connected") {
    throw new AppError("conflict", "Reconnect the page before syncing its conversations.", {
      reason: "channel_not_connected",
    });
  }
  const sync = await db().historySync.findUnique({ where: { channelId }, select: { status: true } });
  if (sync?.status === "done") await restartHistorySync(channelId);
  else await resumeHistorySync(channelId);
  return loadHistorySyncView(channelId);
}
