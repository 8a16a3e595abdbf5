// Who is asking: one check for pages, route handlers and sockets. The JWT cookie says who signed in;
// the database says whether that account is still active and the session still current.
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

export function sessionCookieName(): string {
  return env().APP_URL.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export async function userFromSessionToken(token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const claims = await decode({ token, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!claims?.sub) return null;
  const user = await db().user.findUnique({
    where: { id: claims.sub },
    select: { id: true, email: true, name: true, role: true, workspaceId: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active || user.sessionVersion !== claims.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, workspaceId: user.workspaceId };
}

