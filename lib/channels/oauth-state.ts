// The OAuth `state` of a platform's login (Facebook Login, Zalo's OA permission page): a random value
// sent to the platform, bound to the signed-in user who started the login, good for one callback
// within 15 minutes. Only its SHA-256 hash is stored
// (OAuthState), so reading the table gives nobody a usable state. The callback consumes it with one
// conditional UPDATE: of two callbacks carrying the same state (a replayed redirect, a reload of
// the callback URL), exactly one goes on, and the other changes nothing.
import { createHash, randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/** Long enough to pick pages (or an OA) and permissions; a stale dialog must start again. */
export const OAUTH_STATE_TTL_MS = 15 * 60_000;

export type StateRejection = "missing" | "unknown" | "expired" | "used";

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** A fresh state for `userId`; states past their expiry, anyone's, are deleted on the way. */
export async function issueOAuthState(userId: string, now = new Date()): Promise<string> {
  const state = randomBytes(32).toString("base64url");
  await db().$transaction([
    db().oAuthState.deleteMany({ where: { expiresAt: { lte: now } } }),
    db().oAuthState.create({ data: { stateHash: sha256(state), userId, expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS) } }),
  ]);
  return state;
}

/** Spends the state if `userId` started it, unused and unexpired; otherwise says why not. */
export async function consumeOAuthState(
  userId: string,
  state: string | null | undefined,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; reason: StateRejection }> {
  if (!state) return { ok: false, reason: "missing" };
  const stateHash = sha256(state);
  const spent = await db().oAuthState.updateMany({
    where: { stateHash, userId, consumedAt: null, expiresAt: { gt: now } },
    data: { consumedAt: now },
  });
  if (spent.count === 1) return { ok: true };
  const row = await db().oAuthState.findUnique({ where: { stateHash }, select: { userId: true, consumedAt: true } });
  // Another user's state is as good as a made-up one: nothing says it exists.
  if (!row || row.userId !== userId) return { ok: false, reason: "unknown" };
  return { ok: false, reason: row.consumedAt ? "used" : "expired" };
}
