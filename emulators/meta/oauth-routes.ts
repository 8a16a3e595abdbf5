// Token endpoints: code → short-lived token, exchange → long-lived token, app token, debug_token.
import { graphErrors } from "./graph-errors";
import { callerToken, param } from "./graph-request";
import { sendJson } from "./facebook-json";
import type { RequestContext, Router } from "../shared/http-router";
import {
  appToken,
  DATA_ACCESS_MS,
  grantedScopes,
  issueUserToken,
  LONG_LIVED_SECONDS,
  resolveToken,
  SHORT_LIVED_SECONDS,
  tokenProblem,
} from "./tokens";
import type { World } from "./world";

/** Facebook's codes are good for about 10 minutes. */
const CODE_TTL_MS = 10 * 60_000;

export function addOAuthRoutes(router: Router, world: World): void {
  router.on("GET", "/oauth/access_token", (ctx) => accessToken(world, ctx));
  router.on("POST", "/oauth/access_token", (ctx) => accessToken(world, ctx));
  router.on("GET", "/debug_token", (ctx) => debugToken(world, ctx));
}

function checkClient(world: World, ctx: RequestContext): void {
  if (param(ctx, "client_id") !== world.config.appId) throw graphErrors.invalidAppId();
  if (param(ctx, "client_secret") !== world.config.appSecret) throw graphErrors.invalidClientSecret();
}

function accessToken(world: World, ctx: RequestContext): void {
  checkClient(world, ctx);
  const grantType = param(ctx, "grant_type");
  if (grantType === "client_credentials") {
    return sendJson(ctx.res, 200, { access_token: appToken(world), token_type: "bearer" });
  }
  if (grantType === "fb_exchange_token") {
    const shortLived = resolveToken(world, param(ctx, "fb_exchange_token"));
    if (shortLived.kind !== "user") throw graphErrors.userTokenRequired();
    const token = issueUserToken(world, shortLived.userId, true);
    return sendJson(ctx.res, 200, {
      access_token: token.value,
      token_type: "bearer",
      expires_in: LONG_LIVED_SECONDS,
    });
  }

  const code = world.codes.get(param(ctx, "code") ?? "");
  if (!code) throw graphErrors.invalidCode();
  if (code.used) throw graphErrors.codeAlreadyUsed();
  if (world.now() - code.createdAt > CODE_TTL_MS) throw graphErrors.codeExpired();
  if (param(ctx, "redirect_uri") !== code.redirectUri) throw graphErrors.redirectUriMismatch();
  code.used = true;
  const token = issueUserToken(world, code.userId, false);
  sendJson(ctx.res, 200, {
    access_token: token.value,
    token_type: "bearer",
    expires_in: SHORT_LIVED_SECONDS,
  });
}

function debugToken(world: World, ctx: RequestContext): void {
  // Only the app token (or a token of this app) may inspect tokens.
  const caller = param(ctx, "access_token");
  if (caller !== appToken(world)) callerToken(world, ctx);

  const input = world.tokens.get(param(ctx, "input_token") ?? "");
  if (!input) {
    return sendJson(ctx.res, 200, {
      data: {
        error: { code: 190, message: "Invalid OAuth access token - Cannot parse access token" },
        is_valid: false,
        scopes: [],
      },
    });
  }
  const grant = world.grants.get(input.userId);
  const scopes = grantedScopes(world, input.userId);
  const problem = tokenProblem(world, input);
  const data: Record<string, unknown> = {
    app_id: world.config.appId,
    type: input.kind === "user" ? "USER" : "PAGE",
    application: world.config.appName,
    data_access_expires_at: grant ? Math.floor((grant.grantedAt + DATA_ACCESS_MS) / 1000) : 0,
    expires_at: Math.floor(input.expiresAt / 1000),
    is_valid: problem === undefined,
    issued_at: Math.floor(input.issuedAt / 1000),
    ...(input.pageId ? { profile_id: input.pageId } : {}),
    scopes,
    granular_scopes: scopes.map((scope) =>
      scope.startsWith("pages_") && grant ? { scope, target_ids: grant.pageIds } : { scope },
    ),
    user_id: input.userId,
  };
  if (problem) {
    const error = graphErrors.invalidToken(problem);
    data.error = { code: error.code, message: error.message, subcode: error.subcode };
  }
  sendJson(ctx.res, 200, { data });
}
