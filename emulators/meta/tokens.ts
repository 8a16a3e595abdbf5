// Issuing and checking access tokens: short/long-lived user tokens, page tokens and the app token.
import { randomBytes } from "node:crypto";
import { graphErrors, type InvalidTokenReason } from "./graph-errors";
import type { World } from "./world";
import type { AccessToken, TokenState } from "./world-types";

export const SHORT_LIVED_SECONDS = 5183;
export const LONG_LIVED_SECONDS = 5_183_944;
/** Data access lasts 90 days from the grant, as Facebook reports in debug_token. */
export const DATA_ACCESS_MS = 90 * 24 * 3600 * 1000;

function opaqueToken(): string {
  // Facebook tokens start with "EAA"; the rest is opaque and carries no meaning.
  return `EAA${randomBytes(48).toString("base64url")}`;
}

export function issueUserToken(world: World, userId: string, longLived: boolean): AccessToken {
  const now = world.now();
  const token: AccessToken = {
    value: opaqueToken(),
    kind: "user",
    userId,
    longLived,
    issuedAt: now,
    expiresAt: now + (longLived ? LONG_LIVED_SECONDS : SHORT_LIVED_SECONDS) * 1000,
    state: "valid",
  };
  world.tokens.set(token.value, token);
  return token;
}

/** A page token lives as long as the user token it came from; from a long-lived one it never expires. */
export function pageTokenFor(world: World, userToken: AccessToken, pageId: string): AccessToken {
  const cacheKey = `${userToken.value}|${pageId}`;
  const cached = world.pageTokenCache.get(cacheKey);
  const existing = cached ? world.tokens.get(cached) : undefined;
  if (existing) return existing;
  const token: AccessToken = {
    value: opaqueToken(),
    kind: "page",
    userId: userToken.userId,
    pageId,
    longLived: userToken.longLived,
    issuedAt: world.now(),
    expiresAt: userToken.longLived ? 0 : userToken.expiresAt,
    state: "valid",
  };
  world.tokens.set(token.value, token);
  world.pageTokenCache.set(cacheKey, token.value);
  return token;
}

export function appToken(world: World): string {
  return `${world.config.appId}|${world.config.appSecret}`;
}

/** Why a token cannot be used now, or undefined when it can. */
export function tokenProblem(world: World, token: AccessToken): InvalidTokenReason | undefined {
  if (token.state !== "valid") return token.state;
  if (token.expiresAt !== 0 && world.now() >= token.expiresAt) return "expired";
  if (!world.grants.has(token.userId)) return "app_not_installed";
  if (token.kind === "page" && token.pageId && !world.role(token.userId, token.pageId)) return "invalid";
  return undefined;
}

export function resolveToken(world: World, value: string | undefined): AccessToken {
  if (!value) throw graphErrors.missingToken();
  const token = world.tokens.get(value);
  if (!token) throw graphErrors.unparsableToken();
  const problem = tokenProblem(world, token);
  if (problem) throw graphErrors.invalidToken(problem);
  return token;
}

export interface TokenFilter {
  userId?: string;
  pageId?: string;
  value?: string;
}

/** Marks matching tokens unusable (expired, password changed, app removed...); returns how many. */
export function invalidateTokens(
  world: World,
  filter: TokenFilter,
  state: Exclude<TokenState, "valid">,
): number {
  let count = 0;
  for (const token of world.tokens.values()) {
    if (filter.value && token.value !== filter.value) continue;
    if (filter.userId && token.userId !== filter.userId) continue;
    if (filter.pageId && token.pageId !== filter.pageId) continue;
    token.state = state;
    count++;
  }
  return count;
}

/** Scopes the user granted this app, live: a later re-request widens existing tokens too. */
export function grantedScopes(world: World, userId: string): string[] {
  const grant = world.grants.get(userId);
  if (!grant) return [];
  return Object.entries(grant.scopes)
    .filter(([, status]) => status === "granted")
    .map(([scope]) => scope);
}
