// A successful sign-in becomes a session row, whose id the cookie carries (JWT `sid`).
import { db } from "@/lib/db";

/** The cookie's lifetime and the row's: a session is not extended by use. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

export async function startSession(userId: string): Promise<string> {
  const now = new Date();
  // Sessions nobody signed out of would otherwise stay forever; an indexed delete per sign-in keeps
  // the table to the sessions that can still be used.
  await db().session.deleteMany({ where: { expiresAt: { lte: now } } });
  const session = await db().session.create({
    data: { userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
    select: { id: true },
  });
  return session.id;
}
