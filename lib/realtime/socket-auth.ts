// Socket.io handshake authentication: the same session cookie as the pages. No session, no socket.
import type { Server, Socket } from "socket.io";
import { parse as parseCookie } from "cookie";
import { sessionCookieName, userFromSessionToken, type SessionUser } from "@/lib/auth/session-token";
import { rooms } from "@/lib/realtime/rooms";

export interface SocketData {
  user: SessionUser;
}

export function installSocketAuth(io: Server): void {
  io.use(async (socket: Socket, next) => {
    try {
      const cookies = parseCookie(socket.handshake.headers.cookie ?? "");
      const user = await userFromSessionToken(cookies[sessionCookieName()]);
      if (!user) return next(new Error("unauthenticated"));
      (socket.data as SocketData).user = user;
      // Joined before the handshake completes, so the client's "connect" means its rooms are live.
      await socket.join(roomsFor(user));
      next();
    } catch {
      next(new Error("unauthenticated"));
    }
  });
}

function roomsFor(user: SessionUser): string[] {
  return [
    rooms.user(user.id),
    rooms.workspace(user.workspaceId),
    ...(user.role === "admin" ? [rooms.admins(user.workspaceId)] : []),
  ];
}
