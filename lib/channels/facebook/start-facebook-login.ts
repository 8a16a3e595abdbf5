// Step 1 of the wizard, "Thêm kết nối": a fresh `state` for this user and the Facebook dialog URL.
import { env } from "@/lib/env";
import { facebookDialogUrl } from "@/lib/channels/facebook/oauth";
import { createOAuthState, OAUTH_STATE_COOKIE, OAUTH_STATE_COOKIE_PATH, OAUTH_STATE_TTL_MS } from "@/lib/channels/facebook/oauth-state";

export interface StateCookie {
  name: string;
  value: string;
  options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: string; maxAge: number };
}

export function startFacebookLogin(userId: string, { rerequest }: { rerequest: boolean }): { dialogUrl: string; cookie: StateCookie } {
  const { state, cookieValue } = createOAuthState(userId, Date.now(), env().NEXTAUTH_SECRET);
  return {
    dialogUrl: facebookDialogUrl({ state, rerequest }),
    cookie: {
      name: OAUTH_STATE_COOKIE,
      value: cookieValue,
      // Lax: the cookie must come back on Facebook's top-level redirect to our callback.
      options: {
        httpOnly: true,
        sameSite: "lax",
        secure: env().APP_URL.startsWith("https://"),
        path: OAUTH_STATE_COOKIE_PATH,
        maxAge: OAUTH_STATE_TTL_MS / 1000,
      },
    },
  };
}
