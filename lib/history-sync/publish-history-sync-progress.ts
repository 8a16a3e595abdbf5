// Tells the workspace's admins (the page's card) where a history sync stands: one event per Graph
// page or state change — never one per imported message. Call after the change committed.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { emitTo } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";
import { loadHistorySyncView } from "@/lib/history-sync/load-history-sync-view";

export async function publishHistorySyncProgress(channelId: string): Promise<void> {
  try {
    const [channel, sync] = await Promise.all([
      db().channel.findUnique({ where: { id: channelId }, select: { workspaceId: true } }),
      loadHistorySyncView(channelId),
    ]);
    if (channel && sync) emitTo([rooms.admins(channel.workspaceId)], "history-sync:progress", { sync });
  } catch (error) {
    // Best effort: the card also polls while a sync runs, and refetches on reconnect.
    logger.warn("Could not publish history sync progress", { channelId, error });
  }
}
