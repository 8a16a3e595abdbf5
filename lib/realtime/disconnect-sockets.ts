// Closes open Socket.io connections whose session ended or whose account changed (deactivated,
// role changed, signed out). A socket's rooms are fixed at its handshake, so a changed account must
// connect again: it is then let in with the rooms its new role gives, or refused.
import { realtimeServer } from "@/lib/realtime/io";
import { rooms } from "@/lib/realtime/rooms";

/** One session (device), or every session of a user, optionally but one (the device changing the password). */
export type SessionScope = { sessionId: string } | { userId: string; exceptSessionId?: string };

/**
 * Call after the change is committed. Goes through the adapter (`io.in(room)`), so the sockets
 * held by the other processes close too.
 */
export function disconnectSockets(scope: SessionScope): void {
  const io = realtimeServer();
  if (!io) return;
  if ("sessionId" in scope) {
    io.in(rooms.session(scope.sessionId)).disconnectSockets(true);
    return;
  }
  const sockets = io.in(rooms.user(scope.userId));
  (scope.exceptSessionId ? sockets.except(rooms.session(scope.exceptSessionId)) : sockets).disconnectSockets(true);
}
