// Who is asking: one check for pages, route handlers and sockets. The JWT cookie names the user and
// the session (device); the database says whether that session is still live and the account active.
import { decode } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { UserRole } from "@/lib/generated/prisma/enums";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  workspaceId: string;
}

export interface SignedInSession {
  user: SessionUser;
  /** The session row's id: signing out, or a password change on this device, needs to know it. */
  sessionId: string;
}

export function sessionCookieName(): string {
  return env().APP_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export async function sessionFromToken(token: string | undefined): Promise<SignedInSession | null> {
  if (!token) return null;
  const claims = await decode({ token, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!claims?.sub || typeof claims.sid !== "string") return null;
  // One query: the session row with its user.
  const session = await db().session.findUnique({
    where: { id: claims.sid },
    select: {
      userId: true,
      expiresAt: true,
      user: { select: { id: true, email: true, name: true, role: true, workspaceId: true, active: true } },
    },
  });
  if (!session || session.userId !== claims.sub || session.expiresAt <= new Date() || !session.user.active) return null;
  const { id, email, name, role, workspaceId } = session.user;
  return { user: { id, email, name, role, workspaceId }, sessionId: claims.sid };
}
