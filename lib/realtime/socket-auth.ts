// Socket.io handshake authentication: the same session cookie as the pages. No session, no socket.
import type { Server, Socket } from "socket.io";
import { sessionFromCookieHeader, type SignedInSession } from "@/lib/auth/session-token";
import { rooms } from "@/lib/realtime/rooms";

function sessionOf(socket: Socket): Promise<SignedInSession | null> {
  return sessionFromCookieHeader(socket.handshake.headers.cookie);
}

export function installSocketAuth(io: Server): void {
  io.use(async (socket: Socket, next) => {
    try {
      const session = await sessionOf(socket);
      if (!session) return next(new Error("unauthenticated"));
      socket.data = session;
      // Joined before the handshake completes, so the client's "connect" means its rooms are live.
      await socket.join(roomsFor(session));
      next();
    } catch {
      next(new Error("unauthenticated"));
    }
  });
  // Socket.io reaches a socket (to disconnect it, or emit to it) only once it is connected, so a
  // session ended or a role changed while this one was between its check and its connection found
  // nothing to close. Checking again now that it can be reached closes that gap.
  io.on("connection", (socket) => {
    const checkedRole = (socket.data as SignedInSession).user.role;
    sessionOf(socket).then(
      (session) => {
        if (!session || session.user.role !== checkedRole) socket.disconnect(true);
      },
      () => socket.disconnect(true),
    );
  });
}

function roomsFor({ user, sessionId }: SignedInSession): string[] {
  return [
    rooms.user(user.id),
    rooms.session(sessionId),
    rooms.workspace(user.workspaceId),
    ...(user.role === "admin" ? [rooms.admins(user.workspaceId)] : []),
  ];
}
