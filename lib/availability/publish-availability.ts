// Tells the user's own tabs (their switch) and the admins (who is available) that availability changed.
import { emitTo } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";

export function publishAvailability(workspaceId: string, userId: string, availability: "available" | "away"): void {
  emitTo([rooms.user(userId), rooms.admins(workspaceId)], "availability:changed", { userId, availability });
}
