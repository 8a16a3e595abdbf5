// This server's Zalo app (ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY), which lib/env.ts
// validates together. A server without them does not offer Zalo: whatever needs the app is refused
// with a sentence instead of calling Zalo with nothing.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export interface ZaloApp {
  appId: string;
  /** Sent as the `secret_key` header of the token endpoint. */
  appSecret: string;
  /** The OA secret key of the app's webhook settings: it signs every webhook. */
  oaSecretKey: string;
}

export function zaloAppOrNull(): ZaloApp | null {
  const { ZALO_APP_ID: appId, ZALO_APP_SECRET: appSecret, ZALO_OA_SECRET_KEY: oaSecretKey } = env();
  return appId && appSecret && oaSecretKey ? { appId, appSecret, oaSecretKey } : null;
}

export function zaloApp(): ZaloApp {
  const app = zaloAppOrNull();
  if (!app) {
    throw new AppError("conflict", "Zalo is not configured on this server (ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_SECRET_KEY).", {
      reason: "platform_not_configured",
    });
  }
  return app;
}
