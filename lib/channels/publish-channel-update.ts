// Tells the workspace that a channel changed, so what shows its status is refetched instead of going
// stale: the admins' settings pages and reconnect banner, and any agent's open conversation on that
// channel (its footer says "cần kết nối lại" and the composer comes back after the reconnect). The
// event carries only the channel's id; each screen asks the API what it may see.
import { emitTo } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";

export function publishChannelUpdate(workspaceId: string, channelId: string): void {
  emitTo([rooms.workspace(workspaceId)], "channel:updated", { channelId });
}
