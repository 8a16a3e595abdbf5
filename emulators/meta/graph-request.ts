// What Graph handlers share: reading parameters, the caller's token, and permission checks.
import { GraphError, graphErrors } from "./graph-errors";
import type { RequestContext } from "../shared/http-router";
import { grantedScopes, resolveToken } from "./tokens";
import type { World } from "./world";
import type { AccessToken, PageTask } from "./world-types";

/** A parameter from the query string or the body (form or JSON), as Graph accepts both. */
export function param(ctx: RequestContext, name: string): string | undefined {
  const fromQuery = ctx.query.get(name);
  if (fromQuery !== null) return fromQuery;
  const fromBody = ctx.body[name];
  if (typeof fromBody === "string") return fromBody;
  if (typeof fromBody === "number" || typeof fromBody === "boolean") return String(fromBody);
  return undefined;
}

export function accessTokenValue(ctx: RequestContext): string | undefined {
  const header = ctx.req.headers.authorization;
  const bearer = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header)?.[1] : undefined;
  return bearer ?? param(ctx, "access_token");
}

export function callerToken(world: World, ctx: RequestContext): AccessToken {
  return resolveToken(world, accessTokenValue(ctx));
}

export function requireUserToken(world: World, ctx: RequestContext): AccessToken {
  const token = callerToken(world, ctx);
  if (token.kind !== "user") throw graphErrors.userTokenRequired();
  return token;
}

/** The caller must hold a page token for exactly this page. */
export function requirePageToken(world: World, ctx: RequestContext, pageId: string): AccessToken {
  const token = callerToken(world, ctx);
  if (token.kind !== "page") throw graphErrors.pageTokenRequired();
  if (token.pageId !== pageId) throw graphErrors.unknownObject(pageId);
  return token;
}

export function requireScope(world: World, token: AccessToken, scope: string): void {
  if (!grantedScopes(world, token.userId).includes(scope)) throw graphErrors.missingPermission(scope);
}

export function requireTask(
  world: World,
  token: AccessToken,
  pageId: string,
  anyOf: readonly PageTask[],
): void {
  const tasks = world.role(token.userId, pageId)?.tasks ?? [];
  if (!anyOf.some((t) => tasks.includes(t))) throw graphErrors.missingTask(anyOf);
}

export function limitParam(ctx: RequestContext, fallback: number, max = 100): number {
  const raw = param(ctx, "limit");
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0)
    throw graphErrors.invalidParameter("Param limit must be a non-negative integer");
  return Math.min(n, max);
}

/** Facebook's timestamp format in Graph replies: "2026-05-01T09:30:00+0000". */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+0000");
}

export function isGraphError(error: unknown): error is GraphError {
  return error instanceof GraphError;
}
