// What checking one channel's connection with its platform found, and the one place where the
// platform-neutral channel check reaches into a platform. The ChannelProvider interface planned for
// a second platform takes this over; until then a platform is checked when it has an entry here.
import type { Platform } from "@/lib/generated/prisma/enums";
import { checkFacebookPage } from "@/lib/channels/facebook/check-facebook-page";

export type ConnectionCheck =
  | { status: "healthy" }
  /** The platform had stopped sending some events (webhook fields); the check subscribed again. */
  | { status: "resubscribed"; missingFields: string[] }
  /** Only an admin's new login can fix it; `reason` is a channels.statusReasons code. */
  | { status: "needs_reconnect"; reason: string }
  /** The platform could not be asked this time (throttled, down, slow); the next round asks again. */
  | { status: "unreachable"; cause: string };

export interface CheckedChannel {
  platform: Platform;
  externalId: string;
  accessTokenEnc: string;
}

const connectionChecks: Partial<Record<Platform, (channel: CheckedChannel) => Promise<ConnectionCheck>>> = {
  facebook: checkFacebookPage,
};

/** Platforms whose connections can be checked; channels of others are left alone. */
export const checkedPlatforms = Object.keys(connectionChecks) as Platform[];

export function checkChannelConnection(channel: CheckedChannel): Promise<ConnectionCheck> {
  const check = connectionChecks[channel.platform];
  if (!check) throw new Error(`Connections on ${channel.platform} cannot be checked yet`);
  return check(channel);
}
