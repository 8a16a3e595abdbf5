// What a reconnected channel picks up again, whatever its platform: the replies that waited for it
// and a history sync the dead token paused. The connection is already committed by then: replies
// that cannot be queued (job queue down) are logged and keep waiting for their retry button rather
// than failing the admin's request.
import { logger } from "@/lib/logger";
import { resumeHistorySyncSafely } from "@/lib/channels/resume-history-sync-safely";
import { resumeWaitingReplies } from "@/lib/inbox/resume-waiting-replies";

export async function resumeReconnectedChannel(channelId: string): Promise<void> {
  try {
    await resumeWaitingReplies(channelId);
  } catch (error) {
    logger.warn("Could not queue the replies that waited for the channel", { channelId, error });
  }
  await resumeHistorySyncSafely(channelId);
}
