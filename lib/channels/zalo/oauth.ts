// Zalo's OAuth v4 for Official Accounts (docs/platforms/zalo.md, "Authorization" and "Tokens"): the
// permission page the admin is sent to, and the token endpoint that turns a code (with its PKCE
// verifier) or a single-use refresh token into a new pair. `expires_in` arrives as a string.
import { z } from "zod";
import { env } from "@/lib/env";
import { codeChallengeOf } from "@/lib/channels/zalo/pkce";
import { zaloApp } from "@/lib/channels/zalo/zalo-app";
import { zaloRequest, zaloUrl } from "@/lib/channels/zalo/zalo-client";

export const ZALO_CALLBACK_PATH = "/api/channels/zalo/oauth/callback";

export function zaloRedirectUri(): string {
  return new URL(ZALO_CALLBACK_PATH, env().APP_URL).toString();
}

export function zaloPermissionUrl({ state, codeVerifier }: { state: string; codeVerifier: string }): string {
  const url = zaloUrl("oauth", "/v4/oa/permission");
  url.searchParams.set("app_id", zaloApp().appId);
  url.searchParams.set("redirect_uri", zaloRedirectUri());
  url.searchParams.set("code_challenge", codeChallengeOf(codeVerifier));
  url.searchParams.set("state", state);
  return url.toString();
}

const tokenReplySchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  // A string of seconds ("90000") in every source; a number is accepted too.
  expires_in: z.union([z.string().regex(/^\d+$/), z.number().int()]).transform(Number),
});

export interface ZaloTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

async function requestTokens(form: Record<string, string>, now: Date): Promise<ZaloTokens> {
  const { appId, appSecret } = zaloApp();
  const reply = await zaloRequest({
    host: "oauth",
    method: "POST",
    path: "/v4/oa/access_token",
    headers: { secret_key: appSecret },
    form: { ...form, app_id: appId },
    schema: tokenReplySchema,
  });
  return { accessToken: reply.access_token, refreshToken: reply.refresh_token, expiresAt: new Date(now.getTime() + reply.expires_in * 1000) };
}

export function exchangeZaloCode(code: string, codeVerifier: string, now = new Date()): Promise<ZaloTokens> {
  return requestTokens({ grant_type: "authorization_code", code, code_verifier: codeVerifier }, now);
}

/** Spends `refreshToken` (Zalo accepts each one once) for a new access token and refresh token. */
export function refreshZaloTokens(refreshToken: string, now = new Date()): Promise<ZaloTokens> {
  return requestTokens({ grant_type: "refresh_token", refresh_token: refreshToken }, now);
}
