// Starts a page's history sync, or resumes a paused one, after the wizard settled the page. The
// connection is already committed by then: a sync that cannot be queued (job queue down) is logged
// and left for the page card's "Đồng bộ" button rather than failing the admin's request.
import { logger } from "@/lib/logger";
import { resumeHistorySync } from "@/lib/history-sync/start-history-sync";

export async function resumeHistorySyncSafely(channelId: string): Promise<void> {
  try {
    await resumeHistorySync(channelId);
  } catch (error) {
    logger.warn("Could not start the page's history sync", { channelId, error });
  }
}
