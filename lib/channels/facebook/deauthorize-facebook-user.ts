// A person removed our app on Facebook: every page they connected loses its token, so those
// channels become disconnected, and their stored Facebook login is deleted.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { publishChannelUpdate } from "@/lib/channels/publish-channel-update";

export async function deauthorizeFacebookUser(platformUserId: string): Promise<{ channelsDisconnected: number }> {
  const channels = await db().$transaction(async (tx) => {
    const affected = await tx.channel.updateManyAndReturn({
      where: { platform: "facebook", authorizedByPlatformUserId: platformUserId, status: { not: "disconnected" } },
      data: { status: "disconnected", statusReason: "app_removed", disconnectedAt: new Date(), accessTokenEnc: "" },
      select: { id: true, workspaceId: true },
    });
    await tx.channelAuthorization.deleteMany({ where: { platform: "facebook", platformUserId } });
    return affected;
  });
  for (const channel of channels) publishChannelUpdate(channel.workspaceId, channel.id);
  logger.info("Facebook user removed the app", { channelsDisconnected: channels.length });
  return { channelsDisconnected: channels.length };
}
