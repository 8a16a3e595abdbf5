// Socket.io clients for integration tests, signed in the way a browser is: with the next-auth session
// cookie that the app's socket auth reads.
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { env } from "../../lib/env";
import { sessionCookieName, type SessionUser } from "../../lib/auth/session-token";

export type SignedInUser = Pick<SessionUser, "id" | "role" | "workspaceId">;

/** The session cookie of `user`. A `sessionVersion` other than the stored one is a session the app has ended. */
export async function sessionCookie(user: SignedInUser, sessionVersion = 0): Promise<string> {
  const claims = { sub: user.id, sessionVersion, role: user.role, workspaceId: user.workspaceId };
  return `${sessionCookieName()}=${await encode({ token: claims, secret: env().NEXTAUTH_SECRET })}`;
}

/**
 * A client of the Socket.io server at `url`, sending `cookie` and `origin` (if any) with its
 * handshake, as a browser page of that origin would; it never retries.
 */
export function openSocket(url: string, cookie?: string, origin?: string): Socket {
  const extraHeaders = { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) };
  return connect(url, { transports: ["websocket"], extraHeaders, reconnection: false });
}

/** Resolves once the server let the socket in (its rooms are joined by then); rejects with the server's refusal. */
export function connected(socket: Socket): Promise<Socket> {
  return new Promise((resolve, reject) => {
    socket.on("connect", () => resolve(socket));
    socket.on("connect_error", reject);
  });
}
