// The OAuth `state` of Facebook Login, bound to the signed-in user's browser session. The state is a
// random value sent to Facebook; only its SHA-256 hash, the user id and an expiry go into a signed,
// httpOnly, SameSite=Lax cookie. The callback accepts the state only from the same browser, for the
// same user, before the expiry; the cookie is cleared on the first callback, so it serves once.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const OAUTH_STATE_COOKIE = "fb_oauth_state";
/** The cookie is sent only to the callback and the start route. */
export const OAUTH_STATE_COOKIE_PATH = "/api/channels/facebook/oauth";
/** Long enough to pick pages and permissions on Facebook; a stale dialog must start again. */
export const OAUTH_STATE_TTL_MS = 15 * 60_000;

export type StateRejection = "missing" | "tampered" | "expired" | "wrong_user" | "mismatch";

const claimsSchema = z.object({ userId: z.string().min(1), stateHash: z.string().length(64), expiresAt: z.number().int() });

function sign(payload: string, secret: string): string {
  return createHmac("sha256", `fb-oauth-state:${secret}`).update(payload).digest("base64url");
}

function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function createOAuthState(userId: string, now: number, secret: string): { state: string; cookieValue: string } {
  const state = randomBytes(32).toString("base64url");
  const payload = Buffer.from(JSON.stringify({ userId, stateHash: sha256(state), expiresAt: now + OAUTH_STATE_TTL_MS })).toString("base64url");
  return { state, cookieValue: `${payload}.${sign(payload, secret)}` };
}

export function verifyOAuthState(
  cookieValue: string | undefined,
  state: string | null | undefined,
  userId: string,
  now: number,
  secret: string,
): { ok: true } | { ok: false; reason: StateRejection } {
  if (!cookieValue || !state) return { ok: false, reason: "missing" };
  const [payload, signature] = cookieValue.split(".");
  if (!payload || !signature || !sameText(signature, sign(payload, secret))) return { ok: false, reason: "tampered" };
  let claims: z.infer<typeof claimsSchema>;
  try {
    claims = claimsSchema.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    return { ok: false, reason: "tampered" };
  }
  if (claims.expiresAt <= now) return { ok: false, reason: "expired" };
  if (claims.userId !== userId) return { ok: false, reason: "wrong_user" };
  if (!sameText(sha256(state), claims.stateHash)) return { ok: false, reason: "mismatch" };
  return { ok: true };
}
