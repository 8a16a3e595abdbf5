// Token health: a channel whose token the platform rejects, or whose webhooks it refuses to send,
// becomes "needs reconnect", admins see the banner, and reconnecting through the platform's settings
// screen makes it "connected" again. Any code that calls a platform with a channel's token calls this
// when the provider classifies the answer as "token invalid" (or uses withChannelToken); so does the
// channel check.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { publishChannelUpdate } from "@/lib/channels/publish-channel-update";

/**
 * `reason` is a code the settings page translates (see token-problem.ts), e.g. "token_expired".
 * Only a connected channel changes: a disconnected one stays disconnected. Idempotent.
 * With `rejectedTokenEnc`, only while the channel still holds that token: a reconnect that happened
 * while the rejected call was under way keeps its new token connected.
 */
export async function markChannelNeedsReconnect(channelId: string, reason: string, rejectedTokenEnc?: string): Promise<void> {
  const changed = await db().channel.updateManyAndReturn({
    where: { id: channelId, status: "connected", accessTokenEnc: rejectedTokenEnc },
    data: { status: "needs_reconnect", statusReason: reason },
    select: { id: true, workspaceId: true },
  });
  for (const channel of changed) {
    logger.warn("Channel needs reconnecting", { channelId, reason });
    publishChannelUpdate(channel.workspaceId, channel.id);
  }
}
