// The platform of each channel someone manages (channel-access.ts) that lost its token and waits to
// be reconnected: the banner counts them and links to the first one's settings screen. Staff who
// connected their own pages see theirs; admins see the workspace's.
import { db } from "@/lib/db";
import type { Platform } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/session-token";
import { managedChannelsWhere } from "@/lib/channels/channel-access-scope";

export async function platformsNeedingReconnect(user: SessionUser): Promise<Platform[]> {
  const channels = await db().channel.findMany({
    where: { ...managedChannelsWhere(user), status: "needs_reconnect" },
    select: { platform: true },
    orderBy: { id: "asc" },
  });
  return channels.map((channel) => channel.platform);
}
