// The channel check: tokens die and platforms drop webhook subscriptions outside our control, and
// nothing tells us, so every connected channel is verified with its platform. A dropped subscription
// is renewed; what only an admin can fix turns the channel "needs reconnect" (the admins' banner).
// Run by a schedule and once at start-up (channel-check-worker.ts); knows no platform.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { markChannelNeedsReconnect } from "@/lib/channels/mark-channel-needs-reconnect";
import type { ChannelCredentials } from "@/lib/channels/channel-provider";
import type { ConnectionCheck } from "@/lib/channels/connection-check";
import { providerOf } from "@/lib/channels/registry";
import type { Platform } from "@/lib/generated/prisma/enums";

/** How many channels ended the round in each state; "failed" is a check that threw (a bug, the database). */
export type ChannelCheckTally = Record<ConnectionCheck["status"] | "failed", number>;

export async function checkConnectedChannels(): Promise<ChannelCheckTally> {
  const channels = await db().channel.findMany({
    where: { status: "connected" },
    select: { id: true, platform: true, externalId: true, accessTokenEnc: true },
    orderBy: { id: "asc" },
  });
  const tally: ChannelCheckTally = { healthy: 0, resubscribed: 0, needs_reconnect: 0, unreachable: 0, failed: 0 };
  // One channel at a time: a round is never urgent, and the platform's rate limits are shared with
  // the replies agents are sending meanwhile.
  for (const channel of channels) tally[await checkChannel(channel)] += 1;
  return tally;
}

async function checkChannel(channel: ChannelCredentials & { platform: Platform }): Promise<keyof ChannelCheckTally> {
  try {
    const outcome = await providerOf(channel.platform).connection.check(channel);
    switch (outcome.status) {
      case "resubscribed":
        logger.warn("The platform had stopped sending a channel's events; subscribed again", { channelId: channel.id, missingFields: outcome.missingFields });
        break;
      case "needs_reconnect":
        await markChannelNeedsReconnect(channel.id, outcome.reason, channel.accessTokenEnc);
        break;
      case "unreachable":
        logger.warn("Could not check a channel with its platform; the next round asks again", { channelId: channel.id, cause: outcome.cause });
        break;
    }
    return outcome.status;
  } catch (error) {
    logger.error("Checking a channel's connection failed", { channelId: channel.id, error });
    return "failed";
  }
}
