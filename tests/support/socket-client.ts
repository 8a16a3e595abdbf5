// Socket.io clients for integration tests, signed in the way a browser is: with the next-auth session
// cookie (naming a session row) that the app's socket auth reads.
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import { env } from "../../lib/env";
import { sessionCookieName, type SessionUser } from "../../lib/auth/session-token";
import { startSession } from "../../lib/auth/start-session";

export type SignedInUser = Pick<SessionUser, "id" | "role" | "workspaceId">;

/** The session cookie's value for `user`: of `sessionId`, or of a session started for it now (a new device). */
export async function sessionToken(user: SignedInUser, sessionId?: string): Promise<string> {
  const claims = { sub: user.id, sid: sessionId ?? (await startSession(user.id)), role: user.role, workspaceId: user.workspaceId };
  return encode({ token: claims, secret: env().NEXTAUTH_SECRET });
}

/** The Cookie header of a browser signed in as `user` (see sessionToken). */
export async function sessionCookie(user: SignedInUser, sessionId?: string): Promise<string> {
  return cookieHeader(await sessionToken(user, sessionId));
}

export function cookieHeader(token: string): string {
  return `${sessionCookieName()}=${token}`;
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
