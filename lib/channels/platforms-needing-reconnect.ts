// The platform of each of the workspace's channels that lost its token and waits for an admin to
// reconnect it: the banner counts them and links to the first one's settings screen.
import { db } from "@/lib/db";
import type { Platform } from "@/lib/generated/prisma/enums";

export async function platformsNeedingReconnect(workspaceId: string): Promise<Platform[]> {
  const channels = await db().channel.findMany({
    where: { workspaceId, status: "needs_reconnect" },
    select: { platform: true },
    orderBy: { id: "asc" },
  });
  return channels.map((channel) => channel.platform);
}
