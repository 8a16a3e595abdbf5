// Tells the workspace's admins (their open settings pages and the reconnect banner) that a channel
// changed, so they refetch instead of showing a stale status.
import { emitTo } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";

export function publishChannelUpdate(workspaceId: string, channelId: string): void {
  emitTo([rooms.admins(workspaceId)], "channel:updated", { channelId });
}
