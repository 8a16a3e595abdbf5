// How many of the workspace's channels lost their token and wait for an admin to reconnect them
// (the banner in the signed-in shell).
import { db } from "@/lib/db";

export function countChannelsNeedingReconnect(workspaceId: string): Promise<number> {
  return db().channel.count({ where: { workspaceId, status: "needs_reconnect" } });
}
