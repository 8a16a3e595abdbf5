// This server's Facebook app (META_APP_ID, META_APP_SECRET, META_VERIFY_TOKEN), which lib/env.ts
// validates together. A server without them does not offer Facebook: whatever needs the app is
// refused with a sentence instead of calling Facebook with nothing.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export interface FacebookApp {
  appId: string;
  appSecret: string;
  verifyToken: string;
}

export function facebookAppOrNull(): FacebookApp | null {
  const { META_APP_ID: appId, META_APP_SECRET: appSecret, META_VERIFY_TOKEN: verifyToken } = env();
  return appId && appSecret && verifyToken ? { appId, appSecret, verifyToken } : null;
}

export function facebookApp(): FacebookApp {
  const app = facebookAppOrNull();
  if (!app) throw new AppError("conflict", "Facebook is not configured on this server (META_APP_ID, META_APP_SECRET, META_VERIFY_TOKEN).", { reason: "platform_not_configured" });
  return app;
}
