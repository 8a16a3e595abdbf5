// Facebook Login for the page-connect wizard: the dialog URL, code → short-lived → long-lived user
// token, and what the user really granted (a person may untick any permission in the dialog).
import { z } from "zod";
import { env } from "@/lib/env";
import { facebookApp } from "@/lib/channels/facebook/facebook-app";
import { graphRequest } from "@/lib/channels/facebook/graph-client";

/**
 * What the product needs: list the pages (pages_show_list), read and answer Messenger conversations
 * (pages_messaging, pages_read_engagement), subscribe the page's webhooks (pages_manage_metadata).
 * business_management is not asked for: it only matters for pages that the Business Manager owns
 * but the person has no page task on, and those cannot be connected here anyway (MANAGE is required);
 * asking for it would also put one more permission through App Review for nothing.
 */
export const FACEBOOK_SCOPES = ["pages_show_list", "pages_messaging", "pages_manage_metadata", "pages_read_engagement"] as const;

export function facebookRedirectUri(): string {
  return new URL("/api/channels/facebook/oauth/callback", env().APP_URL).toString();
}

/** The dialog the browser is sent to. `rerequest` asks again for permissions the person declined. */
export function facebookDialogUrl({ state, rerequest }: { state: string; rerequest: boolean }): string {
  const { META_DIALOG_URL, META_GRAPH_VERSION } = env();
  const { appId } = facebookApp();
  const url = new URL(`${META_DIALOG_URL.replace(/\/+$/, "")}/${META_GRAPH_VERSION}/dialog/oauth`);
  url.searchParams.set("client_id", appId);
  url.searchParams.set("redirect_uri", facebookRedirectUri());
  url.searchParams.set("state", state);
  url.searchParams.set("scope", FACEBOOK_SCOPES.join(","));
  url.searchParams.set("response_type", "code");
  if (rerequest) url.searchParams.set("auth_type", "rerequest");
  return url.toString();
}

const tokenReplySchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().int().positive().optional(),
});

export interface UserToken {
  accessToken: string;
  /** Null when Facebook gives no lifetime (the token lasts until revoked). */
  expiresAt: Date | null;
}

function tokenOf(reply: z.infer<typeof tokenReplySchema>): UserToken {
  return {
    accessToken: reply.access_token,
    expiresAt: reply.expires_in ? new Date(Date.now() + reply.expires_in * 1000) : null,
  };
}

/** The dialog's one-time code becomes a short-lived (about 1 h) token, traded at once for a ~60-day one. */
export async function exchangeCodeForLongLivedToken(code: string): Promise<UserToken> {
  const { appId, appSecret } = facebookApp();
  // POSTed as a form (Facebook accepts both): the secret, the code and the short-lived token stay
  // out of URLs, which proxies and access logs keep.
  const shortLived = await graphRequest({
    method: "POST",
    path: "oauth/access_token",
    form: { client_id: appId, client_secret: appSecret, redirect_uri: facebookRedirectUri(), code },
    schema: tokenReplySchema,
  });
  const longLived = await graphRequest({
    method: "POST",
    path: "oauth/access_token",
    form: {
      grant_type: "fb_exchange_token",
      client_id: appId,
      client_secret: appSecret,
      fb_exchange_token: shortLived.access_token,
    },
    schema: tokenReplySchema,
  });
  return tokenOf(longLived);
}

const permissionsSchema = z.object({
  data: z.array(z.object({ permission: z.string(), status: z.string() })),
});

export interface GrantedPermissions {
  granted: string[];
  declined: string[];
}

export async function fetchGrantedPermissions(userToken: string): Promise<GrantedPermissions> {
  const reply = await graphRequest({ path: "me/permissions", accessToken: userToken, schema: permissionsSchema });
  return {
    granted: reply.data.filter((row) => row.status === "granted").map((row) => row.permission),
    // "expired" permissions need the same fix as declined ones: asking again.
    declined: reply.data.filter((row) => row.status !== "granted").map((row) => row.permission),
  };
}

/** The permissions the product needs that are not granted, in the order they are asked for. */
export function missingScopes(granted: readonly string[]): string[] {
  return FACEBOOK_SCOPES.filter((scope) => !granted.includes(scope));
}

const facebookUserSchema = z.object({ id: z.string().min(1), name: z.string().default("") });

export async function fetchFacebookUser(userToken: string): Promise<z.infer<typeof facebookUserSchema>> {
  return graphRequest({ path: "me", accessToken: userToken, query: { fields: "id,name" }, schema: facebookUserSchema });
}
