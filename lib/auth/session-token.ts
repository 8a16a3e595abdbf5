// Who is asking: one check for pages, route handlers and sockets. The JWT cookie names the user and
// the session (device); the database says whether that session is still live and the account active.
import { parse as parseCookie } from "cookie";
import { decode } from "next-auth/jwt";
import { readRows, type SqlRead } from "@/lib/sql-read";
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

/** The session named by a request's Cookie header (the routes served before Next.js, sockets). */
export function sessionFromCookieHeader(header: string | undefined): Promise<SignedInSession | null> {
  return sessionFromToken(parseCookie(header ?? "")[sessionCookieName()]);
}

interface TokenClaims {
  userId: string;
  sessionId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

// Decrypting a token (a key derived with HKDF, then AES-GCM) costs ~0.06 ms of CPU, as much as the
// rest of a small API answer's own work, and a browser sends the same token with every request. What
// a token says never changes, so the claims of the last few thousand tokens are kept; whether the
// session is still live is asked of the database every time, below.
const recentTokens = new Map<string, TokenClaims>();
const RECENT_TOKENS_KEPT = 5_000;

async function claimsOf(token: string): Promise<TokenClaims | null> {
  const known = recentTokens.get(token);
  if (known) return known.expiresAt > Date.now() ? known : null;
  const claims = await decode({ token, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!claims?.sub || typeof claims.sid !== "string" || typeof claims.exp !== "number") return null;
  const decoded = { userId: claims.sub, sessionId: claims.sid, expiresAt: claims.exp * 1000 };
  if (recentTokens.size >= RECENT_TOKENS_KEPT) recentTokens.delete(recentTokens.keys().next().value!);
  recentTokens.set(token, decoded);
  return decoded;
}

// Asked on every request and socket handshake, so written as SQL (lib/sql-read.ts): through Prisma the
// same lookup cost about twice the CPU (docs/benchmarks.md, issue 18).
const liveSession: SqlRead = {
  name: "live_session",
  text: `SELECT s."userId", s."expiresAt", u.email, u.name, u.role, u."workspaceId", u.active
    FROM "Session" s JOIN "User" u ON u.id = s."userId" WHERE s.id = $1`,
};

interface SessionRow {
  userId: string;
  expiresAt: Date;
  email: string;
  name: string;
  role: UserRole;
  workspaceId: string;
  active: boolean;
}

export async function sessionFromToken(token: string | undefined): Promise<SignedInSession | null> {
  if (!token) return null;
  const claims = await claimsOf(token);
  if (!claims) return null;
  const [session] = await readRows<SessionRow>(liveSession, [claims.sessionId]);
  if (!session || session.userId !== claims.userId || session.expiresAt.getTime() <= Date.now() || !session.active) return null;
  const { userId: id, email, name, role, workspaceId } = session;
  return { user: { id, email, name, role, workspaceId }, sessionId: claims.sessionId };
}
