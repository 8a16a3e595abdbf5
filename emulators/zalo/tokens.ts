// OA access tokens (25 h) and refresh tokens (about 3 months, single-use), and what spends or kills them.
import { secretToken } from "./ids";
import type { ZaloWorld } from "./world";
import { oauthErrors, zaloErrors } from "./zalo-errors";

/** Zalo answers `expires_in` as a string of seconds: 25 hours. */
const ACCESS_TOKEN_SECONDS = 90_000;
const REFRESH_TOKEN_MS = 90 * 24 * 3_600_000;

export interface TokenPair {
  access_token: string;
  refresh_token: string;
  expires_in: string;
}

export function issueTokens(world: ZaloWorld, oaId: string): TokenPair {
  const accessToken = secretToken();
  const refreshToken = secretToken();
  const now = world.now();
  world.accessTokens.set(accessToken, { oaId, expiresAt: now + ACCESS_TOKEN_SECONDS * 1000 });
  world.refreshTokens.set(refreshToken, { oaId, expiresAt: now + REFRESH_TOKEN_MS, revoked: false });
  return { access_token: accessToken, refresh_token: refreshToken, expires_in: String(ACCESS_TOKEN_SECONDS) };
}

/** The OA an Open API call acts for; -216 for a token never issued, -220 for one past its 25 h. */
export function oaOfAccessToken(world: ZaloWorld, token: string | undefined): string {
  const record = token ? world.accessTokens.get(token) : undefined;
  if (!record) throw zaloErrors.invalidToken();
  if (record.expiresAt <= world.now()) throw zaloErrors.expiredToken();
  return record.oaId;
}

/** Spends a refresh token for a new pair; every call is logged, whatever its outcome. */
export function refreshTokens(world: ZaloWorld, token: string): TokenPair {
  const record = world.refreshTokens.get(token);
  const use = { at: world.now(), oaId: record?.oaId, tokenPrefix: token.slice(0, 8) };
  const refuse = (outcome: "already_used" | "revoked" | "expired" | "unknown", why: string): never => {
    world.recordRefreshUse({ ...use, outcome });
    throw oauthErrors.invalidRefreshToken(why);
  };
  if (!record) return refuse("unknown", "refresh_token is invalid");
  if (record.revoked) return refuse("revoked", "refresh_token has been revoked");
  if (record.usedAt !== undefined) return refuse("already_used", "refresh_token has already been used");
  if (record.expiresAt <= world.now()) return refuse("expired", "refresh_token has expired");
  record.usedAt = world.now();
  world.recordRefreshUse({ ...use, outcome: "ok" });
  return issueTokens(world, record.oaId);
}

/** The control API's "expire now": every access token of the OA answers -220 from then on. */
export function expireAccessTokens(world: ZaloWorld, oaId: string): number {
  let count = 0;
  for (const record of world.accessTokens.values())
    if (record.oaId === oaId && record.expiresAt > world.now()) {
      record.expiresAt = world.now();
      count++;
    }
  return count;
}

/**
 * The control API's "revoke": the OA's unspent refresh tokens stop working (the app must reconnect).
 * With `alsoAccessTokens` its access tokens die too (-216), as when the OA's administrator takes the
 * app's permission away: the app finds out on its next call instead of at its next refresh.
 */
export function revokeRefreshTokens(world: ZaloWorld, oaId: string, alsoAccessTokens = false): number {
  if (alsoAccessTokens)
    for (const [token, record] of world.accessTokens)
      if (record.oaId === oaId) world.accessTokens.delete(token);
  let count = 0;
  for (const record of world.refreshTokens.values())
    if (record.oaId === oaId && !record.revoked && record.usedAt === undefined) {
      record.revoked = true;
      count++;
    }
  return count;
}
