// Renews the tokens that expire soon, for every platform whose tokens expire (Zalo's access token
// lives 25 h). Run on a schedule (token-refresh-worker.ts); each provider refreshes under its own row
// lock, so a round racing an on-demand refresh spends a single-use refresh token once. Knows no platform.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { failureCauseOf } from "@/lib/channels/channel-api-error";
import { providers } from "@/lib/channels/registry";
import type { Platform } from "@/lib/generated/prisma/enums";

/**
 * How long before expiry a token is renewed: several rounds of the schedule, so an outage of the
 * platform's token endpoint during one round still leaves time for the next.
 */
export const REFRESH_AHEAD_MS = 3 * 3600 * 1000;

const refreshingPlatforms = (Object.keys(providers) as Platform[]).filter((platform) => providers[platform].connection.refreshToken !== null);

export async function refreshExpiringTokens(now = new Date()): Promise<{ refreshed: number; failed: number }> {
  const expiringBefore = new Date(now.getTime() + REFRESH_AHEAD_MS);
  const channels = await db().channel.findMany({
    where: { platform: { in: refreshingPlatforms }, status: "connected", tokenExpiresAt: { lt: expiringBefore } },
    select: { id: true, platform: true, externalId: true, accessTokenEnc: true },
    orderBy: { tokenExpiresAt: "asc" },
  });
  let failed = 0;
  // One at a time: the round is not urgent and shares the platform's rate limits with the replies.
  for (const channel of channels) {
    try {
      await providers[channel.platform].connection.refreshToken?.(channel, { expiringBefore });
    } catch (error) {
      failed += 1;
      logger.warn("Could not refresh a channel's token; the next round tries again", { channelId: channel.id, cause: failureCauseOf(error) });
    }
  }
  return { refreshed: channels.length - failed, failed };
}
