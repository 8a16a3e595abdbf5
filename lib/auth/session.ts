// Who is asking, for pages and route handlers (sockets use session-token.ts directly).
import { cookies } from "next/headers";
import { cache } from "react";
import { forbidden, redirect } from "next/navigation";
import { AppError } from "@/lib/errors";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { isSetupOpen } from "@/lib/setup/setup-token";
import { sessionCookieName, sessionFromToken, type SessionUser, type SignedInSession } from "@/lib/auth/session-token";

export type { SessionUser };

/** Asked once per page render: the layout, the page and the message catalog's time zone share it. */
const currentSession = cache(async (): Promise<SignedInSession | null> => {
  const store = await cookies();
  return sessionFromToken(store.get(sessionCookieName())?.value);
});

export async function currentUser(): Promise<SessionUser | null> {
  return (await currentSession())?.user ?? null;
}

/** For route handlers that act on the session itself (this device): 401 without a valid one. */
export async function requireSession(): Promise<SignedInSession> {
  const session = await currentSession();
  if (!session) throw new AppError("unauthenticated", "Sign in to continue.");
  return session;
}

/** For route handlers: 401 without a valid session. */
export async function requireUser(): Promise<SessionUser> {
  return (await requireSession()).user;
}

/** For route handlers: 403 for anyone but an admin. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "admin") throw new AppError("forbidden", "Only an admin of the workspace can do this.");
  return user;
}

/**
 * For pages: signed-out visitors go to the sign-in page and come back afterwards, or, before the
 * first-run setup (when nobody could sign in), to the setup screen.
 */
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (user) return user;
  if (await isSetupOpen()) redirect("/setup");
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(safeReturnPath(returnTo))}`);
}

/** For pages: agents get the 403 page (app/forbidden.tsx). */
export async function requirePageAdmin(returnTo: string): Promise<SessionUser> {
  const user = await requirePageUser(returnTo);
  if (user.role !== "admin") forbidden();
  return user;
}
