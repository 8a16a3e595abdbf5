// Tells browsers about a committed reply: the message (new or with a new status) and, when an admin
// took the conversation over to send it, the previous assignee's loss of it, with who took it.
// The row is committed whatever happens here and a reconnecting client catches up, so a failure
// is logged rather than turned into an error for a reply that was stored.
import { logger } from "@/lib/logger";
import type { SessionUser } from "@/lib/auth/session-token";
import type { AuthorizedReply } from "@/lib/inbox/authorize-reply";
import { publishConversation, publishMessage } from "@/lib/inbox/publish-changes";

export async function publishReply(messageId: string, authorized?: { reply: AuthorizedReply; by: SessionUser }): Promise<void> {
  try {
    const takeOver = authorized?.reply.takeOver;
    if (authorized && takeOver) {
      await publishConversation(authorized.reply.conversationId, {
        previousAudience: takeOver.previousAudience,
        removal: { reason: "reassigned", byName: authorized.by.name },
      });
    }
    await publishMessage(messageId);
  } catch (error) {
    logger.error("Could not publish a reply", { messageId, error });
  }
}
