// Zalo's OAuth v4 for Official Accounts: the permission page (PKCE challenge in, single-use 10-minute
// code out) and the token endpoint (authorization_code with code_verifier, single-use refresh_token).
import { z } from "zod";
import { sendHtml, sendPlainJson, sendRedirect } from "../shared/http-io";
import type { RequestContext, Router } from "../shared/http-router";
import { secretToken } from "./ids";
import { permissionErrorScreen, permissionScreen, type PermissionRequest } from "./permission-page";
import { verifierMatches } from "./pkce";
import { issueTokens, refreshTokens } from "./tokens";
import type { ZaloWorld } from "./world";
import { OAuthError, oauthErrors } from "./zalo-errors";

const CODE_LIFETIME_MS = 10 * 60_000;

const permissionRequestSchema = z.object({
  app_id: z.string().min(1),
  redirect_uri: z.url(),
  code_challenge: z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be base64url SHA-256, unpadded"),
  state: z.string().optional(),
});

const decisionSchema = permissionRequestSchema.extend({
  admin_id: z.string().min(1),
  decision: z.enum(["allow", "deny"]),
  oa_id: z.string().optional(),
});

export function addOAuthRoutes(router: Router, world: ZaloWorld): void {
  router.on("GET", "/v4/oa/permission", (ctx) => showPermissionPage(world, ctx));
  router.on("POST", "/v4/oa/permission", (ctx) => answerPermissionPage(world, ctx));
  router.on("POST", "/v4/oa/access_token", (ctx) => tokenEndpoint(world, ctx));
}

function checkedRequest(world: ZaloWorld, input: unknown): z.infer<typeof permissionRequestSchema> | string {
  const parsed = permissionRequestSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `Yêu cầu không hợp lệ: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim();
  }
  if (parsed.data.app_id !== world.config.appId) return "Ứng dụng không tồn tại (app_id không hợp lệ).";
  return parsed.data;
}

function showPermissionPage(world: ZaloWorld, ctx: RequestContext): void {
  const request = checkedRequest(world, Object.fromEntries(ctx.query));
  if (typeof request === "string") return sendHtml(ctx.res, 400, permissionErrorScreen(request));
  const admins = world.people.filter((p) => world.oas.some((oa) => oa.adminIds.includes(p.id)));
  const admin = admins.find((a) => a.id === ctx.query.get("admin_id")) ?? admins[0];
  if (!admin)
    return sendHtml(
      ctx.res,
      400,
      permissionErrorScreen("Không có quản trị viên OA nào trong thế giới giả lập."),
    );
  const permission: PermissionRequest = {
    appId: request.app_id,
    redirectUri: request.redirect_uri,
    codeChallenge: request.code_challenge,
    state: request.state,
  };
  sendHtml(
    ctx.res,
    200,
    permissionScreen({
      request: permission,
      appName: world.config.appName,
      admins,
      admin,
      oas: world.oas.filter((oa) => oa.adminIds.includes(admin.id)),
      avatarUrl: (id) => world.avatarUrl(id),
      switchUrl: (personId) => {
        const query = new URLSearchParams(ctx.query);
        query.set("admin_id", personId);
        return `/v4/oa/permission?${query.toString()}`;
      },
    }),
  );
}

function answerPermissionPage(world: ZaloWorld, ctx: RequestContext): void {
  const request = checkedRequest(world, ctx.body);
  if (typeof request === "string") return sendHtml(ctx.res, 400, permissionErrorScreen(request));
  const decision = decisionSchema.safeParse(ctx.body);
  if (!decision.success) return sendHtml(ctx.res, 400, permissionErrorScreen("Biểu mẫu không hợp lệ."));
  const { admin_id: adminId, oa_id: oaId, redirect_uri: redirectUri, state } = decision.data;
  const back = new URL(redirectUri);
  if (decision.data.decision === "deny") {
    back.searchParams.set("error", "access_denied");
    back.searchParams.set("error_description", "User denied the permission request");
  } else {
    const oa = oaId ? world.oa(oaId) : undefined;
    if (!oa || !oa.adminIds.includes(adminId))
      return sendHtml(ctx.res, 403, permissionErrorScreen("Bạn không phải quản trị viên của OA này."));
    const code = secretToken(32);
    world.codes.set(code, {
      code,
      oaId: oa.id,
      appId: request.app_id,
      redirectUri,
      codeChallenge: request.code_challenge,
      expiresAt: world.now() + CODE_LIFETIME_MS,
      used: false,
    });
    back.searchParams.set("code", code);
    back.searchParams.set("oa_id", oa.id);
  }
  if (state !== undefined && state !== "") back.searchParams.set("state", state);
  sendRedirect(ctx.res, back.toString());
}

const tokenRequestSchema = z.discriminatedUnion("grant_type", [
  z.object({
    grant_type: z.literal("authorization_code"),
    app_id: z.string(),
    code: z.string().min(1),
    code_verifier: z.string().min(1),
  }),
  z.object({ grant_type: z.literal("refresh_token"), app_id: z.string(), refresh_token: z.string().min(1) }),
]);

/** Errors come back in HTTP 200 bodies, as Zalo's do. */
function tokenEndpoint(world: ZaloWorld, ctx: RequestContext): void {
  try {
    const secret = ctx.req.headers.secret_key;
    if (ctx.body.app_id !== world.config.appId) throw oauthErrors.invalidAppId();
    if (secret !== world.config.appSecret) throw oauthErrors.invalidSecret();
    const parsed = tokenRequestSchema.safeParse(ctx.body);
    if (!parsed.success) throw oauthErrors.invalidGrantType();
    const request = parsed.data;
    if (request.grant_type === "refresh_token")
      return sendPlainJson(ctx.res, 200, refreshTokens(world, request.refresh_token));
    const code = world.codes.get(request.code);
    if (!code || code.appId !== request.app_id) throw oauthErrors.invalidCode("code is invalid");
    if (code.used) throw oauthErrors.invalidCode("code has already been used");
    if (code.expiresAt <= world.now()) throw oauthErrors.invalidCode("code has expired");
    // A wrong verifier spends the code too: a guessed verifier gets one try.
    code.used = true;
    if (!verifierMatches(request.code_verifier, code.codeChallenge)) throw oauthErrors.invalidVerifier();
    sendPlainJson(ctx.res, 200, issueTokens(world, code.oaId));
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    sendPlainJson(ctx.res, 200, error.toBody());
  }
}
